// Contract tests of the API against its own OpenAPI document: every endpoint is
// called on the demo content, in its success and error cases, and every answer
// — body and status — must be one the document describes. A new endpoint
// without cases here fails the first test.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty, DEMO_PASSWORD, demoEmail } from "../../prisma/seed";
import { actorFor } from "../factories";
import { API_ROUTES, callApi, openApiValidator } from "../api";
import { ENDPOINTS } from "~/modules/api/contract/endpoints";
import { createApiToken } from "~/modules/api/tokens.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";

let root: string;
let readToken: string;
let writeOnlyToken: string;
let validator: Awaited<ReturnType<typeof openApiValidator>>;
let demo: Record<string, string>;

async function tokenFor(email: string, scopes: ("read" | "evaluations:write")[]) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await createApiToken({ actor: await actorFor(user), name: `contract ${scopes.join(" ")}`, scopes, lifetimeDays: 7, password: DEMO_PASSWORD })).secret;
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-api-contract-"));
  setStorageBackend(createLocalStorage(root));
  await seedDemoIfEmpty();
  readToken = await tokenFor(demoEmail("DELEGATE", "BR"), ["read"]);
  writeOnlyToken = await tokenFor(demoEmail("EXPERT", "IN"), ["evaluations:write"]);
  validator = await openApiValidator();
  const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
  const draft = await prisma.proposal.findFirstOrThrow({ where: { status: "CONSULTATION" }, select: { slug: true, currentVersion: true } });
  const strategy = await prisma.strategy.findFirstOrThrow({ where: { visibility: "PUBLIC", publishedVersion: { not: null } }, select: { slug: true, publishedVersion: true } });
  const membersOnly = await prisma.strategy.findFirst({ where: { visibility: "MEMBERS", publishedVersion: { not: null } }, select: { slug: true } });
  const dataset = await prisma.dataset.findFirstOrThrow({ where: { files: { some: {} } }, select: { slug: true } });
  const vote = await prisma.vote.findFirstOrThrow({ where: { status: "CLOSED" }, select: { id: true } });
  const openVote = await prisma.vote.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
  const comment = await prisma.comment.findFirstOrThrow({ select: { proposal: { select: { slug: true } }, sectionKey: true } });
  const model = await prisma.aiModel.findFirstOrThrow({ where: { runs: { some: { visibility: "PUBLIC" } } }, select: { slug: true } });
  const jais = await prisma.aiModel.findUniqueOrThrow({ where: { repository: "inceptionai/jais-13b-chat" }, select: { slug: true } });
  const run = await prisma.evaluationRun.findFirstOrThrow({ where: { visibility: "PUBLIC", resultCount: { gt: 0 } }, select: { id: true } });
  const membersRun = await prisma.evaluationRun.findFirstOrThrow({ where: { visibility: "MEMBERS" }, select: { id: true } });
  const leaderboard = await prisma.leaderboardSummary.findFirstOrThrow({ where: { audience: "PUBLIC", modelCount: { gt: 1 } }, select: { leaderboardId: true } });
  demo = {
    position: position.slug,
    draft: draft.slug,
    draftVersion: String(draft.currentVersion),
    strategy: strategy.slug,
    strategyVersion: String(strategy.publishedVersion),
    membersOnlyStrategy: membersOnly?.slug ?? strategy.slug,
    dataset: dataset.slug,
    vote: vote.id,
    openVote: openVote.id,
    commented: comment.proposal.slug,
    section: comment.sectionKey,
    model: model.slug,
    jais: jais.slug,
    run: run.id,
    membersRun: membersRun.id,
    leaderboard: leaderboard.leaderboardId,
  };
}, 180_000);
afterAll(() => fs.rm(root, { recursive: true, force: true }));

type Case = { path: string; token?: "read" | "writeOnly" | "bogus"; status: number; method?: "POST"; body?: () => Promise<BodyInit>; headers?: Record<string, string> };

/** A results file as an evaluation pipeline sends it: multipart, the file in `file`. */
async function results(file: string, fields: Record<string, string> = {}): Promise<FormData> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ language: "en", visibility: "PUBLIC", ...fields })) form.append(k, v);
  form.append("file", new Blob([(await fs.readFile(path.resolve("test/fixtures/lm-eval", file))) as BlobPart]), file);
  return form;
}

