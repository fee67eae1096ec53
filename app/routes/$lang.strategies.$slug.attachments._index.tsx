// A strategy's files, for its delegation's drafters: upload (streamed into
// storage, size- and type-checked from the content, checksummed) and remove.
// Readers download the files from the strategy's page.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/components/document/language-list";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { FieldErrors, FormErrors, SelectField } from "~/components/ui/form";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { formatMiB } from "~/modules/storage/storage.server";
import { parseUploadForm } from "~/modules/storage/upload-form.server";
import { addAttachment, attachmentBudget, discardUpload, listAttachments, removeAttachment } from "~/modules/strategy/attachment.server";
import { ATTACHMENT_TYPE_LABELS, ATTACHMENT_TYPES, ATTACHMENTS_PER_STRATEGY, UUID_PATTERN } from "~/modules/strategy/constants";
import { AttachmentFieldsSchema } from "~/modules/strategy/schemas";
import { loadStrategyPage } from "~/modules/strategy/view.server";
import { requireUser } from "~/utils/auth.server";
import { DomainError, forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  if (!page.may.edit) throwAsResponse(forbidden());
  const attachments = await listAttachments(page.strategy.id);
  const budget = attachments.length < ATTACHMENTS_PER_STRATEGY ? await attachmentBudget({ actor: user, strategyId: page.strategy.id }) : null;
  return json({
    lang,
    ...page,
    attachments,
    maxSize: budget ? formatMiB(budget.maxBytes) : null,
    title: `${page.current.text.title} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  const strategyId = page.strategy.id;
  const back = redirect(`/${lang}/strategies/${page.strategy.slug}/attachments`);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    // Removing a file: a small urlencoded form.
    const formData = await request.formData();
    const attachmentId = String(formData.get("attachmentId") ?? "");
    if (formData.get("intent") !== "remove" || !UUID_PATTERN.test(attachmentId)) throw new Response("Bad request", { status: 400 });
    await removeAttachment({ actor: user, strategyId, attachmentId }).catch(throwAsResponse);
    return back;
  }
  // Asked before a byte is read: may this user add a file here, and how large?
  let budget: Awaited<ReturnType<typeof attachmentBudget>>;
  try {
    budget = await attachmentBudget({ actor: user, strategyId });
  } catch (error) {
    return domainErrorReply(parseForm(new FormData(), AttachmentFieldsSchema), error, { field: "file", intent: "upload" as const });
  }
  const received = await parseUploadForm(request, { fileField: "file", maxBytes: budget.maxBytes, allowedTypes: ATTACHMENT_TYPES, limitedByQuota: budget.limitedByQuota });
  const submission = parseForm(received.formData, AttachmentFieldsSchema);
  if (received.error) return domainErrorReply(submission, received.error, { field: "file", hideFields: ["file"], intent: "upload" as const });
  if (submission.status !== "success") {
    if (received.upload) await discardUpload(received.upload);
    return invalidForm(submission, { hideFields: ["file"], intent: "upload" as const });
  }
  if (!received.upload) return domainErrorReply(submission, new DomainError(400, "strategies:errors.noFile"), { field: "file", hideFields: ["file"], intent: "upload" as const });
  try {
    await addAttachment({ actor: user, strategyId, file: received.upload, language: submission.value.language ?? null });
  } catch (error) {
    return domainErrorReply(submission, error, { field: "file", hideFields: ["file"], intent: "upload" as const });
  }
  return back;
}

export default function StrategyAttachments() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategy, current, may, attachments, maxSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "upload", lastResult: actionData?.intent === "upload" ? actionData.result : undefined });
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("strategies:attachments.heading")}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t("strategies:attachments.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("strategies:attachments.file")}</th>
              <th scope="col">{t("strategies:attachments.type")}</th>
              <th scope="col">{t("strategies:attachments.language")}</th>
              <th scope="col">{t("strategies:attachments.added")}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">
                <span className="visually-hidden">{t("strategies:attachments.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/${lang}/strategies/${strategy.slug}/attachments/${a.id}`} download dir="auto">
                    {a.filename}
                  </a>{" "}
                  <span className="muted">({t("strategies:attachments.size", { size: formatNumber(Math.max(1, Math.round(a.size / 1024)), lang) })})</span>
                </td>
                <td>{ATTACHMENT_TYPE_LABELS[a.contentType as keyof typeof ATTACHMENT_TYPE_LABELS] ?? a.contentType}</td>
                <td>{a.language ? languageName(a.language) : "—"}</td>
                <td>
                  <FormattedDate value={a.createdAt} lang={lang} />
                </td>
                <td>
                  <code dir="ltr" className="checksum">
                    {a.sha256}
                  </code>
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <button type="submit" className="button-link danger">
                      {t("strategies:attachments.remove", { name: a.filename })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {maxSize !== null ? (
        <section className="card" aria-labelledby="upload-heading">
          <h3 id="upload-heading">{t("strategies:attachments.add")}</h3>
          {/* The file input comes last: if the file is refused, the fields before it are kept. */}
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField
              label={t("strategies:attachments.language")}
              hint={t("strategies:attachments.languageHint")}
              meta={fields.language}
              options={[{ value: "", label: t("strategies:attachments.noLanguage") }, ...LANGUAGES.map((l) => ({ value: l.code, label: l.name }))]}
            />
            <div className="field">
              <label htmlFor="attachment-file">{t("strategies:attachments.file")}</label>
              <p className="field-hint" id="attachment-file-hint">
                {t("strategies:attachments.hint", { types: Object.values(ATTACHMENT_TYPE_LABELS).join(", "), size: maxSize })}
              </p>
              <input
                id="attachment-file"
                type="file"
                name="file"
                required
                aria-describedby={fields.file.errors ? "attachment-file-hint attachment-file-error" : "attachment-file-hint"}
                aria-invalid={fields.file.errors ? true : undefined}
              />
              <FieldErrors id="attachment-file-error" errors={fields.file.errors} />
            </div>
            <button type="submit" className="button">
              {t("strategies:attachments.upload")}
            </button>
          </Form>
        </section>
      ) : (
        <p className="muted">{t("strategies:attachments.full", { count: ATTACHMENTS_PER_STRATEGY })}</p>
      )}
    </div>
  );
}

export const meta = titleMeta;
