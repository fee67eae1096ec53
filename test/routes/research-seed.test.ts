// The demo seed's models, evaluations and datasets: made through the services,
// stored files with checksums that match, and an intact audit chain.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { openStoredFile, setStorageBackend } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-seed-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("demo research content", () => {
  it("has a dozen models, a few hundred demo results, imported lm-eval files and datasets of every kind", async () => {
    expect(await seedDemoIfEmpty()).toBe(true);
    const models = await prisma.aiModel.findMany({ select: { name: true, openWeights: true, family: true } });
    expect(models.length).toBeGreaterThanOrEqual(12);
    expect(models.some((m) => !m.openWeights)).toBe(true);
    expect(models.filter((m) => m.family === "DeepSeek-R1-Distill").length).toBeGreaterThanOrEqual(4);

    const results = await prisma.evaluationResult.count();
    expect(results).toBeGreaterThanOrEqual(250);
    // Every demo score is marked as such.
    expect(await prisma.evaluationRun.count({ where: { isDemo: false } })).toBe(0);
    const tasks = (await prisma.benchmark.findMany({ select: { task: true } })).map((b) => b.task);
    for (const name of ["mmlu", "ceval-valid", "cmmlu", "gsm8k", "arc_challenge", "belebele_hin_Deva", "indicglue_wstp_hi"]) expect(tasks).toContain(name);

    const imported = await prisma.evaluationRun.findMany({ where: { source: "LM_EVAL_IMPORT" }, select: { fileKey: true, fileSha256: true, harnessVersion: true, gitHash: true } });
    expect(imported.length).toBeGreaterThanOrEqual(1);
    for (const run of imported) {
      expect(run.harnessVersion).toMatch(/^0\.4\./);
      const { stream } = await openStoredFile(run.fileKey!);
      const hash = createHash("sha256");
      for await (const chunk of stream) hash.update(chunk as Buffer);
      expect(hash.digest("hex")).toBe(run.fileSha256);
    }

    // A group run, a limited run, and leaderboards that compare like with like.
    expect(imported.length).toBeGreaterThanOrEqual(4);
    expect(await prisma.evaluationRun.count({ where: { limitedCount: { gt: 0 } } })).toBeGreaterThanOrEqual(1);
    const mmlu = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task: "mmlu", metric: "acc", isGroup: true }, taskVersion: "2", nShot: 5 } });
    const board = await prisma.leaderboardSummary.findUniqueOrThrow({ where: { audience_leaderboardId: { audience: "PUBLIC", leaderboardId: mmlu.id } } });
    // The demo's 13 models (one members-only) and the imported group run of Qwen2.5-14B share the board.
    expect(board.modelCount).toBe(12);
    expect(board.resultCount).toBe(14);
    expect(await prisma.benchmark.count({ where: { metric: { in: ["sample_len", "sample_count", "alias", "name"] } } })).toBe(0);

    const datasets = await prisma.dataset.findMany({ select: { access: true, crossBorder: true, residencyCountry: true, originalLanguage: true } });
    expect(new Set(datasets.map((d) => d.access))).toEqual(new Set(["OPEN", "MEMBERS", "ON_REQUEST"]));
    expect(new Set(datasets.map((d) => d.crossBorder))).toEqual(new Set(["ALLOWED", "RESTRICTED", "PROHIBITED"]));
    expect(new Set(datasets.map((d) => d.residencyCountry)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(datasets.map((d) => d.originalLanguage)).size).toBeGreaterThanOrEqual(5);
    const files = await prisma.datasetFile.findMany({ select: { storageKey: true, sha256: true, size: true } });
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const { stream, size } = await openStoredFile(f.storageKey);
      expect(BigInt(size)).toBe(f.size);
      const hash = createHash("sha256");
      for await (const chunk of stream) hash.update(chunk as Buffer);
      expect(hash.digest("hex")).toBe(f.sha256);
    }
    expect(await prisma.datasetAccessRequest.count({ where: { status: "PENDING" } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.datasetAccessRequest.count({ where: { status: "APPROVED" } })).toBeGreaterThanOrEqual(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
