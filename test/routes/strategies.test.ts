// Strategy and DSI pages called as the HTTP server calls them, against a real
// database (and a temporary local file store): who sees what, forms that keep
// the user's text, stale saves, publishing rights, uploads, the comparison,
// assessments and the member profile.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDelegation, createUser, dsiIndicatorValues, newTotpSecret, strategyFields, actorFor } from "../factories";
import { get, loadContext, ORIGIN, post, respond, sessionCookieFor } from "../http";
import * as list from "~/routes/$lang.strategies._index";
import * as show from "~/routes/$lang.strategies.$slug._index";
import * as edit from "~/routes/$lang.strategies.$slug.edit";
import * as create from "~/routes/$lang.strategies.new";
import * as versions from "~/routes/$lang.strategies.$slug.versions";
import * as compare from "~/routes/$lang.strategies.compare";
import * as files from "~/routes/$lang.strategies.$slug.attachments._index";
import * as download from "~/routes/$lang.strategies.$slug.attachments.$id";
import * as dsiIndex from "~/routes/$lang.strategies.dsi._index";
import * as assessment from "~/routes/$lang.strategies.dsi.$code.$year";
import * as member from "~/routes/$lang.members.$code";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { createStrategy, publishStrategy, saveVersion } from "~/modules/strategy/strategy.server";
import { prisma } from "~/utils/db.server";

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: loadContext() });
const YEAR = new Date().getUTCFullYear();

let root = "";
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-strategy-routes-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A delegation with a delegate and a head (with TOTP, as heads must have), signed in. */
async function team(code: string) {
  const delegation = await createDelegation({ code });
  const delegate = await createUser({ role: "DELEGATE", delegationId: delegation.id, name: `Delegate ${code}` });
  const head =
    (await prisma.user.findFirst({ where: { delegationId: delegation.id, role: "HEAD" } })) ??
    (await createUser({ role: "HEAD", delegationId: delegation.id, name: `Head ${code}`, totpSecret: newTotpSecret() }));
  return { delegation, delegate, head, delegateCookie: await sessionCookieFor(delegate.id), headCookie: await sessionCookieFor(head.id) };
}

async function aDraft(code: string, title = "Sovereign AI strategy") {
  const t = await team(code);
  const strategy = await createStrategy({ actor: await actorFor(t.delegate), originalLanguage: "en", ...strategyFields({ title }) });
  return { ...t, strategy };
}

function multipart(pathname: string, form: FormData, cookie: string) {
  return new Request(`${ORIGIN}${pathname}`, { method: "POST", body: form, headers: { Origin: ORIGIN, Cookie: cookie } });
}

describe("reading strategies", () => {
  it("shows anonymous readers the public published strategies only, without asking them to sign in", async () => {
    const { strategy, head } = await aDraft("BR", "Brazil public strategy");
    const members = await aDraft("IN", "India members-only strategy");
    await publishStrategy({ actor: await actorFor(head), strategyId: strategy.id, version: 1, visibility: "PUBLIC" });
    await publishStrategy({ actor: await actorFor(members.head), strategyId: members.strategy.id, version: 1, visibility: "MEMBERS" });
    const res = await respond(() => list.loader(args(get("/en/strategies"), { lang: "en" })));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((s: { title: string }) => s.title)).toEqual(["Brazil public strategy"]);
    expect(body.title).toBe("Sovereign-AI strategies · Concord");
    expect((await respond(() => show.loader(args(get(`/en/strategies/${members.strategy.slug}`), { lang: "en", slug: members.strategy.slug })))).status).toBe(404);
    const page = await (await respond(() => show.loader(args(get(`/ar/strategies/${strategy.slug}`), { lang: "ar", slug: strategy.slug })))).json();
    expect(page.current.text.title).toBe("Brazil public strategy");
    expect(page.current.isFallback).toBe(true); // no Arabic version: the original, with a notice
    expect(page.may).toEqual({ edit: false, publish: false, seeUnpublished: false });
    expect(page.sections[0].html).toContain("<p>");
  });

  it("filters by the query string, and ignores nonsense in it", async () => {
    await aDraft("ZA");
    const { delegateCookie } = await team("ZA");
    const byStatus = await (await respond(() => list.loader(args(get("/en/strategies?status=DRAFT&delegation=za&year=nonsense", delegateCookie), { lang: "en" })))).json();
    expect(byStatus.filters).toEqual({ status: "DRAFT", delegation: "ZA" });
    expect(byStatus.items.length).toBeGreaterThan(0);
    expect(byStatus.items.every((s: { status: string }) => s.status === "DRAFT")).toBe(true);
  });
});

