// Leaderboards against a real database: like compared with like (task or
// group, version, n-shot, full sample set), rank ranges from 95 % intervals
// (statistical ties), lower-is-better sorted ascending, limited runs apart,
// visibility, filters, model pages and comparisons — and speed with tens of
// thousands of results.
import { describe, expect, it } from "vitest";
import { delegationActor, modelFields } from "../../../test/factories";
import { registerModel } from "~/modules/model/model.server";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { compareModels, modelResults } from "./comparison.server";
import { recordResults, writeRun, type ResultToStore } from "./evaluation.server";
import { defaultLeaderboardOf, getLeaderboard, listLeaderboards } from "./leaderboard.server";

const anonymous = null;
const unique = () => Math.random().toString(36).slice(2, 8);

/** A full or limited result of a run, written as an import would. */
async function run(actor: CurrentUser, modelId: string, visibility: "PUBLIC" | "MEMBERS", results: Partial<ResultToStore>[], language = "en") {
  return prisma.$transaction((tx) =>
    writeRun(
      tx,
      actor,
      { modelId, source: "LM_EVAL_IMPORT", harness: "lm-evaluation-harness", evaluatedAt: new Date("2025-03-01T00:00:00Z"), notes: "", visibility, isDemo: false },
      results.map((r) => ({
        task: "t",
        metric: "acc",
        filter: "none",
        isGroup: false,
        higherIsBetter: true,
        version: "1",
        nShot: 5,
        score: 0.5,
        stderr: null,
        samples: null,
        limited: false,
        language,
        ...r,
      })),
    ),
  );
}

async function boardOf(task: string, where: { nShot?: number | null; version?: string | null; isGroup?: boolean; metric?: string } = {}) {
  return prisma.leaderboard.findFirstOrThrow({
    where: {
      benchmark: { task, isGroup: where.isGroup ?? false, ...(where.metric ? { metric: where.metric } : {}) },
      ...(where.nShot !== undefined ? { nShot: where.nShot } : {}),
      ...(where.version !== undefined ? { taskVersion: where.version } : {}),
    },
  });
}

