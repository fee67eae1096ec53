// Proposal pages called as the HTTP server calls them, against a real database.
import { describe, expect, it } from "vitest";
import { createUser, delegationActor } from "../factories";
import { get, loadContext, post, respond, sessionCookieFor } from "../http";
import * as list from "~/routes/$lang.proposals._index";
import * as show from "~/routes/$lang.proposals.$slug._index";
import * as edit from "~/routes/$lang.proposals.$slug.edit";
import * as create from "~/routes/$lang.proposals.new";
import { createProposal } from "~/modules/proposal/proposal.server";
import { prisma } from "~/utils/db.server";

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: loadContext() });

async function aDraft() {
  const lead = await delegationActor("BR");
  const proposal = await createProposal({
    actor: lead,
    title: "Draft on data residency",
    originalLanguage: "en",
    topics: ["DATA_OWNERSHIP"],
    sections: [{ heading: "Scope", body: "This text covers public datasets." }],
  });
  return { lead, proposal };
}

describe("proposal visibility", () => {
  it("never shows a draft to anonymous users", async () => {
    const { proposal } = await aDraft();
    const listRes = await respond(() => list.loader(args(get("/en/proposals"), { lang: "en" })));
    expect(listRes.status).toBe(302);
    expect(listRes.headers.get("Location")).toMatch(/^\/en\/login/);
    const showRes = await respond(() => show.loader(args(get(`/en/proposals/${proposal.slug}`), { lang: "en", slug: proposal.slug })));
    expect(showRes.status).toBe(302);
  });

  it("shows drafts to members of observer delegations, and 404 for an unknown proposal", async () => {
    const { proposal } = await aDraft();
    const observer = await createUser({ role: "OBSERVER", delegationId: (await prisma.delegation.create({ data: { code: "SN", status: "OBSERVER" } })).id });
    const cookie = await sessionCookieFor(observer.id);
    const res = await respond(() => show.loader(args(get(`/en/proposals/${proposal.slug}`, cookie), { lang: "en", slug: proposal.slug })));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.current.text.title).toBe("Draft on data residency");
    expect(body.may).toMatchObject({ edit: false, lead: false, comment: false });
    const missing = await respond(() => show.loader(args(get("/en/proposals/nope", cookie), { lang: "en", slug: "nope" })));
    expect(missing.status).toBe(404);
  });

  it("filters the list by lead delegation and topic", async () => {
    await aDraft();
    const reader = await createUser({ role: "SECRETARIAT", totpSecret: "JBSWY3DPEHPK3PXP" });
    const cookie = await sessionCookieFor(reader.id);
    const byLead = await (await respond(() => list.loader(args(get("/en/proposals?lead=br", cookie), { lang: "en" })))).json();
    expect(byLead.items.length).toBeGreaterThan(0);
    expect(byLead.items.every((p: { leadCode: string }) => p.leadCode === "BR")).toBe(true);
    const byTopic = await (await respond(() => list.loader(args(get("/en/proposals?topic=DIGITAL_CAPABILITY", cookie), { lang: "en" })))).json();
    expect(byTopic.items).toEqual([]);
  });
});

