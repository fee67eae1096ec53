// Notices of acts on strategies, DSI assessments, datasets and evaluations:
// each function is the one call the owning service makes in its transaction.
import type { CurrentUser } from "~/utils/auth.server";
import type { Transaction } from "~/utils/db.server";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { notifyEvent } from "./events.server";

/** A strategy published (or a new version of it): its followers and those who follow its DSI dimensions. */
export async function noticeStrategyPublished(tx: Transaction, { actor, strategyId }: { actor: CurrentUser; strategyId: string }) {
  const s = await tx.strategy.findUniqueOrThrow({
    where: { id: strategyId },
    select: { dimensions: true, visibility: true, delegation: { select: { code: true } } },
  });
  await notifyEvent(tx, {
    kind: "strategy.published",
    actorId: actor.id,
    object: { type: "strategy", id: strategyId },
    data: { delegation: s.delegation.code },
    to: [{ followers: "STRATEGY", id: strategyId }, { dimensionFollowers: s.dimensions }],
    membersOnly: s.visibility === "MEMBERS",
  });
}

/** A DSI self-assessment returned for changes (to its delegation) or published (to it and to those who follow the DSI). */
export async function noticeDsiAssessment(
  tx: Transaction,
  { actor, assessmentId, delegationId, published }: { actor: CurrentUser; assessmentId: string; delegationId: string; published: boolean },
) {
  await notifyEvent(tx, {
    kind: published ? "dsi.published" : "dsi.returned",
    actorId: actor.id,
    object: { type: "dsi", id: assessmentId },
    to: [{ delegations: [delegationId], roles: ["HEAD", "ALTERNATE", "DELEGATE"] }, ...(published ? [{ dimensionFollowers: [...DSI_DIMENSIONS] }] : [])],
  });
}

/** A file added to a dataset: those who follow it. */
export async function noticeDatasetFile(tx: Transaction, { actor, datasetId, filename }: { actor: CurrentUser; datasetId: string; filename: string }) {
  await notifyEvent(tx, {
    kind: "dataset.fileAdded",
    actorId: actor.id,
    object: { type: "dataset", id: datasetId },
    data: { filename },
    to: [{ followers: "DATASET", id: datasetId }],
  });
}

/** New results for a model: those who follow it (members only when the results are). */
export async function noticeEvaluationResults(
  tx: Transaction,
  { actor, modelId, runId, count, membersOnly }: { actor: CurrentUser; modelId: string; runId: string; count: number; membersOnly: boolean },
) {
  if (count === 0) return;
  await notifyEvent(tx, {
    kind: "evaluation.results",
    actorId: actor.id,
    object: { type: "model", id: modelId },
    data: { runId, count },
    to: [{ followers: "MODEL", id: modelId }],
    membersOnly,
  });
}
