// Hostile form input at the route, against a real database (ADR 016): lists held
// to their schema's maximum, bidirectional controls refused, nothing half-saved.
import { describe, expect, it } from "vitest";
import { createDelegation, createUser } from "../factories";
import { loadContext, ORIGIN, respond, sessionCookieFor } from "../http";
import * as create from "~/routes/$lang.proposals.new";
import { PROPOSAL_LIMITS } from "~/modules/proposal/constants";
import { prisma } from "~/utils/db.server";

function postRaw(path: string, body: string, cookie: string): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie },
  });
}

async function drafter() {
  const br = await createDelegation({ code: "BR" });
  const user = await createUser({ role: "DELEGATE", delegationId: br.id });
  return sessionCookieFor(user.id);
}

const run = (body: string, cookie: string) => respond(() => create.action({ request: postRaw("/en/proposals/new", body, cookie), params: { lang: "en" }, context: loadContext() }));

describe("a new proposal with hostile lists", () => {
  it("refuses an index past the maximum at once, echoing nothing of it, saving nothing", async () => {
    const cookie = await drafter();
    const started = performance.now();
    const res = await run("title=Data&originalLanguage=en&topics=DATA_OWNERSHIP&sections[99999].heading=h&sections[99999].body=b", cookie);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(2000);
    expect(JSON.parse(text).result.error.sections).toEqual([`validation.tooMany|{"count":${PROPOSAL_LIMITS.sections}}`]);
    expect(await prisma.proposal.count()).toBe(0);
  });

  it("refuses more sections than the maximum, echoing no more than it accepts", async () => {
    const cookie = await drafter();
    const many = Array.from({ length: PROPOSAL_LIMITS.sections + 5 }, (_, i) => `sections[${i}].heading=h${i}&sections[${i}].body=b`).join("&");
    const res = await run(`title=Data&originalLanguage=en&topics=DATA_OWNERSHIP&${many}`, cookie);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.initialValue.sections).toHaveLength(PROPOSAL_LIMITS.sections);
    expect(await prisma.proposal.count()).toBe(0);
  });

  it("closes gaps between section indexes", async () => {
    const cookie = await drafter();
    const res = await run("title=Data&originalLanguage=en&topics=DATA_OWNERSHIP&sections[3].heading=Later&sections[3].body=b&sections[0].heading=First&sections[0].body=a", cookie);
    expect(res.status).toBe(302);
    const sections = await prisma.proposalSection.findMany({ orderBy: { position: "asc" }, select: { heading: true } });
    expect(sections.map((s) => s.heading)).toEqual(["First", "Later"]);
  });

  it("refuses a title that hides a change of writing direction, keeping what was typed", async () => {
    const cookie = await drafter();
    const title = "Budget \u202Elanigiro\u202C approved";
    const res = await run(`title=${encodeURIComponent(title)}&originalLanguage=en&topics=DATA_OWNERSHIP&sections[0].heading=h&sections[0].body=b`, cookie);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.title).toEqual(["validation.bidiControls"]);
    expect(body.result.initialValue.title).toBe(title);
    expect(await prisma.proposalText.count({ where: { title } })).toBe(0);
  });
});
