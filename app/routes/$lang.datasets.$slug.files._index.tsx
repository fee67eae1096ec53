// Managing a dataset's files (the steward delegation's people who submit
// research): uploading — streamed into storage, size-limited, type-checked
// from the content, checksummed — within the delegation's quota, and removing.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { fileTypeLabel, formatBytes } from "~/components/dataset/dataset-badges";
import { FieldErrors, FormErrors } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { DATASET_FILE_TYPES } from "~/modules/dataset/constants";
import { getDataset } from "~/modules/dataset/dataset.server";
import { addDatasetFile, datasetUploadBudget, delegationStorageUsed, listDatasetFiles, removeDatasetFile } from "~/modules/dataset/files.server";
import { RemoveFileSchema } from "~/modules/dataset/schemas";
import { FILE_TYPE_LABELS } from "~/modules/storage/constants";
import { parseUploadForm } from "~/modules/storage/upload-form.server";
import { requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { DomainError, forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

const UploadSchema = z.object({ intent: z.literal("upload") });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const view = await getDataset({ slug: params.slug ?? "", lang, viewer: user }).catch(throwAsResponse);
  if (!view.may.manage) throwAsResponse(forbidden());
  const page = pageParam(new URL(request.url));
  const [files, used, budget, t] = await Promise.all([
    listDatasetFiles({ datasetId: view.dataset.id, page }),
    delegationStorageUsed(view.dataset.stewardDelegationId),
    datasetUploadBudget({ actor: user, slug: view.dataset.slug }),
    getFixedT(lang, "research"),
  ]);
  const env = getEnv();
  return json({
    lang,
    slug: view.dataset.slug,
    name: view.text.name,
    files: { ...files, items: files.items.map((f) => ({ ...f, size: f.size.toString() })) },
    page,
    used,
    quota: env.STORAGE_QUOTA_BYTES,
    maxBytes: budget.maxBytes,
    perFile: env.UPLOAD_MAX_BYTES,
    accepted: [...new Set(DATASET_FILE_TYPES.map((type) => FILE_TYPE_LABELS[type] ?? type))],
    title: `${t("files.manage")} · ${view.text.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const slug = params.slug ?? "";
  const here = `/${lang}/datasets/${slug}/files`;
  // Who may upload, and how much, is settled before a single byte is stored.
  const budget = await datasetUploadBudget({ actor: user, slug }).catch(throwAsResponse);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const { formData, upload, error } = await parseUploadForm(request, {
      fileField: "file",
      maxBytes: budget.maxBytes,
      limitedByQuota: budget.limitedByQuota,
      allowedTypes: DATASET_FILE_TYPES,
    });
    const submission = parseForm(formData, UploadSchema);
    const options = { field: "file", intent: "upload", hideFields: ["file"] };
    if (error) return domainErrorReply(submission, error, options);
    if (!upload) return domainErrorReply(submission, new DomainError(400, "research:errors.fileRequired"), options);
    try {
      await addDatasetFile({ actor: user, datasetId: budget.datasetId, upload });
      return redirect(`${here}?added=${encodeURIComponent(upload.filename)}`);
    } catch (e) {
      return domainErrorReply(submission, e, options);
    }
  }
  const submission = parseForm(await request.formData(), RemoveFileSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "remove" });
  try {
    await removeDatasetFile({ actor: user, fileId: submission.value.fileId });
    return redirect(here);
  } catch (e) {
    return domainErrorReply(submission, e, { intent: "remove" });
  }
}

type ActionResult = { intent?: string; result?: SubmissionResult<string[]> } | undefined;

export default function DatasetFiles() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, slug, name, files, page, used, quota, maxBytes, perFile, accepted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult;
  const [search] = useSearchParams();
  const added = search.get("added");
  const [form, fields] = useForm<{ intent: string; file: string }>({ id: "upload", lastResult: actionData?.intent === "upload" ? actionData.result : undefined });
  const removeErrors = actionData?.intent === "remove" ? actionData.result?.error?.[""] : undefined;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/datasets`}>{t("research:datasets.title")}</Link> ›{" "}
        <Link to={`/${lang}/datasets/${slug}`} dir="auto">
          {name}
        </Link>
      </p>
      <h1>{t("research:files.manage")}</h1>
      {added ? (
        <p className="alert alert-success" role="status">
          {t("research:files.added", { name: added })}
        </p>
      ) : null}
      <p className="muted">
        {t("research:files.quota", { used: formatBytes(used, lang), quota: formatBytes(quota, lang) })}
        <meter min={0} max={quota} value={used} className="quota-meter" aria-label={t("research:files.quotaLabel")} />
      </p>
      <section aria-labelledby="upload-heading" className="card">
        <h2 id="upload-heading">{t("research:files.upload")}</h2>
        {maxBytes <= 0 ? (
          <p className="alert alert-warning">{t("research:files.quotaFull")}</p>
        ) : (
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="upload" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="field">
              <label htmlFor="upload-file">{t("research:files.chooseFile")}</label>
              <p className="field-hint" id="upload-file-hint">
                {t("research:files.uploadHint", { size: formatBytes(Math.min(maxBytes, perFile), lang), types: accepted.join(", ") })}
              </p>
              <input
                id="upload-file"
                name="file"
                type="file"
                required
                aria-describedby={fields.file.errors ? `upload-file-hint ${fields.file.errorId}` : "upload-file-hint"}
                aria-invalid={fields.file.errors ? true : undefined}
              />
              <FieldErrors id={fields.file.errorId} errors={fields.file.errors} />
            </div>
            <button type="submit" className="button">
              {t("research:files.uploadSubmit")}
            </button>
          </Form>
        )}
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("research:files.title")}</h2>
        <FormErrors errors={removeErrors ?? undefined} />
        {files.items.length === 0 ? (
          <p className="muted">{t("research:files.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table files-table">
              <caption className="visually-hidden">{t("research:files.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("research:files.name")}</th>
                  <th scope="col">{t("research:files.type")}</th>
                  <th scope="col">{t("research:files.size")}</th>
                  <th scope="col">{t("research:files.sha256")}</th>
                  <th scope="col">{t("research:files.uploaded")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("research:files.remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {files.items.map((f) => (
                  <tr key={f.id}>
                    <th scope="row" dir="auto">
                      <a href={`/${lang}/datasets/${slug}/files/${f.id}`} download={f.filename}>
                        {f.filename}
                      </a>
                    </th>
                    <td>{fileTypeLabel(f.contentType)}</td>
                    <td className="numeric">{formatBytes(f.size, lang)}</td>
                    <td>
                      <code className="checksum" dir="ltr">
                        {f.sha256}
                      </code>
                    </td>
                    <td>
                      {f.uploadedBy.name}, <FormattedDate value={f.createdAt} lang={lang} />
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="removeFile" />
                        <input type="hidden" name="fileId" value={f.id} />
                        <button type="submit" className="button-link danger" aria-label={t("research:files.removeNamed", { name: f.filename })}>
                          {t("research:files.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={files.pageSize} total={files.total} />
      </section>
    </div>
  );
}

export const meta = titleMeta;
