// Model, evaluation and dataset pages called as the HTTP server calls them,
// against a real database and a temporary local file store.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, datasetFields, modelFields, newTotpSecret } from "../factories";
import { get, loadContext, ORIGIN, post, respond, sessionCookieFor } from "../http";
import * as modelList from "~/routes/$lang.models._index";
import * as modelNew from "~/routes/$lang.models.new";
import * as modelCard from "~/routes/$lang.models.$id._index";
import * as evaluations from "~/routes/$lang.evaluations._index";
import * as benchmarkPage from "~/routes/$lang.evaluations.benchmarks.$id";
import * as board from "~/routes/$lang.evaluations.leaderboards.$id";
import * as compare from "~/routes/$lang.evaluations.compare";
import * as importPage from "~/routes/$lang.evaluations.import";
import * as runPage from "~/routes/$lang.evaluations.runs.$id._index";
import * as runFile from "~/routes/$lang.evaluations.runs.$id.file";
import * as datasetNew from "~/routes/$lang.datasets.new";
import * as datasetPage from "~/routes/$lang.datasets.$slug._index";
import * as datasetFiles from "~/routes/$lang.datasets.$slug.files._index";
import * as download from "~/routes/$lang.datasets.$slug.files.$fileId";
import * as accessPage from "~/routes/$lang.datasets.$slug.access";
import * as croissant from "~/routes/$lang.datasets.$slug.croissant[.json]";
import { createDataset } from "~/modules/dataset/dataset.server";
import { recordResults } from "~/modules/evaluation/evaluation.server";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { prisma } from "~/utils/db.server";

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: loadContext() });

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-route-files-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function storedCount(): Promise<number> {
  let n = 0;
  for (const dir of await fs.readdir(root)) if (dir !== ".partial") n += (await fs.readdir(path.join(root, dir))).length;
  return n;
}

/** A signed-in person of a delegation: their actor and session cookie (heads get TOTP, as they must). */
async function signedIn(code: string, role: "HEAD" | "DELEGATE" | "EXPERT" = "DELEGATE") {
  const delegation = await createDelegation({ code });
  const user = await createUser({ role, delegationId: delegation.id, ...(role === "HEAD" ? { totpSecret: newTotpSecret() } : {}) });
  return { user, actor: await actorFor(user), cookie: await sessionCookieFor(user.id) };
}

function multipart(pathname: string, fields: Record<string, string>, file: { name: string; content: string | Uint8Array } | null, cookie: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.content as BlobPart]), file.name);
  return new Request(`${ORIGIN}${pathname}`, { method: "POST", body: form, headers: { Origin: ORIGIN, Cookie: cookie } });
}