/** The calls made for each endpoint: at least one success and, where it has them, its documented errors. */
function cases(): Record<string, Case[]> {
  return {
    listPositions: [
      { path: "/positions", status: 200 },
      { path: "/positions?limit=1&topic=DATA_OWNERSHIP", status: 200 },
      { path: "/positions?limit=0", status: 400 },
      { path: "/positions?cursor=nonsense", status: 400 },
      { path: "/positions", token: "bogus", status: 401 },
    ],
    getPosition: [
      { path: `/positions/${demo.position}`, status: 200 },
      { path: `/positions/${demo.draft}`, status: 404 },
    ],
    listStrategies: [
      { path: "/strategies", status: 200 },
      { path: "/strategies?delegation=br&status=IN_FORCE&dimension=DIGITAL_GOVERNANCE", status: 200 },
      { path: "/strategies", token: "read", status: 200 },
      { path: "/strategies?status=NOPE", status: 400 },
    ],
    getStrategy: [
      { path: `/strategies/${demo.strategy}`, status: 200 },
      { path: `/strategies/${demo.membersOnlyStrategy}`, token: "read", status: 200 },
      { path: "/strategies/no-such-strategy", status: 404 },
    ],
    getStrategyVersion: [
      { path: `/strategies/${demo.strategy}/versions/${demo.strategyVersion}`, status: 200 },
      { path: `/strategies/${demo.strategy}/versions/999`, status: 404 },
      { path: `/strategies/${demo.strategy}/versions/abc`, status: 404 },
    ],
    listMembers: [
      { path: "/members", status: 200 },
      { path: "/members?status=MEMBER&limit=3", status: 200 },
    ],
    getMember: [
      { path: "/members/br", status: 200 },
      { path: "/members/zz", status: 404 },
    ],
    listDatasets: [
      { path: "/datasets", status: 200 },
      { path: "/datasets?access=OPEN&modality=TEXT&steward=in&language=hi", status: 200 },
    ],
    getDataset: [
      { path: `/datasets/${demo.dataset}`, status: 200 },
      { path: "/datasets/nothing-here", status: 404 },
    ],
    listDatasetFiles: [
      { path: `/datasets/${demo.dataset}/files`, status: 200 },
      { path: "/datasets/nothing-here/files", status: 404 },
    ],
    listProposals: [
      { path: "/proposals", token: "read", status: 200 },
      { path: "/proposals?status=CONSULTATION&lead=br&topic=DATA_OWNERSHIP", token: "read", status: 200 },
      { path: "/proposals", status: 401 },
      { path: "/proposals", token: "writeOnly", status: 403 },
    ],
    getProposal: [
      { path: `/proposals/${demo.draft}`, token: "read", status: 200 },
      { path: "/proposals/none", token: "read", status: 404 },
      { path: `/proposals/${demo.draft}`, status: 401 },
    ],
    getProposalVersion: [
      { path: `/proposals/${demo.draft}/versions/${demo.draftVersion}`, token: "read", status: 200 },
      { path: `/proposals/${demo.draft}/versions/999`, token: "read", status: 404 },
    ],
    listProposalComments: [
      { path: `/proposals/${demo.commented}/comments`, token: "read", status: 200 },
      { path: `/proposals/${demo.commented}/comments?section=${demo.section}&limit=2`, token: "read", status: 200 },
      { path: "/proposals/none/comments", token: "read", status: 404 },
    ],
    listVotes: [
      { path: "/votes", token: "read", status: 200 },
      { path: "/votes?outcome=ADOPTED&rule=CONSENSUS", token: "read", status: 200 },
      { path: "/votes", status: 401 },
    ],
    getVote: [
      { path: `/votes/${demo.vote}`, token: "read", status: 200 },
      { path: `/votes/${demo.openVote}`, token: "read", status: 404 },
      { path: "/votes/not-a-uuid", token: "read", status: 404 },
    ],
    listModels: [
      { path: "/models", status: 200 },
      { path: "/models?family=Qwen2.5&openWeights=true&limit=2", status: 200 },
      { path: "/models?openWeights=maybe", status: 400 },
    ],
    getModel: [
      { path: `/models/${demo.model}`, status: 200 },
      { path: "/models/no-such-model", status: 404 },
    ],
    listEvaluations: [
      { path: "/evaluations", status: 200 },
      { path: `/evaluations?model=${demo.model}&limit=1`, token: "read", status: 200 },
    ],
    submitEvaluation: [
      // The demo already imported this file for this model: the same run again, nothing stored.
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("deepseek-r1-distill-qwen-7b.json"), status: 200 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("no-date-no-config.json", { model: demo.jais! }), status: 201 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("early-0.4-alias-groups.json"), status: 422 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("broken-not-results.json", { model: demo.jais! }), status: 422 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("deepseek-r1-distill-qwen-7b.json", { language: "klingon" }), status: 400 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: () => results("legacy-0.3-pythia.json", { model: "no-such-model" }), status: 422 },
      { path: "/evaluations", method: "POST", token: "writeOnly", body: async () => "{}", headers: { "Content-Type": "application/json" }, status: 415 },
      { path: "/evaluations", method: "POST", body: () => results("deepseek-r1-distill-qwen-7b.json"), status: 401 },
      { path: "/evaluations", method: "POST", token: "read", body: () => results("deepseek-r1-distill-qwen-7b.json"), status: 403 },
    ],
    getEvaluation: [
      { path: `/evaluations/${demo.run}`, status: 200 },
      { path: `/evaluations/${demo.membersRun}`, status: 404 },
      { path: `/evaluations/${demo.membersRun}`, token: "read", status: 200 },
    ],
    listEvaluationResults: [
      { path: `/evaluations/${demo.run}/results`, status: 200 },
      { path: `/evaluations/${demo.run}/results?cursor=nonsense`, status: 400 },
      { path: "/evaluations/00000000-0000-0000-0000-000000000000/results", status: 404 },
    ],
    listLeaderboards: [
      { path: "/leaderboards", status: 200 },
      { path: "/leaderboards?language=hi&family=BLOOM&q=xnli", token: "read", status: 200 },
    ],
    getLeaderboard: [
      { path: `/leaderboards/${demo.leaderboard}`, status: 200 },
      { path: `/leaderboards/${demo.leaderboard}?language=en`, token: "read", status: 200 },
      { path: "/leaderboards/00000000-0000-0000-0000-000000000000", status: 404 },
    ],
    getOpenApi: [{ path: "/openapi.json", status: 200 }],
  };
}

