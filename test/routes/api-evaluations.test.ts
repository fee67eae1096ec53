// An evaluation pipeline pushing lm-evaluation-harness results through the
// API, with a real results file: the same importer and rules as the import
// page (same results, same provenance), a repeat answered with the existing
// run and nothing stored, an audit record naming the token, and the refusals
// a pipeline must be able to tell apart.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, modelFields, TEST_PASSWORD } from "../factories";
import { callApi, openApiValidator } from "../api";
import { loadContext, ORIGIN, respond, sessionCookieFor } from "../http";
import * as importPage from "~/routes/$lang.evaluations.import";
import { createApiToken } from "~/modules/api/tokens.server";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";

const FILE = "deepseek-r1-distill-qwen-7b.json";
let root: string;
let content: Buffer;
let validator: Awaited<ReturnType<typeof openApiValidator>>;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-api-evaluations-"));
  setStorageBackend(createLocalStorage(root));
  content = await fs.readFile(path.resolve("test/fixtures/lm-eval", FILE));
  validator = await openApiValidator();
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function storedFiles(): Promise<number> {
  let n = 0;
  for (const dir of await fs.readdir(root)) if (dir !== ".partial") n += (await fs.readdir(path.join(root, dir))).length;
  return n;
}

function pipelineForm(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null = { name: "results_2026-11-30T10-00-00.json", bytes: content }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.bytes as BlobPart]), file.name);
  return form;
}

async function expertWithToken(code: string, scopes: ("read" | "evaluations:write")[] = ["evaluations:write"]) {
  const delegation = await createDelegation({ code });
  const user = await createUser({ role: "EXPERT", delegationId: delegation.id });
  const actor = await actorFor(user);
  const { secret, token } = await createApiToken({ actor, name: "pipeline", scopes, lifetimeDays: 30, password: TEST_PASSWORD });
  return { user, actor, secret, tokenId: token.id };
}

