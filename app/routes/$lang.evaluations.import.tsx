// Importing an lm-evaluation-harness results file. The file streams into
// storage (size and type checked, SHA-256 computed), then is read as results:
// each task/metric becomes a result, its provenance is kept; a file that is
// not such a result is refused with a clear message and nothing is saved.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { languageLabel } from "~/components/evaluation/score";
import { FieldErrors, FormErrors, SelectField, TextareaField } from "~/components/ui/form";
import { EVALUATION_LANGUAGES, EVALUATION_LIMITS, LM_EVAL_FILE_TYPES, RESULT_VISIBILITIES } from "~/modules/evaluation/constants";
import { importLmEvalResults } from "~/modules/evaluation/evaluation.server";
import { ImportSchema } from "~/modules/evaluation/schemas";
import { listModelOptions } from "~/modules/model/model.server";
import { deleteStoredFile, formatMiB } from "~/modules/storage/storage.server";
import { parseUploadForm } from "~/modules/storage/upload-form.server";
import { requirePermission } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

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
  try {
    const run = await importLmEvalResults({
      actor: user,
      file: { key: upload.key, filename: upload.filename, size: upload.size, sha256: upload.sha256 },
      modelId: submission.value.modelId,
      language: submission.value.language,
      visibility: submission.value.visibility,
      notes: submission.value.notes,
    });
    return redirect(`/${lang}/evaluations/runs/${run.id}?imported=${run.resultCount}`);
  } catch (e) {
    const field = e instanceof DomainError && e.messageKey.includes("odel") ? "modelId" : "file";
    return domainErrorReply(submission, e, { field, ...reply });
  }
}

export default function ImportResults() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, options, preselected, maxMiB } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof ImportSchema> & { file?: string }>({
    id: "import",
    lastResult: actionData?.result,
    defaultValue: { modelId: preselected, language: "en", visibility: "PUBLIC" },
  });
  const collator = new Intl.Collator(lang);
  const languages = [...EVALUATION_LANGUAGES].map((code) => ({ value: code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>{t("research:evaluations.importTitle")}</h1>
      <p>{t("research:import.intro")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("research:import.model")}
          hint={t("research:import.modelHint")}
          meta={fields.modelId as never}
          options={[{ value: "", label: t("research:import.detectModel") }, ...options.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <SelectField label={t("research:import.language")} hint={t("research:import.languageHint")} meta={fields.language as never} options={languages} />
        <SelectField
          label={t("research:visibility.label")}
          meta={fields.visibility as never}
          options={RESULT_VISIBILITIES.map((v) => ({ value: v, label: t(`research:visibility.${v}`) }))}
        />
        <TextareaField label={t("research:evaluations.notes")} meta={fields.notes as never} rows={3} />
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