describe("a leaderboard", () => {
  async function scenario() {
    const expert = await delegationActor("ZA", "EXPERT");
    const family = `fam-${unique()}`;
    const names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"];
    const [a, b, c, d, e] = await Promise.all(
      names.map((name, i) => registerModel({ actor: expert, input: modelFields({ name: `${name}-${unique()}`, family: i < 2 ? family : `${family}-x` }) })),
    );
    const task = `task_${unique()}`;
    // Alpha and Beta: overlapping 95 % intervals (tied); Gamma apart from them; Delta without a standard error,
    // inside Gamma's interval (so tied with it) and below Alpha's and Beta's.
    await run(expert, a!.id, "PUBLIC", [{ task, score: 0.8, stderr: 0.01 }]);
    await run(expert, b!.id, "PUBLIC", [{ task, score: 0.78, stderr: 0.01 }]);
    await run(expert, c!.id, "PUBLIC", [{ task, score: 0.6, stderr: 0.01 }]);
    await run(expert, d!.id, "PUBLIC", [{ task, score: 0.59, stderr: null }]);
    // Epsilon's best is members-only; its public result is low; it also has a limited run that scores best of all.
    await run(expert, e!.id, "MEMBERS", [{ task, score: 0.9, stderr: 0.01 }], "sw");
    await run(expert, e!.id, "PUBLIC", [{ task, score: 0.3, stderr: 0.01 }]);
    await run(expert, e!.id, "PUBLIC", [{ task, score: 0.99, stderr: 0.1, limited: true, samples: { effective: 10, original: 2376 } }]);
    // The same task at another n-shot, another version, and a group of the same name: separate boards.
    await run(expert, a!.id, "PUBLIC", [{ task, nShot: 0, score: 0.1 }]);
    await run(expert, b!.id, "PUBLIC", [{ task, version: "2", score: 0.99 }]);
    await run(expert, c!.id, "PUBLIC", [{ task, isGroup: true, score: 0.95 }]);
    const board = await boardOf(task, { nShot: 5, version: "1" });
    return { expert, family, a: a!, b: b!, c: c!, d: d!, e: e!, task, board };
  }

  it("ranks each model's best full-sample result, with ranges where 95 % intervals overlap", async () => {
    const { board, a, b, c, d, e } = await scenario();
    const pub = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1 });
    expect(pub.rows.map((r) => [r.modelSlug, r.score, r.rankLow, r.rankHigh])).toEqual([
      [a.slug, 0.8, 1, 2],
      [b.slug, 0.78, 1, 2],
      [c.slug, 0.6, 3, 4],
      // Without a standard error: its score alone, against the others' intervals.
      [d.slug, 0.59, 3, 4],
      [e.slug, 0.3, 5, 5],
    ]);
    expect(pub.rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(pub.total).toBe(5);

    // Members see Epsilon's members-only best; the limited run's 0.99 is on no ranking.
    const members = await getLeaderboard({ viewer: await delegationActor("RU"), leaderboardId: board.id, page: 1 });
    expect(members.rows[0]).toMatchObject({ modelSlug: e.slug, score: 0.9, rankLow: 1, rankHigh: 1, language: "sw" });
    expect(members.rows.some((r) => r.score === 0.99)).toBe(false);
  });

  it("keeps other versions, n-shots and groups of the same name on boards of their own, and links them", async () => {
    const { board, task, a, b, c } = await scenario();
    const { settings, rows } = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1 });
    expect(rows.some((r) => r.score === 0.1 || r.score === 0.99 || r.score === 0.95)).toBe(false);
    expect(settings.map((s) => [s.nShot, s.taskVersion, s.models])).toEqual([
      [5, "1", 5],
      [0, "1", 1],
      [5, "2", 1],
    ]);
    const group = await boardOf(task, { isGroup: true });
    const groupBoard = await getLeaderboard({ viewer: anonymous, leaderboardId: group.id, page: 1 });
    expect(groupBoard.board.isGroup).toBe(true);
    expect(groupBoard.rows.map((r) => r.modelSlug)).toEqual([c.slug]);
    expect(groupBoard.settings).toHaveLength(1);
    // A benchmark's address opens its board with most models.
    expect(await defaultLeaderboardOf({ viewer: anonymous, benchmarkId: board.benchmarkId })).toBe(board.id);
    expect([a.slug, b.slug]).toContain(rows[0]!.modelSlug);
  });

  it("counts limited runs apart and lists them only when asked, with their sample counts", async () => {
    const { board, e } = await scenario();
    const hidden = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1 });
    expect(hidden.limited).toEqual({ count: 1, rows: [] });
    const shown = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1, limited: true });
    expect(shown.limited.rows).toEqual([expect.objectContaining({ modelSlug: e.slug, score: 0.99, samplesEffective: 10, samplesOriginal: 2376 })]);
  });

  it("sorts lower-is-better ascending and ranks the lowest first", async () => {
    const expert = await delegationActor("EG", "EXPERT");
    const task = `ppl_${unique()}`;
    const models = await Promise.all(["Low", "Mid", "High"].map((n) => registerModel({ actor: expert, input: modelFields({ name: `${n}-${unique()}` }) })));
    for (const [i, score] of [9.1, 12.5, 30].entries()) await run(expert, models[i]!.id, "PUBLIC", [{ task, metric: "word_perplexity", higherIsBetter: false, score }]);
    const board = await boardOf(task, { metric: "word_perplexity" });
    const result = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1 });
    expect(result.board.higherIsBetter).toBe(false);
    expect(result.rows.map((r) => [r.score, r.rankLow])).toEqual([
      [9.1, 1],
      [12.5, 2],
      [30, 3],
    ]);
    const list = await listLeaderboards({ viewer: anonymous, page: 1, q: task });
    expect(list.items[0]).toMatchObject({ higherIsBetter: false, leader: { slug: models[0]!.slug, score: 9.1 }, firstCount: 1 });
  });

  it("filters by language (computed from the results) and by family (ranks stay those of the whole board)", async () => {
    const { board, expert, family, a, b, e } = await scenario();
    const swahili = await getLeaderboard({ viewer: expert, leaderboardId: board.id, page: 1, language: "sw" });
    expect(swahili.rows.map((r) => [r.modelSlug, r.rankLow, r.rankHigh])).toEqual([[e.slug, 1, 1]]);
    const fam = await getLeaderboard({ viewer: anonymous, leaderboardId: board.id, page: 1, family });
    expect(fam.rows.map((r) => [r.modelSlug, r.rankLow, r.rankHigh])).toEqual([
      [a.slug, 1, 2],
      [b.slug, 1, 2],
    ]);
    expect(fam.total).toBe(2);
    expect(fam.rankedModels).toBe(5);
  });
});

