// Who hears of acts on strategies, DSI assessments, datasets and evaluations.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, createUser, datasetFields, delegationActor, dsiIndicatorValues, modelFields, strategyFields, uploadBytes } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { decideAccess, requestAccess } from "~/modules/dataset/access.server";
import { DATASET_FILE_TYPES } from "~/modules/dataset/constants";
import { createDataset } from "~/modules/dataset/dataset.server";
import { addDatasetFile } from "~/modules/dataset/files.server";
import { publishAssessment, returnAssessment, saveAssessment, submitAssessment } from "~/modules/dsi/assessment.server";
import { recordManualResult } from "~/modules/evaluation/evaluation.server";
import { follow } from "~/modules/follow/follow.server";
import { registerModel } from "~/modules/model/model.server";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import { createStrategy, publishStrategy } from "~/modules/strategy/strategy.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-notices-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const recipients = async (kind: string) => (await prisma.notification.findMany({ where: { kind }, select: { userId: true } })).map((n) => n.userId).sort();

describe("research and strategy events", () => {
  it("a published strategy reaches its followers and those who follow its DSI dimensions; members-only ones only members", async () => {
    const delegate = await delegationActor("BR", "DELEGATE");
    const head = await delegationActor("BR", "HEAD");
    const topicMember = await delegationActor("IN", "DELEGATE");
    const topicOutsider = await actorFor(await createUser({ role: "OBSERVER" }));
    await follow({ actor: topicMember, target: "DSI_DIMENSION", id: "DATA_OWNERSHIP" });
    await prisma.follow.create({ data: { userId: topicOutsider.id, targetType: "DSI_DIMENSION", targetId: "DATA_OWNERSHIP" } });
    const strategy = await createStrategy({ actor: delegate, originalLanguage: "en", ...strategyFields({ dimensions: ["DATA_OWNERSHIP"] }) });
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "MEMBERS" });
    expect(await recipients("strategy.published")).toEqual([topicMember.id]);
  });

  it("a DSI assessment returned reaches its delegation; published, also those who follow the index", async () => {
    const head = await delegationActor("ZA", "HEAD");
    const delegate = await delegationActor("ZA", "DELEGATE");
    const secretariat = await actorFor(await createUser({ role: "SECRETARIAT" }));
    const follower = await delegationActor("CN", "DELEGATE");
    await follow({ actor: follower, target: "DSI_DIMENSION", id: "DIGITAL_CAPABILITY" });
    const saved = await saveAssessment({ actor: head, delegationId: head.delegation!.id, year: 2025, indicators: dsiIndicatorValues(60), evidence: [] });
    await submitAssessment({ actor: head, assessmentId: saved.id, revision: saved.revision });
    await returnAssessment({ actor: secretariat, assessmentId: saved.id, revision: saved.revision + 1, note: "Add evidence." });
    expect(await recipients("dsi.returned")).toEqual([head.id, delegate.id].sort());
    await submitAssessment({ actor: head, assessmentId: saved.id, revision: saved.revision + 2 });
    await publishAssessment({ actor: secretariat, assessmentId: saved.id, revision: saved.revision + 3 });
    // Published assessments are public: everyone following any DSI dimension hears of them (here also the earlier test's followers).
    expect(await recipients("dsi.published")).toEqual(expect.arrayContaining([head.id, delegate.id, follower.id]));
    expect(await recipients("dsi.published")).not.toContain(secretariat.id);
  });

  it("access requests go to the steward's head and alternates, the decision to the requester; new files to followers", async () => {
    const head = await delegationActor("EG", "HEAD");
    const alternate = await actorFor(await createUser({ role: "ALTERNATE", delegationId: head.delegation!.id }));
    const steward = await delegationActor("EG", "DELEGATE");
    const requester = await delegationActor("RU", "DELEGATE");
    const dataset = await createDataset({ actor: steward, input: datasetFields({ access: "ON_REQUEST" }) });
    const request = await requestAccess({ actor: requester, datasetId: dataset.id, purpose: "Training an Arabic model." });
    expect(await recipients("dataset.accessRequested")).toEqual([head.id, alternate.id].sort());
    await decideAccess({ actor: head, requestId: request.id, approve: true });
    expect(await recipients("dataset.accessApproved")).toEqual([requester.id]);

    await follow({ actor: requester, target: "DATASET", id: dataset.id });
    const stored = await storeUpload({ data: uploadBytes("a,b\n1,2\n"), filename: "sample.csv", maxBytes: 5000, allowedTypes: DATASET_FILE_TYPES });
    await addDatasetFile({ actor: steward, datasetId: dataset.id, upload: { ...stored, filename: "sample.csv" } });
    const [notice] = await prisma.notification.findMany({ where: { kind: "dataset.fileAdded" }, select: { userId: true, data: true } });
    expect(notice).toMatchObject({ userId: requester.id, data: { filename: "sample.csv" } });
  });

  it("new results reach those who follow the model", async () => {
    const expert = await delegationActor("ID", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields() });
    const follower = await delegationActor("IR", "DELEGATE");
    await follow({ actor: follower, target: "MODEL", id: model.id });
    const run = await recordManualResult({
      actor: expert,
      input: {
        modelId: model.id,
        task: "indommlu",
        metric: "acc",
        kind: "task",
        score: 0.6,
        higherIsBetter: true,
        language: "id",
        harness: "lm-evaluation-harness",
        evaluatedOn: "2025-03-01",
        visibility: "PUBLIC",
      },
    });
    const [notice] = await prisma.notification.findMany({ where: { kind: "evaluation.results" }, select: { userId: true, data: true, objectId: true } });
    expect(notice).toMatchObject({ userId: follower.id, objectId: model.id, data: { runId: run.id, count: 1 } });
  });
});
