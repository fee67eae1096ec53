// Importing an lm-evaluation-harness results file already streamed into
// storage (size, type and SHA-256 checked there). Callable from any entry
// point (the import page, an API): it answers with a typed outcome —
// imported, a duplicate of an earlier import (with that run's id), or no model
// to attach it to (with the likely ones) — and throws a DomainError only when
// the file is not results or the actor may not import. Whatever the outcome
// other than "imported", the stored file is deleted and nothing is saved.
import { Prisma } from "~/generated/prisma/client";
import type { ResultVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, FieldError } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { matchModelForFile, type ModelCandidate, type RegisteredModel } from "~/modules/model/matching.server";
import { deleteStoredFile, openStoredFile } from "~/modules/storage/storage.server";
import { EVALUATION_LANGUAGES, EVALUATION_LIMITS, HARNESS_LM_EVAL } from "./constants";
import { writeRun, type ResultToStore, type StoredResultsFile } from "./evaluation.server";
import { parseLmEvalResults, type LmEvalFile } from "./lm-eval";
import { nameHint, type ModelReferenceKind } from "./lm-eval-model";
import { taskLanguage } from "./task-language";

export type ImportOutcome =
  | { kind: "imported"; runId: string; modelSlug: string; resultCount: number; limitedCount: number; groupCount: number }
  /** The same file (by SHA-256) was already imported for this model. */
  | { kind: "duplicate"; runId: string; modelSlug: string }
  /** No model was chosen and none is registered under what the file names. */
  | { kind: "modelNotMatched"; named: string | null; namedKind: ModelReferenceKind | null; candidates: ModelCandidate[] }
  /** The chosen model is not the one the file names, which is registered as another entry. */
  | { kind: "modelConflict"; named: string; registered: RegisteredModel };

export async function readStoredText(key: string, maxBytes: number): Promise<string> {
  const { stream, size } = await openStoredFile(key);
  if (size > maxBytes) {
    stream.destroy();
    throw new DomainError(413, "errors.fileTooLarge");
  }
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

const KNOWN_LANGUAGES = new Set<string>(EVALUATION_LANGUAGES);

/** The run this model already has from a file with this checksum, if any. */
async function earlierImport(modelId: string, sha256: string) {
  return prisma.evaluationRun.findUnique({ where: { modelId_fileSha256: { modelId, fileSha256: sha256 } }, select: { id: true, model: { select: { slug: true } } } });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** What a run keeps of a file's provenance: what the file states, nothing else. */
export function provenanceOf(parsed: LmEvalFile) {
  return {
    harnessVersion: parsed.harnessVersion,
    fileFormat: parsed.format,
    gitHash: parsed.gitHash,
    modelBackend: parsed.modelBackend,
    modelArgs: parsed.modelArgs,
    modelSha: parsed.model.sha,
    modelName: parsed.modelName,
    modelRevision: parsed.model.revision,
    hasConfig: parsed.hasConfig,
    sampleLimit: parsed.sampleLimit,
    durationSeconds: parsed.durationSeconds,
    taskHashes: parsed.taskHashes,
    groupSubtasks: parsed.groups,
    evaluatedAt: parsed.evaluatedAt,
  };
}

/** The results of a parsed file; `languageOf` gives the language of a task whose name does not say it. */
export function resultsOf(parsed: LmEvalFile, languageOf: (task: string) => string): ResultToStore[] {
  return parsed.scores.map((s) => {
    const fromTask = taskLanguage(s.task);
    return {
      task: s.task,
      metric: s.metric,
      filter: s.filter,
      isGroup: s.isGroup,
      higherIsBetter: s.higherIsBetter,
      version: s.version,
      nShot: s.nShot,
      score: s.score,
      stderr: s.stderr,
      samples: s.samples,
      limited: s.limited,
      language: fromTask && KNOWN_LANGUAGES.has(fromTask) ? fromTask : languageOf(s.task),
    };
  });
}

export async function importLmEvalResults({
  actor,
  file,
  modelId,
  language,
  visibility,
  notes = "",
  isDemo = false,
  via,
}: {
  actor: CurrentUser;
  file: StoredResultsFile;
  /** The model chosen by the person importing; without it, the model the file names. */
  modelId?: string;
  /** For tasks whose name does not say their language. */
  language: string;
  visibility: ResultVisibility;
  notes?: string;
  isDemo?: boolean;
  /** How the file came when not through the import page (the API and its token), for the audit event. */
  via?: { channel: "api"; tokenId: string };
}): Promise<ImportOutcome> {
  let kept = false;
  try {
    if (!can(actor, "submitResearch")) throw forbidden();
    const chosen = modelId ? await prisma.aiModel.findUnique({ where: { id: modelId }, select: { id: true, slug: true, name: true } }) : null;
    if (modelId && !chosen) throw new FieldError(400, { modelId: "research:errors.unknownModel" });
    if (chosen) {
      const earlier = await earlierImport(chosen.id, file.sha256);
      if (earlier) return { kind: "duplicate", runId: earlier.id, modelSlug: earlier.model.slug };
    }

    const parsed = parseLmEvalResults(await readStoredText(file.key, EVALUATION_LIMITS.fileBytes));
    const match = await matchModelForFile({
      repository: parsed.model.repository,
      baseRepository: parsed.model.baseRepository,
      sha: parsed.model.sha,
      nameHint: nameHint(parsed.model),
    });
    let model: RegisteredModel;
    if (chosen) {
      if (match.kind === "matched" && match.model.id !== chosen.id) return { kind: "modelConflict", named: parsed.model.repository!, registered: match.model };
      model = chosen;
    } else if (match.kind === "matched") {
      model = match.model;
      const earlier = await earlierImport(model.id, file.sha256);
      if (earlier) return { kind: "duplicate", runId: earlier.id, modelSlug: earlier.model.slug };
    } else {
      return { kind: "modelNotMatched", named: parsed.model.named, namedKind: parsed.model.namedKind, candidates: match.candidates };
    }

    const results = resultsOf(parsed, () => language);
    let run: { id: string };
    try {
      run = await prisma.$transaction(
        async (tx) => {
          const created = await writeRun(
            tx,
            actor,
            {
              modelId: model.id,
              source: "LM_EVAL_IMPORT",
              harness: HARNESS_LM_EVAL,
              ...provenanceOf(parsed),
              notes,
              visibility,
              isDemo,
              file,
            },
            results,
          );
          await recordAuditEvent(tx, {
            actorId: actor.id,
            delegationId: actor.delegation?.id,
            act: "evaluation.imported",
            objectType: "evaluationRun",
            objectId: created.id,
            data: { model: model.slug, results: results.length, sha256: file.sha256, visibility, ...(via ? { via: via.channel, tokenId: via.tokenId } : {}) },
          });
          return created;
        },
        { timeout: 30_000 },
      );
    } catch (error) {
      // The same file imported at the same moment for the same model: one run, the other import is a duplicate of it.
      if (isUniqueViolation(error)) {
        const earlier = await earlierImport(model.id, file.sha256);
        if (earlier) return { kind: "duplicate", runId: earlier.id, modelSlug: earlier.model.slug };
      }
      throw error;
    }
    kept = true;
    return {
      kind: "imported",
      runId: run.id,
      modelSlug: model.slug,
      resultCount: results.length,
      limitedCount: results.filter((r) => r.limited).length,
      groupCount: new Set(results.filter((r) => r.isGroup).map((r) => r.task)).size,
    };
  } finally {
    if (!kept) await deleteStoredFile(file.key).catch(() => undefined);
  }
}