describe("drafting", () => {
  it("answers an invalid new strategy with messages beside the fields and keeps the text; nothing is saved", async () => {
    const { delegateCookie } = await team("EG");
    const before = await prisma.strategy.count();
    const res = await respond(() =>
      create.action(
        args(
          post(
            "/en/strategies/new",
            {
              title: "A strategy",
              summary: "Kept summary.",
              issuingAuthority: "Ministry",
              originalLanguage: "en",
              dimensions: "DATA_OWNERSHIP",
              "sections[0].heading": "Scope",
              "sections[0].body": "Kept body text",
            },
            delegateCookie,
          ),
          { lang: "en" },
        ),
      ),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error["dimensionNotes.DATA_OWNERSHIP"]).toEqual(["strategies:validation.dimensionNote"]);
    expect(body.result.initialValue.sections[0].body).toBe("Kept body text");
    expect(await prisma.strategy.count()).toBe(before);
  });

  it("refuses a stale save with 409, returning the current text beside the editor's own", async () => {
    const { strategy, delegate, delegateCookie } = await aDraft("CN");
    const key = (await prisma.strategySection.findFirstOrThrow({ where: { text: { version: { strategyId: strategy.id } } }, orderBy: { position: "asc" } })).key;
    const save = (body: string) =>
      respond(() =>
        edit.action(
          args(
            post(
              `/en/strategies/${strategy.slug}/edit`,
              {
                baseVersion: "1",
                title: "Sovereign AI strategy",
                summary: "Summary.",
                issuingAuthority: "Ministry",
                dimensions: "DIGITAL_CAPABILITY",
                "dimensionNotes.DIGITAL_CAPABILITY": "Skills.",
                changeNote: "edit",
                "sections[0].key": key,
                "sections[0].heading": "Vision",
                "sections[0].body": body,
              },
              delegateCookie,
            ),
            { lang: "en", slug: strategy.slug },
          ),
        ),
      );
    await saveVersion({
      actor: await actorFor(delegate),
      strategyId: strategy.id,
      baseVersion: 1,
      changeNote: "colleague",
      ...strategyFields({ sections: [{ key, heading: "Vision", body: "Colleague's wording." }] }),
    });
    const stale = await save("My own careful wording.");
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.conflict).toMatchObject({ version: 2, sections: [{ body: "Colleague's wording." }] });
    expect(body.result.initialValue.sections[0].body).toBe("My own careful wording.");
    expect(body.result.error[""]).toEqual(["errors.staleVersion"]);
    expect(await prisma.strategyVersion.count({ where: { strategyId: strategy.id } })).toBe(2);
  });

  it("lets only the head publish, from the strategy page, and shows the diff of any two versions", async () => {
    const { strategy, delegate, delegateCookie, headCookie } = await aDraft("RU");
    const keys = (await prisma.strategySection.findMany({ where: { text: { version: { strategyId: strategy.id } } }, orderBy: { position: "asc" } })).map((s) => s.key);
    await saveVersion({
      actor: await actorFor(delegate),
      strategyId: strategy.id,
      baseVersion: 1,
      changeNote: "Sharper vision",
      ...strategyFields({ sections: [{ key: keys[0], heading: "Vision", body: "AI that serves every citizen." }] }),
    });
    const publish = (cookie: string) =>
      respond(() =>
        show.action(args(post(`/en/strategies/${strategy.slug}`, { intent: "publish", version: "2", visibility: "PUBLIC" }, cookie), { lang: "en", slug: strategy.slug })),
      );
    const refused = await publish(delegateCookie);
    expect(refused.status).toBe(403);
    expect((await refused.json()).result.error[""]).toEqual(["errors.forbidden"]);
    const done = await publish(headCookie);
    expect(done.status).toBe(302);
    expect((await prisma.strategy.findUniqueOrThrow({ where: { id: strategy.id } })).publishedVersion).toBe(2);
    const diff = await (await respond(() => versions.loader(args(get(`/en/strategies/${strategy.slug}/versions?from=1&to=2`), { lang: "en", slug: strategy.slug })))).json();
    expect(diff.comparison.sections[0].change).toBe("changed");
    expect(diff.comparison.sections[1].change).toBe("removed");
    expect(diff.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });
});