describe("the list of leaderboards", () => {
  it("gives each board its models, results, limited runs and leader, tied ones counted, within what the reader may see", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    const task = `list_${unique()}`;
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((n) => registerModel({ actor: expert, input: modelFields({ name: `${n}-${unique()}` }) })));
    await run(expert, a!.id, "PUBLIC", [{ task, score: 0.7, stderr: 0.02 }]);
    await run(expert, b!.id, "PUBLIC", [{ task, score: 0.69, stderr: 0.02 }]);
    await run(expert, b!.id, "PUBLIC", [{ task, score: 0.6, stderr: 0.02 }]);
    await run(expert, c!.id, "MEMBERS", [{ task, score: 0.95, stderr: 0.001 }]);
    await run(expert, c!.id, "PUBLIC", [{ task, score: 0.2, limited: true }]);
    // A board with limited runs only.
    await run(expert, c!.id, "PUBLIC", [{ task, nShot: 3, score: 0.4, limited: true }]);

    const pub = await listLeaderboards({ viewer: anonymous, page: 1, q: task });
    expect(pub.items.map((i) => [i.nShot, i.models, i.results, i.limited, i.leader?.slug, i.firstCount])).toEqual([[5, 2, 3, 1, a!.slug, 2]]);
    const withLimited = await listLeaderboards({ viewer: anonymous, page: 1, q: task, limited: true });
    expect(withLimited.items.map((i) => [i.nShot, i.models, i.limited, i.leader])).toEqual([
      [5, 2, 1, expect.objectContaining({ slug: a!.slug })],
      [3, 0, 1, null],
    ]);
    const members = await listLeaderboards({ viewer: expert, page: 1, q: task });
    expect(members.items[0]).toMatchObject({ models: 3, results: 4, leader: { slug: c!.slug, score: 0.95 }, firstCount: 1 });
    // The filtered list (computed from the results) agrees with the stored one.
    const filtered = await listLeaderboards({ viewer: expert, page: 1, q: task, language: "en" });
    expect(filtered.items.map((i) => [i.models, i.results, i.limited, i.leader?.slug, i.firstCount])).toEqual(
      members.items.map((i) => [i.models, i.results, i.limited, i.leader?.slug, i.firstCount]),
    );
    // "%" and "_" in a search are letters, not patterns.
    expect((await listLeaderboards({ viewer: anonymous, page: 1, q: "%" })).total).toBe(0);
  });
});

describe("a model's results and comparisons", () => {
  it("give each model's best per board with its rank, and line up only comparable boards", async () => {
    const expert = await delegationActor("BR", "EXPERT");
    const task = `cmp_${unique()}`;
    const [a, b] = await Promise.all(["A", "B"].map((n) => registerModel({ actor: expert, input: modelFields({ name: `${n}-${unique()}` }) })));
    await recordResults({
      actor: expert,
      modelId: a!.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-02-01"),
      visibility: "PUBLIC",
      results: [
        { task, metric: "acc", higherIsBetter: true, score: 0.61, stderr: 0.01, nShot: 5, taskVersion: "1", language: "en" },
        { task, metric: "acc", isGroup: true, higherIsBetter: true, score: 0.5, nShot: 5, taskVersion: "1", language: "en" },
      ],
    });
    await recordResults({
      actor: expert,
      modelId: b!.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-02-01"),
      visibility: "PUBLIC",
      results: [{ task, metric: "acc", higherIsBetter: true, score: 0.66, stderr: 0.01, nShot: 5, taskVersion: "1.0", language: "en" }],
    });
    // A run has one n-shot per task: the 0-shot result is another run.
    await recordResults({
      actor: expert,
      modelId: b!.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-02-02"),
      visibility: "PUBLIC",
      results: [{ task, metric: "acc", higherIsBetter: true, score: 0.9, nShot: 0, taskVersion: "1", language: "en" }],
    });
    const results = await modelResults({ viewer: anonymous, modelId: a!.id, page: 1, q: task });
    expect(results.rows.map((r) => [r.isGroup, r.score, r.rankLow, r.rankHigh, r.rankedModels])).toEqual([
      [false, 0.61, 2, 2, 2],
      [true, 0.5, 1, 1, 1],
    ]);
    const comparison = await compareModels({ viewer: anonymous, slugs: [b!.slug, a!.slug], q: task });
    expect(comparison.models.map((m) => m.slug)).toEqual([b!.slug, a!.slug]);
    // "1.0" and "1" are the same version: one board for both; the 0-shot result and the group are boards of their own.
    const shared = comparison.boards.find((x) => x.covered === 2)!;
    expect(shared).toMatchObject({ isGroup: false, nShot: 5, taskVersion: "1" });
    expect(comparison.boards).toHaveLength(3);
    const score = (modelId: string, boardId: string) => comparison.scores.find((s) => s.modelId === modelId && s.leaderboardId === boardId)?.score;
    expect(score(a!.id, shared.id)).toBe(0.61);
    expect(score(b!.id, shared.id)).toBe(0.66);
  });
});

