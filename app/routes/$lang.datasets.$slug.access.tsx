// Access requests for a dataset, for its steward delegation: pending ones to
// approve or deny with a note (the head or an alternate decides), and the
// decisions taken (paginated).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextareaField } from "~/components/ui/form";
import { FormattedDate, formatDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { decideAccess, listAccessRequests } from "~/modules/dataset/access.server";
import { getDataset } from "~/modules/dataset/dataset.server";
import { DecideAccessSchema } from "~/modules/dataset/schemas";
import { delegationName } from "~/modules/delegation/names";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const view = await getDataset({ slug: params.slug ?? "", lang, viewer: user }).catch(throwAsResponse);
  const page = pageParam(new URL(request.url));
  const [requests, t] = await Promise.all([listAccessRequests({ viewer: user, datasetId: view.dataset.id, page }).catch(throwAsResponse), getFixedT(lang, "research")]);
  return json({
    lang,
    slug: view.dataset.slug,
    name: view.text.name,
    access: view.dataset.access,
    mayDecide: view.may.decide,
    ...requests,
    page,
    title: `${t("access.requestsTitle")} · ${view.text.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const submission = parseForm(await request.formData(), DecideAccessSchema);
  const formId = submission.payload.requestId ? `decide-${String(submission.payload.requestId)}` : "decide";
  if (submission.status !== "success") return invalidForm(submission, { intent: formId });
  try {
    await decideAccess({ actor: user, requestId: submission.value.requestId, approve: submission.value.intent === "approve", note: submission.value.note });
    return redirect(`/${lang}/datasets/${params.slug}/access`);
  } catch (error) {
    return domainErrorReply(submission, error, { intent: formId, field: "note" });
  }
}

type ActionResult = { intent?: string; result?: SubmissionResult<string[]> } | undefined;

function DecisionForm({ requestId, actionData }: { requestId: string; actionData: ActionResult }) {
  const { t } = useTranslation("research");
  const id = `decide-${requestId}`;
  const [form, fields] = useForm<{ note: string; requestId: string; intent: string }>({ id, lastResult: actionData?.intent === id ? actionData.result : undefined });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="requestId" value={requestId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField label={t("access.note")} hint={t("access.noteHint")} meta={fields.note} rows={2} />
      <div className="button-row">
        <button type="submit" name="intent" value="approve" className="button">
          {t("access.approve")}
        </button>
        <button type="submit" name="intent" value="deny" className="button button-danger">
          {t("access.deny")}
        </button>
      </div>
    </Form>
  );
}

export default function AccessRequests() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, slug, name, access, mayDecide, pending, decided, decidedTotal, pageSize, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/datasets`}>{t("research:datasets.title")}</Link> ›{" "}
        <Link to={`/${lang}/datasets/${slug}`} dir="auto">
          {name}
        </Link>
      </p>
      <h1>{t("research:access.requestsTitle")}</h1>
      {access !== "ON_REQUEST" ? <p className="alert alert-warning">{t("research:access.notOnRequestNow")}</p> : null}
      {!mayDecide ? <p className="muted">{t("research:access.onlyHeads")}</p> : null}
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("research:access.pendingTitle", { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <p className="muted">{t("research:access.nonePending")}</p>
        ) : (
          <ul role="list" className="request-list">
            {pending.map((r) => (
              <li key={r.id} className="card">
                <p className="meta">
                  <strong>{r.requester.name}</strong> · {t(`common:roles.${r.requester.role}`)}
                  {r.requester.delegation ? ` · ${delegationName(r.requester.delegation.code, lang)}` : ""} · <FormattedDate value={r.createdAt} lang={lang} withTime />
                </p>
                <p className="plain-text" dir="auto">
                  {r.purpose}
                </p>
                {mayDecide ? <DecisionForm requestId={r.id} actionData={actionData} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">{t("research:access.decidedTitle")}</h2>
        {decided.length === 0 ? (
          <p className="muted">{t("research:access.noneDecided")}</p>
        ) : (
          <ul role="list" className="request-list">
            {decided.map((r) => (
              <li key={r.id} className="card">
                <p className="meta">
                  <span className={`status status-${r.status === "APPROVED" ? "accepted" : "rejected"}`}>{t(`research:access.status.${r.status}`)}</span> ·{" "}
                  <strong>{r.requester.name}</strong>
                  {r.requester.delegation ? ` · ${delegationName(r.requester.delegation.code, lang)}` : ""} ·{" "}
                  {t("research:access.decidedBy", { name: r.decidedBy?.name ?? "—", date: formatDate(r.decidedAt!, lang) })}
                </p>
                <p className="plain-text" dir="auto">
                  {r.purpose}
                </p>
                {r.decisionNote ? (
                  <p className="plain-text muted" dir="auto">
                    {t("research:access.note")}: {r.decisionNote}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageSize={pageSize} total={decidedTotal} />
      </section>
    </div>
  );
}

export const meta = titleMeta;