describe("POST /api/v1/evaluations", () => {
  it("imports a real results file as the import page does, and answers a repeat with the same run", async () => {
    const { actor, secret, tokenId } = await expertWithToken("CN");
    await registerModel({ actor, input: modelFields({ name: "DeepSeek-R1-Distill-Qwen-7B", repository: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" }) });

    const res = await callApi("/evaluations", { method: "POST", token: secret, body: pipelineForm({ language: "en", visibility: "PUBLIC", notes: "Nightly run" }) });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(validator.check("submitEvaluation", 201, body)).toEqual([]);
    expect(body).toMatchObject({ outcome: "imported", model: { slug: "deepseek-r1-distill-qwen-7b" }, resultCount: 24, limitedCount: 0 });
    expect(res.headers.get("Location")).toBe(`${ORIGIN}/api/v1/evaluations/${body.run.id}`);

    // The run as the API gives it back: provenance from the file, the file's checksum, every result.
    const run = await (await callApi(`/evaluations/${body.run.id}`)).json();
    expect(validator.check("getEvaluation", 200, run)).toEqual([]);
    expect(run).toMatchObject({ source: "LM_EVAL_IMPORT", visibility: "PUBLIC", resultCount: 24, notes: "Nightly run" });
    expect(run.provenance).toMatchObject({ harness: "lm-evaluation-harness", harnessVersion: "0.4.7", gitHash: "8138fd52", fileFormat: "0.4", modelBackend: "hf" });
    expect(run.provenance.file).toMatchObject({ sha256: createHash("sha256").update(content).digest("hex"), size: content.length });
    const results = await (await callApi(`/evaluations/${body.run.id}/results`)).json();
    expect(validator.check("listEvaluationResults", 200, results)).toEqual([]);
    expect(results.data).toHaveLength(24);
    expect(results.nextCursor).toBeNull();

    // The same file again: the same run, nothing stored, nothing counted twice.
    const before = { runs: await prisma.evaluationRun.count(), results: await prisma.evaluationResult.count(), files: await storedFiles() };
    const again = await callApi("/evaluations", { method: "POST", token: secret, body: pipelineForm({ language: "en", visibility: "PUBLIC" }) });
    expect(again.status).toBe(200);
    const repeat = await again.json();
    expect(validator.check("submitEvaluation", 200, repeat)).toEqual([]);
    expect(repeat).toMatchObject({ outcome: "duplicate", run: { id: body.run.id }, resultCount: null });
    expect({ runs: await prisma.evaluationRun.count(), results: await prisma.evaluationResult.count(), files: await storedFiles() }).toEqual(before);

    // Audited as the import it is, naming the token it came through.
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { act: "evaluation.imported", objectId: body.run.id } });
    expect(event.actorId).toBe(actor.id);
    expect(event.data).toMatchObject({ via: "api", tokenId, sha256: run.provenance.file.sha256, results: 24 });
  });

  it("stores exactly what the import page stores from the same file", async () => {
    const api = await expertWithToken("IN");
    const page = await expertWithToken("ZA");
    // A file with groups, whose model is registered under neither entry: each import names its model.
    const groups = { name: "results.json", bytes: await fs.readFile(path.resolve("test/fixtures/lm-eval/early-0.4-alias-groups.json")) };
    const viaApi = await registerModel({ actor: api.actor, input: modelFields({ name: "Mistral via API", family: "Mistral" }) });
    const viaPage = await registerModel({ actor: page.actor, input: modelFields({ name: "Mistral via page", family: "Mistral" }) });
    const res = await callApi("/evaluations", { method: "POST", token: api.secret, body: pipelineForm({ model: viaApi.slug, language: "hi", visibility: "MEMBERS" }, groups) });
    expect(res.status).toBe(201);

    const cookie = await sessionCookieFor(page.user.id);
    const form = pipelineForm({ modelId: viaPage.id, language: "hi", visibility: "MEMBERS" }, groups);
    const request = new Request(`${ORIGIN}/en/evaluations/import`, { method: "POST", body: form, headers: { Origin: ORIGIN, Cookie: cookie } });
    const web = await respond(() => importPage.action({ request, params: { lang: "en" }, context: loadContext() }));
    expect(web.status).toBe(302);

    const stored = async (modelId: string) => {
      const run = await prisma.evaluationRun.findFirstOrThrow({
        where: { modelId },
        select: {
          harnessVersion: true,
          gitHash: true,
          modelArgs: true,
          modelSha: true,
          taskHashes: true,
          groupSubtasks: true,
          evaluatedAt: true,
          fileSha256: true,
          resultCount: true,
          visibility: true,
        },
      });
      const results = await prisma.evaluationResult.findMany({
        where: { modelId },
        orderBy: [{ benchmark: { task: "asc" } }, { benchmark: { metric: "asc" } }, { benchmark: { filter: "asc" } }],
        select: { score: true, stderr: true, nShot: true, language: true, isLimited: true, samplesEffective: true, leaderboardId: true, benchmarkId: true },
      });
      return { run, results };
    };
    expect(await stored(viaApi.id)).toEqual(await stored(viaPage.id));
  });

  it("tells a pipeline why a file is refused, storing nothing", async () => {
    const { secret, actor } = await expertWithToken("BR");
    const files = await storedFiles();
    const runs = await prisma.evaluationRun.count();

    // No model named, and the file's model is not registered: the likely ones are suggested.
    await registerModel({ actor, input: modelFields({ name: "Llama-3.1-8B", repository: "meta-llama/Llama-3.1-8B", family: "Llama 3.1" }) });
    const peft = await fs.readFile(path.resolve("test/fixtures/lm-eval/peft-llama-3.1-8b-swahili.json"));
    const unmatched = await callApi("/evaluations", {
      method: "POST",
      token: secret,
      body: pipelineForm({ language: "sw", visibility: "PUBLIC" }, { name: "peft.json", bytes: peft }),
    });
    expect(unmatched.status).toBe(422);
    const problem = (await unmatched.json()).error;
    expect(validator.check("submitEvaluation", 422, { error: problem })).toEqual([]);
    expect(problem).toMatchObject({ code: "unprocessable", details: [{ field: "model" }] });
    expect(problem.message).toContain("nairobi-nlp/llama-3.1-8b-swahili-lora");
    expect(problem.suggestions).toEqual([{ slug: "llama-3-1-8b", name: "Llama-3.1-8B", reason: "baseModel" }]);
    // Naming the suggested model imports it.
    const chosen = await callApi("/evaluations", {
      method: "POST",
      token: secret,
      body: pipelineForm({ model: "llama-3-1-8b", language: "sw", visibility: "PUBLIC" }, { name: "peft.json", bytes: peft }),
    });
    expect(chosen.status).toBe(201);

    const refusals: [FormData | string, Record<string, string>, number, string][] = [
      [pipelineForm({ language: "en", visibility: "PUBLIC" }, { name: "x.json", bytes: Buffer.from('{"results": 3}') }), {}, 422, "unprocessable"],
      [
        pipelineForm({ language: "en", visibility: "PUBLIC" }, { name: "x.png", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }),
        {},
        415,
        "unsupported_media_type",
      ],
      [pipelineForm({ language: "en" }), {}, 400, "invalid_parameter"],
      [pipelineForm({ language: "en", visibility: "PUBLIC" }, null), {}, 400, "invalid_parameter"],
      [JSON.stringify({ results: {} }), { "Content-Type": "application/json" }, 415, "unsupported_media_type"],
    ];
    for (const [body, headers, status, code] of refusals) {
      const res = await callApi("/evaluations", { method: "POST", token: secret, body, headers });
      expect(res.status, code).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await storedFiles()).toBe(files + 1);
    expect(await prisma.evaluationRun.count()).toBe(runs + 1);
  });

  it("needs the evaluations:write scope, and an owner who may still submit research", async () => {
    const reader = await expertWithToken("EG", ["read"]);
    const narrow = await callApi("/evaluations", { method: "POST", token: reader.secret, body: pipelineForm({ language: "en", visibility: "PUBLIC" }) });
    expect(narrow.status).toBe(403);
    expect((await narrow.json()).error.code).toBe("insufficient_scope");

    const writer = await expertWithToken("ET");
    await prisma.user.update({ where: { id: writer.user.id }, data: { role: "OBSERVER" } });
    const files = await storedFiles();
    const demoted = await callApi("/evaluations", { method: "POST", token: writer.secret, body: pipelineForm({ language: "en", visibility: "PUBLIC" }) });
    expect(demoted.status).toBe(403);
    expect((await demoted.json()).error.code).toBe("forbidden");
    expect(await storedFiles()).toBe(files);
  });
});
