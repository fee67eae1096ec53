// Importing an lm-evaluation-harness results file. The file streams into
// storage (size and type checked, SHA-256 computed), then the import service
// reads it and answers with an outcome: imported (to the run's page), already
// imported for this model (a link to that run), or no model to attach it to
// (what the file names, the likely models, a link to register it). A file that
// is not results is refused beside the file field; nothing is saved.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { languageLabel } from "~/components/evaluation/score";
import { FieldErrors, FormErrors, SelectField, TextareaField } from "~/components/ui/form";
import { EVALUATION_LANGUAGES, EVALUATION_LIMITS, LM_EVAL_FILE_TYPES, RESULT_VISIBILITIES } from "~/modules/evaluation/constants";
import { importLmEvalResults, type ImportOutcome } from "~/modules/evaluation/import.server";
import { ImportSchema } from "~/modules/evaluation/schemas";
import { listModelOptions } from "~/modules/model/model.server";
import { deleteStoredFile, formatMiB } from "~/modules/storage/storage.server";
import { parseUploadForm } from "~/modules/storage/upload-form.server";
import { requirePermission } from "~/utils/auth.server";
import { DomainError, FieldError } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { collatorOf } from "~/utils/intl";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "submitResearch");
  const options = await listModelOptions();
  const wanted = new URL(request.url).searchParams.get("model");
  return json({
    lang,
    options,
    preselected: options.find((o) => o.slug === wanted)?.id ?? "",
    maxMiB: formatMiB(EVALUATION_LIMITS.fileBytes),
    title: await pageTitle(lang, "evaluations.importTitle", "research"),
  });
}

