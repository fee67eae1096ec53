// The search page called as the HTTP server calls it, against a real database:
// what anonymous readers and members find, each kind in the page's data, the
// language the page is in, and any URL answered without an error.
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, datasetFields, strategyFields } from "../factories";
import { get, loadContext, respond, sessionCookieFor } from "../http";
import * as page from "~/routes/$lang.search";
import { addComment } from "~/modules/comment/comment.server";
import { createDataset } from "~/modules/dataset/dataset.server";
import { createProposal, openOrExtendConsultation, originalSections } from "~/modules/proposal/proposal.server";
import { createStrategy, publishStrategy } from "~/modules/strategy/strategy.server";
import { prisma } from "~/utils/db.server";

const args = (request: Request, lang = "en") => ({ request, params: { lang }, context: loadContext() });

type Data = {
  params: { q: string; kind?: string; page: number; sort: string };
  outcome: {
    empty: boolean;
    total: number;
    results: { kind: string; href: string; title: { text: string; mark: boolean }[]; matchedLanguage: string | null }[];
    kinds: { value: string; count: number }[];
    delegations: { code: string }[];
    suggestions: string[];
  };
  signedIn: boolean;
  delegationCodes: string[];
  title: string;
};

async function load(path: string, cookie?: string, lang = "en"): Promise<{ status: number; data: Data }> {
  const res = await respond(() => page.loader(args(get(path, cookie), lang)));
  return { status: res.status, data: res.status === 200 ? ((await res.json()) as Data) : ({} as Data) };
}

let memberCookie: string;

beforeAll(async () => {
  const br = await createDelegation({ code: "BR" });
  const delegate = await createUser({ role: "DELEGATE", delegationId: br.id, name: "Delegate BR" });
  const head = await createUser({ role: "HEAD", delegationId: br.id, name: "Head BR" });
  memberCookie = await sessionCookieFor(delegate.id);
  const actor = await actorFor(delegate);
  const proposal = await createProposal({
    actor,
    title: "Sovereign compute commons",
    originalLanguage: "en",
    topics: ["DIGITAL_INFRASTRUCTURE"],
    sections: [{ heading: "Commons", body: "Pooling compute among member states." }],
  });
  await openOrExtendConsultation({ actor, proposalId: proposal.id, until: new Date(Date.now() + 5 * 86_400_000), extend: false });
  const [key] = (await originalSections(prisma, proposal.id, 1)).sections.map((s) => s.key);
  await addComment({ actor, proposalId: proposal.id, sectionKey: key!, body: "Pooling needs a fair scheduler." });
  const strategy = await createStrategy({ actor, originalLanguage: "pt", ...strategyFields({ title: "Estratégia de computação soberana" }) });
  await publishStrategy({ actor: await actorFor(head), strategyId: strategy.id, version: 1, visibility: "PUBLIC" });
  await createDataset({ actor, input: datasetFields({ name: "Compute usage ledger", access: "MEMBERS" }) });
  await createDataset({ actor, input: datasetFields({ name: "Language atlas" }) });
});

describe("/:lang/search", () => {
  it("shows anonymous readers what is public, and members also drafts and comments", async () => {
    const anonymous = await load("/en/search?q=compute");
    expect(anonymous.status).toBe(200);
    expect(anonymous.data.signedIn).toBe(false);
    // The Portuguese strategy matches too: "computação" and "compute" stem alike.
    expect(anonymous.data.outcome.results.map((r) => r.kind).sort()).toEqual(["dataset", "strategy"]);
    expect(anonymous.data.title).toBe("Search: compute · Concord");

    const member = await load("/en/search?q=compute", memberCookie);
    expect(member.data.outcome.results.map((r) => r.kind).sort()).toEqual(["dataset", "proposal", "strategy"]);
    const pooling = await load("/en/search?q=pooling", memberCookie);
    expect(pooling.data.outcome.kinds).toEqual([
      { value: "proposal", count: 1 },
      { value: "comment", count: 1 },
    ]);
    expect((await load("/en/search?q=pooling")).data.outcome.total).toBe(0);
  });

  it("marks the matched words, and says which language version matched", async () => {
    const { data } = await load("/fr/search?q=soberana", undefined, "fr");
    const [result] = data.outcome.results;
    expect(result!.href).toMatch(/^\/fr\/strategies\/.+\?text=pt$/);
    expect(result!.matchedLanguage).toBe("pt");
    expect(result!.title.filter((s) => s.mark).map((s) => s.text)).toEqual(["soberana"]);
    expect(data.title).toBe("Recherche : soberana · Concord");
  });

  it("filters by kind, offers the delegations to filter by, and finds delegations by name for signed-in readers", async () => {
    const { data } = await load("/en/search?q=pooling&kind=comment", memberCookie);
    expect(data.outcome.results.map((r) => r.kind)).toEqual(["comment"]);
    expect(data.delegationCodes).toContain("BR");
    expect((await load("/en/search?q=Brasil", memberCookie)).data.outcome.delegations.map((d) => d.code)).toEqual(["BR"]);
    expect((await load("/en/search?q=Brasil")).data.outcome.delegations).toEqual([]);
  });

  it("suggests a spelling when nothing matches", async () => {
    const { data } = await load("/en/search?q=langauge", memberCookie);
    expect(data.outcome.total).toBe(0);
    expect(data.outcome.suggestions).toEqual(["language"]);
  });

  it("answers any URL: empty, wrong or hostile parameters are ignored, never an error", async () => {
    expect((await load("/en/search")).data.outcome.empty).toBe(true);
    for (const query of [
      "q=%00%01&kind=nonsense&page=-4&year=abc&sort=up&status=x:y&dimension=NONE&delegation=123&language=xx",
      `q=${encodeURIComponent('"unbalanced -- or (( !!')}`,
      `q=${"x".repeat(3000)}&page=999999`,
      "q=compute&q=second&kind=dataset&kind=proposal",
      "q=%F0%9F%98%80%E2%80%AE",
    ]) {
      const { status, data } = await load(`/en/search?${query}`, memberCookie);
      expect(status, query).toBe(200);
      expect(data.outcome.total, query).toBeGreaterThanOrEqual(0);
    }
    const res = await respond(() => page.loader(args(get("/xx/search?q=compute"), "xx")));
    expect(res.status).toBe(404);
  });
});