describe("with tens of thousands of results", () => {
  it("answers leaderboards, the list and comparisons quickly, from the stored best scores", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    const models: { id: string; slug: string }[] = [];
    for (let i = 0; i < 50; i++)
      models.push(await registerModel({ actor: expert, input: modelFields({ name: `Scale-${String(i).padStart(2, "0")}-${unique()}`, family: `scale-${i % 5}` }) }));
    // 40 000 results: 50 models × 200 boards × 4 submissions each, written in SQL, then the stored bests built once.
    await prisma.$executeRaw`
      INSERT INTO "Benchmark" (id, task, metric, filter, "higherIsBetter")
      SELECT gen_random_uuid(), 'scale_task_' || g, 'acc', 'none', g % 10 <> 0 FROM generate_series(1, 200) g`;
    await prisma.$executeRaw`
      INSERT INTO "Leaderboard" (id, "benchmarkId", "taskVersion", "nShot")
      SELECT gen_random_uuid(), id, '1', 5 FROM "Benchmark" WHERE task LIKE 'scale_task_%'`;
    const ids = models.map((m) => m.id);
    await prisma.$executeRaw`
      INSERT INTO "EvaluationRun" (id, "modelId", source, harness, "evaluatedAt", visibility, "resultCount", "submittedById")
      SELECT gen_random_uuid(), m.id, 'MANUAL', 'lm-evaluation-harness', now(),
             CASE WHEN r % 3 = 0 THEN 'MEMBERS'::"ResultVisibility" ELSE 'PUBLIC'::"ResultVisibility" END, 200, ${expert.id}::uuid
      FROM unnest(${ids}::uuid[]) AS m(id) CROSS JOIN generate_series(1, 4) r`;
    await prisma.$executeRaw`
      INSERT INTO "EvaluationResult" (id, "runId", "modelId", "benchmarkId", "leaderboardId", score, stderr, "nShot", language, visibility, "evaluatedAt")
      SELECT gen_random_uuid(), run.id, run."modelId", l."benchmarkId", l.id, random() * 0.9, 0.005 + random() * 0.01, 5,
             (ARRAY['en','zh','hi','ar'])[1 + (abs(hashtext(l.id::text)) % 4)], run.visibility, now()
      FROM "EvaluationRun" run
      CROSS JOIN (SELECT l.id, l."benchmarkId" FROM "Leaderboard" l JOIN "Benchmark" b ON b.id = l."benchmarkId" WHERE b.task LIKE 'scale_task_%') l
      WHERE run."modelId" = ANY(${ids}::uuid[])`;
    const boards = await prisma.leaderboard.findMany({ where: { benchmark: { task: { startsWith: "scale_task_" } } }, select: { id: true } });
    await prisma.$executeRaw`SELECT concord_refresh_leaderboards(${boards.map((b) => b.id)}::uuid[], NULL)`;
    await prisma.$executeRaw`ANALYZE`;
    expect(await prisma.evaluationResult.count()).toBeGreaterThanOrEqual(40_000);

    const timed = async <T>(f: () => Promise<T>) => {
      const started = performance.now();
      const value = await f();
      return { value, ms: performance.now() - started };
    };
    const target = await boardOf("scale_task_7");
    const board = await timed(() => getLeaderboard({ viewer: expert, leaderboardId: target.id, page: 2 }));
    expect(board.value.total).toBe(50);
    expect(board.value.rows).toHaveLength(20);
    expect(board.value.rows[0]!.position).toBe(21);
    const scores = board.value.rows.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    const list = await timed(() => listLeaderboards({ viewer: null, page: 3, q: "scale_task" }));
    expect(list.value.total).toBe(200);
    expect(list.value.items).toHaveLength(30);
    const filtered = await timed(() => listLeaderboards({ viewer: null, page: 1, q: "scale_task", language: "hi" }));
    expect(filtered.value.items.length).toBeGreaterThan(0);
    const compared = await timed(() => compareModels({ viewer: expert, slugs: models.slice(0, 5).map((m) => m.slug) }));
    expect(compared.value.boards).toHaveLength(12);
    // One more submission on a board of 50 models: its refresh (best, ranks, summary) stays quick.
    const added = await timed(() => run(expert, models[0]!.id, "PUBLIC", [{ task: "scale_task_7", score: 0.999, stderr: 0.001 }]));
    expect((await getLeaderboard({ viewer: null, leaderboardId: target.id, page: 1 })).rows[0]).toMatchObject({ modelSlug: models[0]!.slug, score: 0.999, rankLow: 1 });
    // Generous bounds for a shared CI machine: each is a few tens of milliseconds here.
    if (process.env.SHOW_TIMINGS) console.log("timings ms", board.ms, list.ms, filtered.ms, compared.ms, added.ms);
    for (const t of [board, list, filtered, compared, added]) expect(t.ms).toBeLessThan(2_000);
  });
});