describe("drafting forms", () => {
  it("answers an invalid new proposal with field errors and keeps the text; nothing is saved", async () => {
    const lead = await delegationActor("IN");
    const user = await prisma.user.findFirstOrThrow({ where: { delegationId: lead.delegation!.id } });
    const cookie = await sessionCookieFor(user.id);
    const before = await prisma.proposal.count();
    const res = await respond(() =>
      create.action(
        args(post("/en/proposals/new", { title: "", originalLanguage: "en", "sections[0].heading": "Scope", "sections[0].body": "Kept body text" }, cookie), { lang: "en" }),
      ),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.title).toEqual(["validation.required"]);
    expect(body.result.error.topics).toEqual(['validation.tooFew|{"count":1}']);
    expect(body.result.initialValue.sections[0].body).toBe("Kept body text");
    expect(await prisma.proposal.count()).toBe(before);
  });

  it("refuses a stale save with 409, returning the current text and the editor's own text", async () => {
    const { lead, proposal } = await aDraft();
    const user = await prisma.user.findFirstOrThrow({ where: { id: lead.id } });
    const cookie = await sessionCookieFor(user.id);
    const key = (await prisma.proposalSection.findFirstOrThrow({ where: { text: { version: { proposalId: proposal.id } } } })).key;
    const save = (body: string, baseVersion: string) =>
      respond(() =>
        edit.action(
          args(
            post(
              `/en/proposals/${proposal.slug}/edit`,
              { baseVersion, title: "Draft on data residency", changeNote: "edit", "sections[0].key": key, "sections[0].heading": "Scope", "sections[0].body": body },
              cookie,
            ),
            { lang: "en", slug: proposal.slug },
          ),
        ),
      );
    expect((await save("Colleague's wording.", "1")).status).toBe(302);
    const stale = await save("My own careful wording.", "1");
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.conflict.version).toBe(2);
    expect(body.conflict.sections[0].body).toBe("Colleague's wording.");
    expect(body.result.initialValue.sections[0].body).toBe("My own careful wording.");
    expect(body.result.error[""]).toEqual(["errors.staleVersion"]);
    expect(await prisma.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
  });
});

describe("consultation dates", () => {
  it("refuses a date that does not exist (2026-02-30) beside the field, and opens nothing", async () => {
    const { lead, proposal } = await aDraft();
    const cookie = await sessionCookieFor(lead.id);
    const res = await respond(() =>
      show.action(args(post(`/en/proposals/${proposal.slug}`, { intent: "openConsultation", until: "2026-02-30" }, cookie), { lang: "en", slug: proposal.slug })),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.until).toEqual(["validation.date"]);
    expect(body.result.initialValue.until).toBe("2026-02-30");
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("DRAFT");
  });
});

describe("the language list of a proposal", () => {
  it("switches the text's language with ?text=, the interface language staying in the path", async () => {
    const { lead, proposal } = await aDraft();
    const { getVersionText, saveTranslation } = await import("~/modules/proposal/proposal.server");
    const original = await getVersionText({ proposalId: proposal.id, number: 1, language: "en" });
    await saveTranslation({
      actor: lead,
      proposalId: proposal.id,
      version: 1,
      language: "fr",
      kind: "OFFICIAL_TRANSLATION",
      title: "Projet sur la résidence des données",
      sections: original.text.sections.map((s) => ({ key: s.key, heading: "Portée", body: "Ce texte couvre les jeux de données publics." })),
    });
    const cookie = await sessionCookieFor(lead.id);
    const page = await (await respond(() => show.loader(args(get(`/en/proposals/${proposal.slug}?text=fr`, cookie), { lang: "en", slug: proposal.slug })))).json();
    expect(page.lang).toBe("en");
    expect(page.current.text).toMatchObject({ language: "fr", title: "Projet sur la résidence des données" });
    expect(page.current.isFallback).toBe(false);
    // Without ?text=, the interface language decides; a language without a version falls back to the original.
    const plain = await (await respond(() => show.loader(args(get(`/ar/proposals/${proposal.slug}`, cookie), { lang: "ar", slug: proposal.slug })))).json();
    expect(plain.current.text.language).toBe("en");
    expect(plain.current.isFallback).toBe(true);
  });
});