describe("model registry pages", () => {
  it("lists models publicly and lets research submitters register one; the form keeps input on errors", async () => {
    const { cookie } = await signedIn("IN", "EXPERT");
    const list = await respond(() => modelList.loader(args(get("/en/models?open=yes"), { lang: "en" })));
    expect(list.status).toBe(200);
    expect((await list.json()).mayRegister).toBe(false);

    const anonymous = await respond(() => modelNew.loader(args(get("/en/models/new"), { lang: "en" })));
    expect(anonymous.status).toBe(302);

    const bad = await respond(() =>
      modelNew.action(
        args(post("/en/models/new", { name: "Sarvam test", family: "", license: "MIT", openWeights: "yes", developer: "Lab", repository: "not a repo" }, cookie), { lang: "en" }),
      ),
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.result.error.family).toEqual(["validation.required"]);
    expect(body.result.error.repository).toEqual(["research:validation.repository"]);
    expect(body.result.initialValue.name).toBe("Sarvam test");

    const ok = await respond(() =>
      modelNew.action(
        args(
          post(
            "/en/models/new",
            {
              name: "Airavata 7B",
              family: "OpenHathi",
              parameterBillions: "6.87",
              license: "Llama 2 Community License",
              openWeights: "yes",
              developer: "AI4Bharat",
              originCountry: "in",
              repository: "ai4bharat/Airavata",
            },
            cookie,
          ),
          {
            lang: "en",
          },
        ),
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/en/models/airavata-7b");
    expect(await prisma.aiModel.findUniqueOrThrow({ where: { slug: "airavata-7b" } })).toMatchObject({ parameterCount: 6_870_000_000n, originCountry: "IN" });

    const card = await respond(() => modelCard.loader(args(get("/en/models/airavata-7b"), { lang: "en", id: "airavata-7b" })));
    expect((await card.json()).model).toMatchObject({ name: "Airavata 7B", parameterCount: "6870000000" });
    expect((await respond(() => modelCard.loader(args(get("/en/models/nope"), { lang: "en", id: "nope" })))).status).toBe(404);
  });

  it("refuses registration to observers", async () => {
    const delegation = await createDelegation({ code: "LK", status: "OBSERVER" });
    const observer = await createUser({ role: "OBSERVER", delegationId: delegation.id });
    const cookie = await sessionCookieFor(observer.id);
    const res = await respond(() => modelNew.loader(args(get("/en/models/new", cookie), { lang: "en" })));
    expect(res.status).toBe(403);
  });
});

describe("evaluation pages", () => {
  it("imports an lm-eval file from a multipart form and shows its results on the leaderboard", async () => {
    const { actor, cookie } = await signedIn("CN", "EXPERT");
    await registerModel({ actor, input: modelFields({ name: "DeepSeek-R1-Distill-Qwen-7B", repository: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" }) });
    const content = await fs.readFile(path.resolve("test/fixtures/lm-eval/deepseek-r1-distill-qwen-7b.json"));
    const res = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "en", visibility: "PUBLIC", notes: "From the route" }, { name: "results.json", content }, cookie), {
          lang: "en",
        }),
      ),
    );
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/en\/evaluations\/runs\/[0-9a-f-]{36}\?imported=24$/);
    const runId = location.split("/")[4]!.split("?")[0]!;

    const run = await (await respond(() => runPage.loader(args(get(location), { lang: "en", id: runId })))).json();
    expect(run.run).toMatchObject({ harnessVersion: "0.4.7", gitHash: "8138fd52", fileSha256: createHash("sha256").update(content).digest("hex"), hasFile: true });
    // The storage key never reaches the page.
    expect(JSON.stringify(run)).not.toContain("fileKey");

    const file = await respond(() => runFile.loader(args(get(`${location}/file`), { lang: "en", id: runId })));
    expect(file.headers.get("Content-Disposition")).toContain('filename="results.json"');
    expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true);

    const gsm = await prisma.benchmark.findUniqueOrThrow({
      where: { task_metric_filter_isGroup: { task: "gsm8k", metric: "exact_match", filter: "strict-match", isGroup: false } },
    });
    // A benchmark's address opens its leaderboard (here: 5-shot, version 3), keeping the filters.
    const opened = await respond(() => benchmarkPage.loader(args(get(`/en/evaluations/benchmarks/${gsm.id}?language=en`), { lang: "en", id: gsm.id })));
    expect(opened.status).toBe(302);
    const boardPath = opened.headers.get("Location")!;
    expect(boardPath).toMatch(/^\/en\/evaluations\/leaderboards\/[0-9a-f-]{36}\?language=en$/);
    const boardId = boardPath.split("/")[4]!.split("?")[0]!;
    const leaderboard = await (await respond(() => board.loader(args(get(boardPath), { lang: "en", id: boardId })))).json();
    expect(leaderboard.board).toMatchObject({ task: "gsm8k", taskVersion: "3", nShot: 5, isGroup: false });
    expect(leaderboard.rows[0]).toMatchObject({ position: 1, rankLow: 1, rankHigh: 1, modelName: "DeepSeek-R1-Distill-Qwen-7B", score: 0.8203, stderr: 0.0106 });
    expect(leaderboard.title).toContain("5-shot · version 3");

    const list = await (await respond(() => evaluations.loader(args(get("/en/evaluations?q=gsm8k"), { lang: "en" })))).json();
    expect(list.items.map((b: { task: string; filter: string }) => `${b.task}/${b.filter}`).sort()).toEqual(["gsm8k/flexible-extract", "gsm8k/strict-match"]);

    // The same file again: refused beside the file field, with the earlier run to go to.
    const again = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "en", visibility: "PUBLIC" }, { name: "results.json", content }, cookie), { lang: "en" }),
      ),
    );
    expect(again.status).toBe(409);
    const duplicate = await again.json();
    expect(duplicate.result.error.file).toEqual(["research:errors.alreadyImported"]);
    expect(duplicate.outcome).toMatchObject({ kind: "duplicate", runId });
    expect(await prisma.evaluationRun.count({ where: { fileSha256: createHash("sha256").update(content).digest("hex") } })).toBe(1);
  });

  it("explains beside the model field when no registered model has what the file names", async () => {
    const { cookie } = await signedIn("BR", "EXPERT");
    const content = await fs.readFile(path.resolve("test/fixtures/lm-eval/steered-gemma-2-2b.json"));
    const res = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "en", visibility: "PUBLIC" }, { name: "results.json", content }, cookie), { lang: "en" }),
      ),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.result.error.modelId).toEqual(['research:errors.modelNotRegistered|{"named":"google/gemma-2-2b"}']);
    expect(body.outcome).toMatchObject({ kind: "modelNotMatched", named: "google/gemma-2-2b", namedKind: "repository" });
    // "Register it" starts from the repository the file names.
    const registerPage = await (await respond(() => modelNew.loader(args(get("/en/models/new?repository=google%2Fgemma-2-2b", cookie), { lang: "en" })))).json();
    expect(registerPage.prefill).toEqual({ repository: "google/gemma-2-2b", name: "gemma-2-2b" });
  });

  it("keeps a limited run off the leaderboard and shows it, labelled, only when asked; its page says what the file did not state", async () => {
    const { actor, cookie } = await signedIn("IN", "EXPERT");
    await registerModel({ actor, input: modelFields({ name: "Llama-3.1-8B", repository: "meta-llama/Llama-3.1-8B" }) });
    const content = await fs.readFile(path.resolve("test/fixtures/lm-eval/limited-llama-3.1-8b.json"));
    const res = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "en", visibility: "PUBLIC" }, { name: "limited.json", content }, cookie), { lang: "en" }),
      ),
    );
    expect(res.headers.get("Location")).toMatch(/\?imported=4&limited=4$/);
    const arc = await prisma.leaderboard.findFirstOrThrow({ where: { benchmark: { task: "arc_easy", metric: "acc", isGroup: false }, nShot: 0, taskVersion: "1" } });
    const hidden = await (await respond(() => board.loader(args(get(`/en/evaluations/leaderboards/${arc.id}`), { lang: "en", id: arc.id })))).json();
    expect(hidden.rows).toEqual([]);
    expect(hidden.limited).toEqual({ count: 1, rows: [] });
    const shown = await (await respond(() => board.loader(args(get(`/en/evaluations/leaderboards/${arc.id}?limited=show`), { lang: "en", id: arc.id })))).json();
    expect(shown.limited.rows[0]).toMatchObject({ modelName: "Llama-3.1-8B", score: 0.9, samplesEffective: 10, samplesOriginal: 2376 });
    const listed = await (await respond(() => evaluations.loader(args(get("/en/evaluations?q=arc_easy"), { lang: "en" })))).json();
    expect(listed.items).toEqual([]);
    const withLimited = await (await respond(() => evaluations.loader(args(get("/en/evaluations?q=arc_easy&limited=show"), { lang: "en" })))).json();
    expect(withLimited.items.map((i: { models: number; limited: number; leader: unknown }) => [i.models, i.limited, i.leader])).toEqual([
      [0, 1, null],
      [0, 1, null],
    ]);

    const noDate = await fs.readFile(path.resolve("test/fixtures/lm-eval/no-date-no-config.json"));
    await registerModel({ actor, input: modelFields({ name: "Jais-13b-chat", repository: "inceptionai/jais-13b-chat" }) });
    const made = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "en", visibility: "PUBLIC" }, { name: "nodate.json", content: noDate }, cookie), { lang: "en" }),
      ),
    );
    const runId = made.headers.get("Location")!.split("/")[4]!.split("?")[0]!;
    const page = await (await respond(() => runPage.loader(args(get(`/en/evaluations/runs/${runId}`), { lang: "en", id: runId })))).json();
    expect(page.run).toMatchObject({ evaluatedAt: null, hasConfig: false, modelBackend: null, modelArgs: null, fileFormat: "0.4" });
    expect(page.run.createdAt).toBeTruthy();
  });

  it("answers a broken file beside the file field, saves nothing and keeps nothing stored", async () => {
    const { cookie } = await signedIn("BR", "EXPERT");
    const runs = await prisma.evaluationRun.count();
    const files = await storedCount();
    const res = await respond(() =>
      importPage.action(
        args(multipart("/en/evaluations/import", { modelId: "", language: "pt", visibility: "PUBLIC" }, { name: "results.json", content: '{"results": [1, 2]}' }, cookie), {
          lang: "en",
        }),
      ),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.result.error.file).toEqual(["research:errors.lmEvalNotResults"]);
    expect(body.result.initialValue.language).toBe("pt");
    expect(await prisma.evaluationRun.count()).toBe(runs);
    expect(await storedCount()).toBe(files);

    // An executable renamed .json is refused by its content before anything is read as results.
    const exe = await respond(() =>
      importPage.action(
        args(
          multipart(
            "/en/evaluations/import",
            { modelId: "", language: "en", visibility: "PUBLIC" },
            { name: "results.json", content: new Uint8Array([0x4d, 0x5a, ...new Array(200).fill(1)]) },
            cookie,
          ),
          { lang: "en" },
        ),
      ),
    );
    expect(exe.status).toBe(415);
    expect((await exe.json()).result.error.file).toEqual(["errors.fileType"]);
  });

  it("compares chosen models, and hides members-only submissions from anonymous readers", async () => {
    const { actor } = await signedIn("ZA", "EXPERT");
    const a = await registerModel({ actor, input: modelFields({ name: "Compare-A" }) });
    const b = await registerModel({ actor, input: modelFields({ name: "Compare-B" }) });
    const common = { actor, harness: "lm-evaluation-harness", evaluatedAt: new Date("2025-01-05") };
    await recordResults({ ...common, modelId: a.id, visibility: "PUBLIC", results: [{ task: "cmp_task", metric: "acc", higherIsBetter: true, score: 0.4, language: "en" }] });
    const hidden = await recordResults({
      ...common,
      modelId: b.id,
      visibility: "MEMBERS",
      results: [{ task: "cmp_task", metric: "acc", higherIsBetter: true, score: 0.9, language: "en" }],
    });
    const url = `/en/evaluations/compare?models=${a.slug}&models=${b.slug}&q=cmp_task`;
    const pub = await (await respond(() => compare.loader(args(get(url), { lang: "en" })))).json();
    expect(pub.models.map((m: { name: string }) => m.name)).toEqual(["Compare-A", "Compare-B"]);
    expect(pub.benchmarks[0].cells).toEqual([{ score: 0.4, stderr: null }, null]);
    const member = await signedIn("RU");
    const seen = await (await respond(() => compare.loader(args(get(url, member.cookie), { lang: "en" })))).json();
    expect(seen.benchmarks[0].cells[1]).toEqual({ score: 0.9, stderr: null });
    const anonymousRun = await respond(() => runPage.loader(args(get(`/en/evaluations/runs/${hidden.id}`), { lang: "en", id: hidden.id })));
    expect(anonymousRun.status).toBe(404);
  });
});