const tokenOf = (c: Case) => (c.token === "read" ? readToken : c.token === "writeOnly" ? writeOnlyToken : c.token === "bogus" ? "concord_pat_" + "x".repeat(43) : undefined);

describe("the API against its OpenAPI document", () => {
  it("has a route and test cases for every documented endpoint, and documents every route", () => {
    const all = cases();
    for (const def of ENDPOINTS) {
      expect(API_ROUTES[def.id], def.id).toBeDefined();
      expect(
        all[def.id]?.some((c) => c.status === def.status),
        `${def.id} has a success case`,
      ).toBe(true);
    }
    expect(Object.keys(API_ROUTES).sort()).toEqual(ENDPOINTS.map((e) => e.id).sort());
    expect(validator.document).toMatchObject({ openapi: "3.1.0", servers: [{ url: "http://localhost:3000/api/v1" }] });
  });

  it("answers every case with a documented status and a body that matches the document", async () => {
    const problems: string[] = [];
    for (const [id, list] of Object.entries(cases())) {
      for (const c of list) {
        const res = await callApi(c.path, { token: tokenOf(c), method: c.method, body: c.body ? await c.body() : undefined, headers: c.headers });
        const body = await res.json();
        if (res.status !== c.status) problems.push(`${c.path}: ${res.status}, expected ${c.status} ${JSON.stringify(body).slice(0, 200)}`);
        const errors = validator.check(id, res.status, body);
        if (errors.length) problems.push(`${c.path} (${res.status}): ${errors.slice(0, 3).join("; ")}`);
        expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows members-only content only to a token that may read it", async () => {
    const anonymous = await (await callApi("/strategies?limit=100")).json();
    const member = await (await callApi("/strategies?limit=100", { token: readToken })).json();
    expect(anonymous.data.every((s: { visibility: string }) => s.visibility === "PUBLIC")).toBe(true);
    if (demo.membersOnlyStrategy !== demo.strategy) {
      expect(member.data.some((s: { visibility: string }) => s.visibility === "MEMBERS")).toBe(true);
      expect((await callApi(`/strategies/${demo.membersOnlyStrategy}`)).status).toBe(404);
      // A token without the read scope reads as the public does.
      expect((await callApi(`/strategies/${demo.membersOnlyStrategy}`, { token: writeOnlyToken })).status).toBe(404);
    }
  });

  it("gives a position in every adopted language with its record and reservations", async () => {
    const position = await (await callApi(`/positions/${demo.position}`)).json();
    expect(position.texts[0].kind).toBe("ORIGINAL");
    expect(position.record.length).toBe(position.vote.eligibleCount);
    expect(position.texts.every((t: { aknUrl: string }) => t.aknUrl.startsWith("http://localhost:3000/en/positions/"))).toBe(true);
    const votes = position.record.filter((r: { choice: string | null }) => r.choice).length;
    const { yes, no, abstain, object, breakSilence } = position.vote.tally;
    expect(yes + no + abstain + object + breakSilence).toBe(votes);
  });
});