describe("a save based on an older version", () => {
  it("keeps both drafters' changes: 409 with the merge in words, then the merged text saves as the next version", async () => {
    const lead = await delegationActor("ZA");
    const colleague = await createUser({ role: "DELEGATE", delegationId: lead.delegation!.id, name: "Colleague" });
    const proposal = await createProposal({
      actor: lead,
      title: "Shared compute",
      originalLanguage: "en",
      topics: ["DIGITAL_INFRASTRUCTURE"],
      sections: [
        { heading: "Principles", body: "Old principles." },
        { heading: "Financing", body: "Old financing." },
      ],
    });
    const [principles, financing] = await prisma.proposalSection.findMany({ where: { text: { version: { proposalId: proposal.id } } }, orderBy: { position: "asc" } });
    const save = (cookie: string, fields: Record<string, string>) =>
      respond(() =>
        edit.action(args(post(`/en/proposals/${proposal.slug}/edit`, { title: "Shared compute", changeNote: "edit", ...fields }, cookie), { lang: "en", slug: proposal.slug })),
      );
    const leadCookie = await sessionCookieFor(lead.id);
    const colleagueCookie = await sessionCookieFor(colleague.id);
    const form = (principlesBody: string, financingBody: string, extra: Record<string, string> = {}) => ({
      "sections[0].key": principles!.key,
      "sections[0].heading": "Principles",
      "sections[0].body": principlesBody,
      "sections[1].key": financing!.key,
      "sections[1].heading": "Financing",
      "sections[1].body": financingBody,
      ...extra,
    });
    expect((await save(leadCookie, { baseVersion: "1", ...form("Lead's principles.", "Old financing.") })).status).toBe(302);
    const stale = await save(colleagueCookie, { baseVersion: "1", ...form("Old principles.", "Colleague's financing.") });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.review.summary.theirs).toEqual([{ kind: "section", name: "Principles", change: "changed" }]);
    expect(body.review.summary.yours).toEqual([{ kind: "section", name: "Financing", change: "changed" }]);
    expect(body.review.versions).toEqual([expect.objectContaining({ number: 2, delegationCode: "ZA" })]);
    expect(body.review.draft.sections.map((s: { body: string }) => s.body)).toEqual(["Lead's principles.", "Colleague's financing."]);
    // The review form, as the page sends it: based on version 2, the merged text.
    expect((await save(colleagueCookie, { baseVersion: "2", ...form("Lead's principles.", "Colleague's financing.") })).status).toBe(302);
    const v3 = await prisma.proposalSection.findMany({ where: { text: { kind: "ORIGINAL", version: { proposalId: proposal.id, number: 3 } } }, orderBy: { position: "asc" } });
    expect(v3.map((s) => s.body)).toEqual(["Lead's principles.", "Colleague's financing."]);
  });

  it("refuses the review form until each conflict has a choice, beside it, keeping the text; then saves the choice", async () => {
    const lead = await delegationActor("EG");
    const proposal = await createProposal({ actor: lead, title: "Data", originalLanguage: "en", topics: ["DATA_OWNERSHIP"], sections: [{ heading: "Scope", body: "Old scope." }] });
    const [scope] = await prisma.proposalSection.findMany({ where: { text: { version: { proposalId: proposal.id } } } });
    const cookie = await sessionCookieFor(lead.id);
    const save = (fields: Record<string, string>) =>
      respond(() =>
        edit.action(
          args(
            post(`/en/proposals/${proposal.slug}/edit`, { title: "Data", changeNote: "edit", "sections[0].key": scope!.key, "sections[0].heading": "Scope", ...fields }, cookie),
            { lang: "en", slug: proposal.slug },
          ),
        ),
      );
    expect((await save({ baseVersion: "1", "sections[0].body": "Their scope." })).status).toBe(302);
    const stale = await save({ baseVersion: "1", "sections[0].body": "My scope." });
    expect(stale.status).toBe(409);
    const review = (await stale.json()).review;
    expect(review.conflicts.sections).toEqual([
      expect.objectContaining({ index: 0, kind: "bothChanged", mine: { heading: "Scope", body: "My scope." }, theirs: { heading: "Scope", body: "Their scope." } }),
    ]);
    const unresolved = await save({ baseVersion: "2", "sections[0].body": "My scope.", "sections[0].conflict": "bothChanged" });
    expect(unresolved.status).toBe(400);
    const refused = await unresolved.json();
    expect(refused.result.error["sections[0].resolution"]).toEqual(["documents:review.required"]);
    expect(refused.result.initialValue.sections[0].body).toBe("My scope.");
    expect(refused.review.conflicts.sections[0]).toMatchObject({ kind: "bothChanged", theirs: { body: "Their scope." } });
    expect(await prisma.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
    const saved = await save({ baseVersion: "2", "sections[0].body": "Our combined scope.", "sections[0].conflict": "bothChanged", "sections[0].resolution": "edited" });
    expect(saved.status).toBe(302);
    const v3 = await prisma.proposalSection.findFirstOrThrow({ where: { text: { kind: "ORIGINAL", version: { proposalId: proposal.id, number: 3 } } } });
    expect(v3.body).toBe("Our combined scope.");
  });
});