describe("dataset pages", () => {
  it("catalogues a dataset, uploads a file with its checksum, and serves it as an attachment", async () => {
    const { cookie } = await signedIn("EG", "EXPERT");
    const created = await respond(() =>
      datasetNew.action(
        args(
          post(
            "/ar/datasets/new",
            {
              name: "قصص الأطفال",
              description: "قصص قصيرة.",
              originalLanguage: "ar",
              languages: "ar",
              license: "CC-BY-4.0",
              modality: "TEXT",
              residencyCountry: "eg",
              crossBorder: "RESTRICTED",
              access: "OPEN",
            },
            cookie,
          ),
          { lang: "ar" },
        ),
      ),
    );
    expect(created.status).toBe(302);
    const slug = created.headers.get("Location")!.split("/").pop()!;
    const content = "id,story\n1,كان يا ما كان\n";
    const uploaded = await respond(() =>
      datasetFiles.action(args(multipart(`/ar/datasets/${slug}/files`, { intent: "upload" }, { name: "قصص.csv", content }, cookie), { lang: "ar", slug })),
    );
    expect(uploaded.status).toBe(302);
    const page = await (await respond(() => datasetPage.loader(args(get(`/ar/datasets/${slug}`), { lang: "ar", slug })))).json();
    expect(page.files.items).toHaveLength(1);
    const file = page.files.items[0];
    expect(file).toMatchObject({ filename: "قصص.csv", contentType: "text/csv", sha256: createHash("sha256").update(content).digest("hex") });
    expect(page.may).toMatchObject({ download: true, manage: false });

    const res = await respond(() => download.loader(args(get(`/ar/datasets/${slug}/files/${file.id}`), { lang: "ar", slug, fileId: file.id })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="___.csv"; filename*=UTF-8''${encodeURIComponent("قصص.csv")}`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Checksum-SHA256")).toBe(file.sha256);
    expect(res.headers.get("Content-Length")).toBe(String(Buffer.byteLength(content)));
    expect(await res.text()).toBe(content);

    const json = await respond(() => croissant.loader(args(get(`/ar/datasets/${slug}/croissant.json`), { lang: "ar", slug })));
    expect(json.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    const doc = await json.json();
    expect(doc.distribution[0]).toMatchObject({ "@type": "cr:FileObject", sha256: file.sha256, contentUrl: `${ORIGIN}/ar/datasets/${slug}/files/${file.id}` });
  });

  it("refuses an upload by type from its content, beside the file field; and outsiders before anything is stored", async () => {
    const { actor, cookie } = await signedIn("CN", "EXPERT");
    const d = await createDataset({ actor, input: datasetFields() });
    const before = await storedCount();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(40).fill(0)]);
    const refused = await respond(() =>
      datasetFiles.action(args(multipart(`/en/datasets/${d.slug}/files`, { intent: "upload" }, { name: "looks-like.csv", content: png }, cookie), { lang: "en", slug: d.slug })),
    );
    // PNG is an accepted type for datasets: it is stored as what it is, not as CSV.
    expect(refused.status).toBe(302);
    expect((await prisma.datasetFile.findFirstOrThrow({ where: { datasetId: d.id } })).contentType).toBe("image/png");
    const exe = new Uint8Array([0x4d, 0x5a, ...new Array(300).fill(0x90)]);
    const res = await respond(() =>
      datasetFiles.action(args(multipart(`/en/datasets/${d.slug}/files`, { intent: "upload" }, { name: "data.csv", content: exe }, cookie), { lang: "en", slug: d.slug })),
    );
    expect(res.status).toBe(415);
    expect((await res.json()).result.error.file).toEqual(["errors.fileType"]);
    expect(await storedCount()).toBe(before + 1);

    const outsider = await signedIn("BR");
    const denied = await respond(() =>
      datasetFiles.action(
        args(multipart(`/en/datasets/${d.slug}/files`, { intent: "upload" }, { name: "x.csv", content: "a\n1\n" }, outsider.cookie), { lang: "en", slug: d.slug }),
      ),
    );
    expect(denied.status).toBe(403);
    expect(await storedCount()).toBe(before + 1);
  });

  it("takes an access request, lets the steward's head approve it, then serves the file to the requester", async () => {
    const steward = await signedIn("IN", "EXPERT");
    const head = await signedIn("IN", "HEAD");
    const requester = await signedIn("ZA");
    const d = await createDataset({ actor: steward.actor, input: datasetFields({ access: "ON_REQUEST" }) });
    await respond(() =>
      datasetFiles.action(
        args(multipart(`/en/datasets/${d.slug}/files`, { intent: "upload" }, { name: "pairs.tsv", content: "hi\ten\nनमस्ते\thello\n" }, steward.cookie), {
          lang: "en",
          slug: d.slug,
        }),
      ),
    );
    const file = await prisma.datasetFile.findFirstOrThrow({ where: { datasetId: d.id } });

    // Anonymous: sent to sign in. Signed in without access: 403.
    const anon = await respond(() => download.loader(args(get(`/en/datasets/${d.slug}/files/${file.id}`), { lang: "en", slug: d.slug, fileId: file.id })));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/en\/login\?redirectTo=/);
    const before = await respond(() => download.loader(args(get(`/en/datasets/${d.slug}/files/${file.id}`, requester.cookie), { lang: "en", slug: d.slug, fileId: file.id })));
    expect(before.status).toBe(403);

    const short = await respond(() =>
      datasetPage.action(args(post(`/en/datasets/${d.slug}`, { intent: "requestAccess", purpose: "hi" }, requester.cookie), { lang: "en", slug: d.slug })),
    );
    expect(short.status).toBe(400);
    expect((await short.json()).result.error.purpose).toEqual(['validation.tooShort|{"count":10}']);
    const asked = await respond(() =>
      datasetPage.action(
        args(post(`/en/datasets/${d.slug}`, { intent: "requestAccess", purpose: "Building a Hindi–isiZulu glossary for clinics." }, requester.cookie), {
          lang: "en",
          slug: d.slug,
        }),
      ),
    );
    expect(asked.status).toBe(302);
    const request = await prisma.datasetAccessRequest.findFirstOrThrow({ where: { datasetId: d.id } });

    // The steward's expert sees the requests but cannot decide; the head can.
    const notHead = await respond(() =>
      accessPage.action(args(post(`/en/datasets/${d.slug}/access`, { intent: "approve", requestId: request.id }, steward.cookie), { lang: "en", slug: d.slug })),
    );
    expect(notHead.status).toBe(403);
    const denyWithoutNote = await respond(() =>
      accessPage.action(args(post(`/en/datasets/${d.slug}/access`, { intent: "deny", requestId: request.id }, head.cookie), { lang: "en", slug: d.slug })),
    );
    expect(denyWithoutNote.status).toBe(400);
    const listing = await (await respond(() => accessPage.loader(args(get(`/en/datasets/${d.slug}/access`, head.cookie), { lang: "en", slug: d.slug })))).json();
    expect(listing.pending.map((r: { purpose: string }) => r.purpose)).toEqual(["Building a Hindi–isiZulu glossary for clinics."]);
    const approved = await respond(() =>
      accessPage.action(args(post(`/en/datasets/${d.slug}/access`, { intent: "approve", requestId: request.id, note: "Granted." }, head.cookie), { lang: "en", slug: d.slug })),
    );
    expect(approved.status).toBe(302);

    const after = await respond(() => download.loader(args(get(`/en/datasets/${d.slug}/files/${file.id}`, requester.cookie), { lang: "en", slug: d.slug, fileId: file.id })));
    expect(after.status).toBe(200);
    const body = Buffer.from(await after.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(after.headers.get("X-Checksum-SHA256"));
    expect(after.headers.get("X-Checksum-SHA256")).toBe(file.sha256);
  });
});