/** Where an outcome is told (beside which field), with what status and message (a translation key with its values). */
function outcomeReply(outcome: Exclude<ImportOutcome, { kind: "imported" }>): { field: "file" | "modelId"; status: 409 | 422; key: string; values: Record<string, string> } {
  switch (outcome.kind) {
    case "duplicate":
      return { field: "file", status: 409, key: "research:errors.alreadyImported", values: {} };
    case "modelConflict":
      return { field: "modelId", status: 409, key: "research:errors.modelConflict", values: { repository: outcome.named, model: outcome.registered.name } };
    case "modelNotMatched": {
      const key =
        outcome.namedKind === "repository"
          ? "research:errors.modelNotRegistered"
          : outcome.namedKind === "path"
            ? "research:errors.modelLocalPath"
            : outcome.namedKind === "name"
              ? "research:errors.modelBareName"
              : "research:errors.modelNotNamed";
      return { field: "modelId", status: 422, key, values: outcome.named ? { named: outcome.named } : {} };
    }
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  // Who may import is settled before a single byte of the file is stored.
  const user = await requirePermission(request, context, lang, "submitResearch");
  const { formData, upload, error } = await parseUploadForm(request, { fileField: "file", maxBytes: EVALUATION_LIMITS.fileBytes, allowedTypes: LM_EVAL_FILE_TYPES });
  const submission = parseForm(formData, ImportSchema);
  const reply = { hideFields: ["file"] };
  if (error) return domainErrorReply(submission, error, { field: "file", ...reply });
  if (submission.status !== "success") {
    if (upload) await deleteStoredFile(upload.key);
    return invalidForm(submission, { context: { form: "importResults" }, ...reply });
  }
  if (!upload) return domainErrorReply(submission, new DomainError(400, "research:errors.fileRequired"), { field: "file", ...reply });
  let outcome: ImportOutcome;
  try {
    outcome = await importLmEvalResults({
      actor: user,
      file: { key: upload.key, filename: upload.filename, size: upload.size, sha256: upload.sha256 },
      modelId: submission.value.modelId,
      language: submission.value.language,
      visibility: submission.value.visibility,
      notes: submission.value.notes,
    });
  } catch (e) {
    // A rule about the model comes back beside the model (a FieldError names it); anything else beside the file.
    const field = e instanceof FieldError ? undefined : "file";
    return domainErrorReply(submission, e, { field, ...reply });
  }
  if (outcome.kind === "imported") {
    const shown = new URLSearchParams({ imported: String(outcome.resultCount) });
    if (outcome.limitedCount > 0) shown.set("limited", String(outcome.limitedCount));
    return redirect(`/${lang}/evaluations/runs/${outcome.runId}?${shown}`);
  }
  const { field, status, key, values } = outcomeReply(outcome);
  const message = Object.keys(values).length ? `${key}|${JSON.stringify(values)}` : key;
  return json({ result: submission.reply({ fieldErrors: { [field]: [message] }, ...reply }), outcome }, { status });
}

export default function ImportResults() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, options, preselected, maxMiB } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const outcome = actionData && "outcome" in actionData ? actionData.outcome : null;
  const [form, fields] = useForm<z.input<typeof ImportSchema> & { file?: string }>({
    id: "import",
    lastResult: actionData?.result,
    defaultValue: { modelId: preselected, language: "en", visibility: "PUBLIC" },
  });
  const collator = collatorOf(lang);
  const languages = [...EVALUATION_LANGUAGES].map((code) => ({ value: code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  // The likely models first, saying why.
  const candidates = outcome?.kind === "modelNotMatched" ? outcome.candidates : [];
  const proposed = new Set(candidates.map((c) => c.id));
  const modelOptions = [
    { value: "", label: t("research:import.detectModel") },
    ...candidates.map((c) => ({ value: c.id, label: t("research:import.candidate", { model: c.name, reason: t(`research:import.reason.${c.reason}`) }) })),
    ...options.filter((m) => !proposed.has(m.id)).map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>{t("research:evaluations.importTitle")}</h1>
      <p>{t("research:import.intro")}</p>
      {outcome?.kind === "duplicate" ? (
        <div className="alert alert-error" role="alert" data-testid="import-duplicate">
          <p>{t("research:import.duplicate")}</p>
          <p>
            <Link to={`/${lang}/evaluations/runs/${outcome.runId}`}>{t("research:import.seeEarlier")}</Link>
          </p>
        </div>
      ) : null}
      {outcome?.kind === "modelNotMatched" ? (
        <div className="alert alert-error" role="alert" data-testid="import-no-model">
          <p>{t("research:import.chooseModel")}</p>
          {candidates.length ? (
            <>
              <p>{t("research:import.likely")}</p>
              <ul>
                {candidates.map((c) => (
                  <li key={c.id}>
                    <Link to={`/${lang}/models/${c.slug}`} dir="auto">
                      {c.name}
                    </Link>{" "}
                    {c.repository ? (
                      <code dir="ltr" className="muted">
                        {c.repository}
                      </code>
                    ) : null}{" "}
                    — {t(`research:import.reason.${c.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <Link to={`/${lang}/models/new${outcome.namedKind === "repository" && outcome.named ? `?${new URLSearchParams({ repository: outcome.named })}` : ""}`}>
              {t("research:models.register")}
            </Link>
          </p>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField label={t("research:import.model")} hint={t("research:import.modelHint")} meta={fields.modelId} options={modelOptions} />
        <SelectField label={t("research:import.language")} hint={t("research:import.languageHint")} meta={fields.language} options={languages} />
        <SelectField
          label={t("research:visibility.label")}
          meta={fields.visibility}
          options={RESULT_VISIBILITIES.map((v) => ({ value: v, label: t(`research:visibility.${v}`) }))}
        />
        <TextareaField label={t("research:evaluations.notes")} meta={fields.notes} rows={3} />
        <div className="field">
          <label htmlFor="import-file">{t("research:import.file")}</label>
          <p className="field-hint" id="import-file-hint">
            {t("research:import.fileHint", { size: maxMiB })}
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept="application/json,.json"
            required
            aria-describedby={fields.file?.errors ? `import-file-hint ${fields.file.errorId}` : "import-file-hint"}
            aria-invalid={fields.file?.errors ? true : undefined}
          />
          <FieldErrors id={fields.file?.errorId ?? "import-file-error"} errors={fields.file?.errors} />
        </div>
        <button type="submit" className="button">
          {t("research:import.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