describe("the comparison", () => {
  it("shows two to four strategies the reader may see, and says when too many are asked for", async () => {
    const a = await aDraft("ID", "Indonesia strategy");
    const b = await aDraft("ET", "Ethiopia strategy");
    for (const x of [a, b]) await publishStrategy({ actor: await actorFor(x.head), strategyId: x.strategy.id, version: 1, visibility: "PUBLIC" });
    const res = await (await respond(() => compare.loader(args(get(`/en/strategies/compare?ids=${a.strategy.slug}&ids=${b.strategy.id}`), { lang: "en" })))).json();
    expect(res.problem).toBeNull();
    expect(res.strategies.map((s: { text: { title: string } }) => s.text.title)).toEqual(["Indonesia strategy", "Ethiopia strategy"]);
    expect(res.strategies[0].text.dimensionNotes.DATA_OWNERSHIP).toBe("Public data stays under national jurisdiction.");
    const tooMany = await (await respond(() => compare.loader(args(get("/en/strategies/compare?ids=a,b,c,d,e"), { lang: "en" })))).json();
    expect(tooMany).toMatchObject({ problem: "tooMany", strategies: [] });
  });
});

describe("files", () => {
  it("uploads a PDF through the form, refuses other content beside the field, and serves downloads as attachments", async () => {
    const { strategy, delegateCookie } = await aDraft("IR");
    const pathname = `/en/strategies/${strategy.slug}/attachments`;
    const params = { lang: "en", slug: strategy.slug };
    const bad = new FormData();
    bad.append("language", "fa");
    bad.append("file", new Blob(["<html><script>alert(1)</script></html>"]), "strategy.pdf");
    const refused = await respond(() => files.action(args(multipart(pathname, bad, delegateCookie), params)));
    expect(refused.status).toBe(415);
    const refusedBody = await refused.json();
    expect(refusedBody.result.error.file).toEqual(["errors.fileType"]);
    expect(refusedBody.result.initialValue.language).toBe("fa");

    const good = new FormData();
    good.append("language", "fa");
    good.append("file", new Blob([Buffer.from("%PDF-1.7\n%%EOF\n")]), "راهبرد.pdf");
    expect((await respond(() => files.action(args(multipart(pathname, good, delegateCookie), params)))).status).toBe(302);
    const [attachment] = await prisma.strategyAttachment.findMany({ where: { strategyId: strategy.id } });
    expect(attachment).toMatchObject({ filename: "راهبرد.pdf", language: "fa", contentType: "application/pdf" });

    const file = await respond(() => download.loader(args(get(`${pathname}/${attachment!.id}`, delegateCookie), { ...params, id: attachment!.id })));
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("X-Checksum-SHA256")).toBe(attachment!.sha256);
    const nonsense = "------------------------------------";
    expect((await respond(() => download.loader(args(get(`${pathname}/${nonsense}`, delegateCookie), { ...params, id: nonsense })))).status).toBe(404);
    // Anonymous readers cannot fetch a draft's file.
    expect((await respond(() => download.loader(args(get(`${pathname}/${attachment!.id}`), { ...params, id: attachment!.id })))).status).toBe(404);
    // Another delegation cannot upload here.
    const outsider = await team("AE");
    const other = new FormData();
    other.append("file", new Blob([Buffer.from("%PDF-1.7\n%%EOF\n")]), "x.pdf");
    expect((await respond(() => files.action(args(multipart(pathname, other, outsider.delegateCookie), params)))).status).toBe(404);
  });
});

