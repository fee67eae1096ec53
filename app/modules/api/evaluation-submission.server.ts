// POST /api/v1/evaluations: an evaluation pipeline sends the results file
// lm-evaluation-harness wrote, as the import page does (multipart, field
// `file`), and the same importer reads it under the same rules. The answer
// follows the importer's outcome: a new run (201), the run an earlier import
// of the same file made for the same model (200, nothing stored: the file's
// SHA-256 makes a repeat harmless), or why no model could be told (422, with
// the likely ones) or the file names another model (409).
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { text } from "~/utils/validation";
import { EVALUATION_LANGUAGES, EVALUATION_LIMITS, LM_EVAL_FILE_TYPES, RESULT_VISIBILITIES } from "~/modules/evaluation/constants";
import { importLmEvalResults } from "~/modules/evaluation/import.server";
import { deleteStoredFile } from "~/modules/storage/storage.server";
import { parseUploadForm } from "~/modules/storage/upload-form.server";
import { z } from "zod";
import { ApiError } from "./errors";
import type { Links } from "./links.server";
import { PAGE_LANGUAGE } from "./reads/shapes";

const Fields = z.object({
  model: z.string().trim().min(1).max(200).optional(),
  language: z.enum(EVALUATION_LANGUAGES),
  visibility: z.enum(RESULT_VISIBILITIES),
  notes: text({ max: EVALUATION_LIMITS.notes, multiline: true }).optional(),
});

const NOT_MATCHED_KEYS = {
  repository: "research:errors.modelNotRegistered",
  path: "research:errors.modelLocalPath",
  name: "research:errors.modelBareName",
} as const;

export async function submitEvaluationFile({ request, user, tokenId, links }: { request: Request; user: CurrentUser; tokenId: string; links: Links }) {
  // Who may submit is settled before a byte of the file is stored.
  if (!can(user, "submitResearch")) throw new ApiError(403, "forbidden");
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new ApiError(415, "unsupported_media_type", undefined, {}, [{ field: "(body)", message: "multipart/form-data with the results file in `file`" }]);
  }
  const { formData, upload, error } = await parseUploadForm(request, { fileField: "file", maxBytes: EVALUATION_LIMITS.fileBytes, allowedTypes: LM_EVAL_FILE_TYPES });
  if (error) throw error;
  const parsed = Fields.safeParse({
    model: formData.get("model") || undefined,
    language: formData.get("language") ?? undefined,
    visibility: formData.get("visibility") ?? undefined,
    notes: formData.get("notes") || undefined,
  });
  if (!parsed.success || !upload) {
    if (upload) await deleteStoredFile(upload.key).catch(() => undefined);
    const details = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    if (!upload) details.push({ field: "file", message: "the results file is required" });
    throw new ApiError(400, "invalid_parameter", undefined, {}, details);
  }
  const { model, language, visibility, notes } = parsed.data;
  let modelId: string | undefined;
  if (model) {
    const found = await prisma.aiModel.findUnique({ where: { slug: model }, select: { id: true } });
    if (!found) {
      await deleteStoredFile(upload.key).catch(() => undefined);
      throw new ApiError(422, "unprocessable", "research:errors.unknownModel", {}, [{ field: "model", message: "no registered model has this slug" }]);
    }
    modelId = found.id;
  }

  const outcome = await importLmEvalResults({
    actor: user,
    file: { key: upload.key, filename: upload.filename, size: upload.size, sha256: upload.sha256 },
    modelId,
    language,
    visibility,
    notes,
    via: { channel: "api", tokenId },
  });
  const run = (id: string) => ({ id, apiUrl: links.api(`/evaluations/${id}`), pageUrl: links.page(PAGE_LANGUAGE, `/evaluations/runs/${id}`) });
  const modelRef = async (slug: string) => {
    const m = await prisma.aiModel.findUniqueOrThrow({ where: { slug }, select: { slug: true, name: true } });
    return { ...m, apiUrl: links.api(`/models/${m.slug}`) };
  };
  switch (outcome.kind) {
    case "imported":
      return {
        status: 201 as const,
        body: {
          outcome: "imported" as const,
          run: run(outcome.runId),
          model: await modelRef(outcome.modelSlug),
          resultCount: outcome.resultCount,
          limitedCount: outcome.limitedCount,
          groupCount: outcome.groupCount,
        },
      };
    case "duplicate":
      return {
        status: 200 as const,
        body: { outcome: "duplicate" as const, run: run(outcome.runId), model: await modelRef(outcome.modelSlug), resultCount: null, limitedCount: null, groupCount: null },
      };
    case "modelConflict":
      throw new ApiError(409, "conflict", "research:errors.modelConflict", { repository: outcome.named, model: outcome.registered.name }, [
        { field: "model", message: `the file evaluated ${outcome.named}, registered as ${outcome.registered.slug}` },
      ]);
    case "modelNotMatched":
      throw new ApiError(
        422,
        "unprocessable",
        outcome.namedKind ? NOT_MATCHED_KEYS[outcome.namedKind] : "research:errors.modelNotNamed",
        outcome.named ? { named: outcome.named } : {},
        [{ field: "model", message: "name the registered model this file evaluated" }],
        {},
        outcome.candidates.map((c) => ({ slug: c.slug, name: c.name, reason: c.reason })),
      );
  }
}