describe("DSI assessments", () => {
  it("takes the head's self-assessment with field errors, submission, and the secretariat's publication; then it is public", async () => {
    const { headCookie, delegateCookie } = await team("BO");
    const pathname = `/en/strategies/dsi/bo/${YEAR}`;
    const params = { lang: "en", code: "bo", year: String(YEAR) };
    const values = Object.fromEntries(Object.entries(dsiIndicatorValues(60)).map(([k, v]) => [`indicators.${k}`, String(v)]));
    expect((await respond(() => assessment.loader(args(get(pathname), params)))).status).toBe(404);

    const invalid = await respond(() =>
      assessment.action(
        args(
          post(
            pathname,
            { intent: "save", ...values, "indicators.skills": "101", "evidence[0].indicator": "skills", "evidence[0].url": "javascript:alert(1)", "evidence[0].label": "x" },
            headCookie,
          ),
          params,
        ),
      ),
    );
    expect(invalid.status).toBe(400);
    const invalidBody = await invalid.json();
    expect(invalidBody.result.error["indicators.skills"]).toEqual(['validation.tooBig|{"max":100}']);
    expect(invalidBody.result.error["evidence[0].url"]).toBeDefined();
    expect(invalidBody.result.initialValue.indicators.research).toBe("60");

    // Nobody but the head can start it (to anyone else, it does not exist yet), nor change it.
    expect((await respond(() => assessment.action(args(post(pathname, { intent: "save", ...values }, delegateCookie), params)))).status).toBe(404);
    expect((await respond(() => assessment.action(args(post(pathname, { intent: "save", ...values }, headCookie), params)))).status).toBe(302);
    const refused = await respond(() => assessment.action(args(post(pathname, { intent: "save", revision: "1", ...values }, delegateCookie), params)));
    expect(refused.status).toBe(403);
    expect((await respond(() => assessment.action(args(post(pathname, { intent: "submit", revision: "1" }, headCookie), params)))).status).toBe(302);

    const admin = await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() });
    const adminCookie = await sessionCookieFor(admin.id);
    const queue = await (await respond(() => dsiIndex.loader(args(get("/en/strategies/dsi", adminCookie), { lang: "en" })))).json();
    expect(queue.queue).toEqual([expect.objectContaining({ code: "BO", year: YEAR })]);
    expect((await respond(() => assessment.action(args(post(pathname, { intent: "publish", revision: "2" }, adminCookie), params)))).status).toBe(302);

    // The index's "start a year" form (a plain GET, no JavaScript) lands on the year chosen.
    const chosen = await respond(() => assessment.loader(args(get(`/en/strategies/dsi/bo/${YEAR}?year=${YEAR - 1}`, headCookie), params)));
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("Location")).toBe(`/en/strategies/dsi/bo/${YEAR - 1}`);
    const publicView = await (await respond(() => assessment.loader(args(get(pathname), params)))).json();
    expect(publicView.assessment).toMatchObject({ status: "PUBLISHED", scores: { DATA_OWNERSHIP: 60 } });
    const index = await (await respond(() => dsiIndex.loader(args(get(`/en/strategies/dsi?year=${YEAR}`), { lang: "en" })))).json();
    expect(index.rows.map((r: { code: string }) => r.code)).toContain("BO");
  });

  it("shows the member profile with its strategies, its latest scores beside a comparison, and their change over years", async () => {
    const { headCookie, head, delegation } = await team("UZ");
    const actor = await actorFor(head);
    const { saveAssessment, submitAssessment, publishAssessment } = await import("~/modules/dsi/assessment.server");
    const admin = await actorFor(await createUser({ role: "SECRETARIAT" }));
    for (const [year, value] of [
      [YEAR - 2, 40],
      [YEAR - 1, 55],
    ] as const) {
      const saved = await saveAssessment({ actor, delegationId: delegation.id, year, indicators: dsiIndicatorValues(value), evidence: [] });
      await submitAssessment({ actor, assessmentId: saved.id, revision: 1 });
      await publishAssessment({ actor: admin, assessmentId: saved.id, revision: 2 });
    }
    const res = await (await respond(() => member.loader(args(get("/en/members/uz?compare=zz"), { lang: "en", code: "uz" })))).json();
    expect(res.dsi.latest).toMatchObject({ year: YEAR - 1, scores: { DIGITAL_GOVERNANCE: 55 } });
    expect(res.dsi.history.map((h: { year: number }) => h.year)).toEqual([YEAR - 2, YEAR - 1]);
    expect(res.dsi.comparison).toMatchObject({ kind: "delegation", code: "ZZ", scores: null });
    expect(res.dsi.mayAssess).toBe(false);
    expect(res.strategies).toEqual({ items: [], total: 0 });
    const own = await (await respond(() => member.loader(args(get("/en/members/uz", headCookie), { lang: "en", code: "uz" })))).json();
    expect(own.dsi.mayAssess).toBe(true);
    expect(own.dsi.comparison.kind).toBe("median");
  });
});
