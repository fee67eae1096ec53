// A dataset's page: its description in the reader's language (or the
// original, with a notice), its sovereignty metadata, its files with their
// SHA-256 (downloadable as the access level allows), and the access request.
import { FollowButton } from "~/components/notification/follow-button";
import { isFollowing } from "~/modules/follow/follow.server";
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccessBadge, DataLanguages, fileTypeLabel, formatBytes, Residency, TransferBadge } from "~/components/dataset/dataset-badges";
import { DemoBadge, uiLanguageName as languageName } from "~/components/evaluation/score";
import { FormErrors, TextareaField } from "~/components/ui/form";
import { formatDate, formatNumber } from "~/components/ui/formatted";
import { JsonLd } from "~/components/opendata/json-ld";
import { Pagination } from "~/components/ui/pagination";
import { siteOrigin } from "~/modules/api/links.server";
import { countPendingForDataset, requestAccess } from "~/modules/dataset/access.server";
import { datasetCroissant } from "~/modules/dataset/croissant.server";
import { getDataset } from "~/modules/dataset/dataset.server";
import { listDatasetFiles } from "~/modules/dataset/files.server";
import { AccessRequestSchema } from "~/modules/dataset/schemas";
import { delegationName } from "~/modules/delegation/names";
import { renderMarkdown } from "~/modules/text/markdown.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, pageParam, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "notifications"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const view = await getDataset({ slug: params.slug ?? "", lang, viewer: user }).catch(throwAsResponse);
  const page = pageParam(new URL(request.url));
  const [files, pending, croissant] = await Promise.all([
    listDatasetFiles({ datasetId: view.dataset.id, page }),
    view.may.decide ? countPendingForDataset(view.dataset.id) : Promise.resolve(0),
    // Embedded as JSON-LD, so that dataset search engines find the Croissant description (ADR 017).
    datasetCroissant({ slug: view.dataset.slug, lang, origin: siteOrigin(request) }),
  ]);
  const { dataset } = view;
  const following = await isFollowing(user?.id, "DATASET", dataset.id);
  return json({
    following,
    lang,
    dataset: { ...dataset, sizeBytes: dataset.sizeBytes?.toString() ?? null, recordCount: dataset.recordCount?.toString() ?? null, stewardCode: dataset.steward.code },
    text: { language: view.text.language, kind: view.text.kind, name: view.text.name, html: renderMarkdown(view.text.description) },
    languages: view.languages,
    isFallback: view.isFallback,
    may: view.may,
    granted: view.granted,
    myRequest: view.myRequest,
    files: { ...files, items: files.items.map((f) => ({ ...f, size: f.size.toString() })) },
    page,
    pending,
    signedIn: user !== null,
    croissant,
    title: `${view.text.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const view = await getDataset({ slug: params.slug ?? "", lang, viewer: user }).catch(throwAsResponse);
  const submission = parseForm(await request.formData(), AccessRequestSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "request-access" });
  try {
    await requestAccess({ actor: user, datasetId: view.dataset.id, purpose: submission.value.purpose });
    return redirect(`/${lang}/datasets/${view.dataset.slug}#access`);
  } catch (error) {
    return domainErrorReply(submission, error, { intent: "request-access" });
  }
}

export default function DatasetPage() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, dataset, text, languages, isFallback, may, myRequest, files, page, pending, signedIn, following, croissant } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "request-access", lastResult: actionData?.intent === "request-access" ? actionData.result : undefined });
  const base = `/${lang}/datasets/${dataset.slug}`;
  return (
    <div className="page">
      <JsonLd data={croissant} />
      <p className="breadcrumbs">
        <Link to={`/${lang}/datasets`}>{t("research:datasets.title")}</Link>
      </p>
      <div className="page-heading">
        <h1 lang={text.language} dir="auto">
          {text.name} {dataset.isDemo ? <DemoBadge /> : null}
        </h1>
        <div className="button-row">
          {signedIn ? <FollowButton lang={lang} targetType="DATASET" targetId={dataset.id} following={following} redirectTo={base} /> : null}
          <a href={`${base}/croissant.json`} className="button button-secondary" type="application/ld+json">
            {t("research:datasets.croissant")}
          </a>
          {may.manage ? (
            <>
              <Link to={`${base}/edit`} className="button button-secondary">
                {t("research:datasets.edit")}
              </Link>
              <Link to={`${base}/files`} className="button button-secondary">
                {t("research:files.manage")}
              </Link>
            </>
          ) : null}
          {may.decide || may.isSteward ? (
            <Link to={`${base}/access`} className="button button-secondary">
              {t("research:access.requestsLink", { count: pending })}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="meta">
        <AccessBadge access={dataset.access} /> <TransferBadge crossBorder={dataset.crossBorder} /> ·{" "}
        <Link to={`/${lang}/members/${dataset.stewardCode.toLowerCase()}`}>{t("research:datasets.stewardedBy", { delegation: delegationName(dataset.stewardCode, lang) })}</Link>
      </p>
      {isFallback ? (
        <p className="alert alert-warning" role="note">
          {t("research:datasets.fallback", { language: languageName(text.language) })}
        </p>
      ) : null}
      {languages.length > 1 ? (
        <p className="languages">
          {t("research:datasets.languageVersions")}{" "}
          {languages.map((l, i) => (
            <span key={l.language}>
              {i > 0 ? " · " : null}
              <a href={`/${l.language}/datasets/${dataset.slug}`} hrefLang={l.language} lang={l.language}>
                {languageName(l.language)}
              </a>{" "}
              <span className="muted">({t(`research:textKind.${l.kind}`)})</span>
            </span>
          ))}
        </p>
      ) : null}
      <div className="markdown" lang={text.language} dir="auto" dangerouslySetInnerHTML={{ __html: text.html }} />

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("research:datasets.sovereignty")}</h2>
        <dl className="facts">
          <dt>{t("research:datasets.steward")}</dt>
          <dd>{delegationName(dataset.stewardCode, lang)}</dd>
          <dt>{t("research:datasets.residency")}</dt>
          <dd>
            <Residency country={dataset.residencyCountry} note={dataset.residencyNote} lang={lang} />
          </dd>
          <dt>{t("research:datasets.crossBorderLabel")}</dt>
          <dd>
            {t(`research:datasets.crossBorder.${dataset.crossBorder}`)} — <span className="muted">{t(`research:datasets.crossBorderExplain.${dataset.crossBorder}`)}</span>
          </dd>
          <dt>{t("research:datasets.accessLabel")}</dt>
          <dd>
            {t(`research:datasets.access.${dataset.access}`)} — <span className="muted">{t(`research:datasets.accessExplain.${dataset.access}`)}</span>
          </dd>
          <dt>{t("research:datasets.dataLanguages")}</dt>
          <dd>
            <DataLanguages languages={dataset.languages} lang={lang} />
          </dd>
          <dt>{t("research:datasets.modalityLabel")}</dt>
          <dd>{t(`research:datasets.modality.${dataset.modality}`)}</dd>
          {dataset.sizeBytes !== null ? (
            <>
              <dt>{t("research:datasets.size")}</dt>
              <dd>{formatBytes(dataset.sizeBytes, lang)}</dd>
            </>
          ) : null}
          {dataset.recordCount !== null ? (
            <>
              <dt>{t("research:datasets.recordCount")}</dt>
              <dd>{formatNumber(Number(dataset.recordCount), lang)}</dd>
            </>
          ) : null}
          <dt>{t("research:datasets.license")}</dt>
          <dd dir="auto">{dataset.license}</dd>
          {dataset.url ? (
            <>
              <dt>{t("research:datasets.url")}</dt>
              <dd dir="ltr">
                <a href={dataset.url} rel="noopener noreferrer nofollow">
                  {dataset.url}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t("research:datasets.cataloguedLabel")}</dt>
          <dd>{t("research:datasets.catalogued", { name: dataset.createdBy.name, date: formatDate(dataset.createdAt, lang), updated: formatDate(dataset.updatedAt, lang) })}</dd>
        </dl>
      </section>

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t("research:files.title")}</h2>
        {!may.download && files.total > 0 ? (
          <p className="alert alert-warning" role="note">
            {dataset.access === "MEMBERS" ? t("research:files.membersOnly") : signedIn ? t("research:files.onRequest") : t("research:files.signIn")}
          </p>
        ) : null}
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
                </tr>
              </thead>
              <tbody>
                {files.items.map((f) => (
                  <tr key={f.id}>
                    <th scope="row" dir="auto">
                      {may.download ? (
                        <a href={`${base}/files/${f.id}`} download={f.filename}>
                          {f.filename}
                        </a>
                      ) : (
                        f.filename
                      )}
                    </th>
                    <td>{fileTypeLabel(f.contentType)}</td>
                    <td className="numeric">{formatBytes(f.size, lang)}</td>
                    <td>
                      <code className="checksum" dir="ltr" data-testid="sha256">
                        {f.sha256}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={files.pageSize} total={files.total} />
      </section>

      {dataset.access === "ON_REQUEST" ? (
        <section aria-labelledby="access-heading" id="access" className="card">
          <h2 id="access-heading">{t("research:access.title")}</h2>
          {may.isSteward ? (
            <p>{t("research:access.youAreSteward")}</p>
          ) : may.download ? (
            <p className="alert alert-success">{t("research:access.granted")}</p>
          ) : myRequest?.status === "PENDING" ? (
            <p className="alert" role="status">
              {t("research:access.pending", { date: formatDate(myRequest.createdAt, lang) })}
            </p>
          ) : (
            <>
              {myRequest?.status === "DENIED" ? (
                <div className="alert alert-warning">
                  <p>{t("research:access.denied", { date: formatDate(myRequest.decidedAt!, lang) })}</p>
                  {myRequest.decisionNote ? (
                    <p className="plain-text" dir="auto">
                      {myRequest.decisionNote}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {may.request ? (
                <Form method="post" {...getFormProps(form)} className="stack">
                  <input type="hidden" name="intent" value="requestAccess" />
                  <FormErrors id={form.errorId} errors={form.errors} />
                  <TextareaField label={t("research:access.purpose")} hint={t("research:access.purposeHint")} meta={fields.purpose} rows={4} />
                  <button type="submit" className="button">
                    {t("research:access.submit")}
                  </button>
                </Form>
              ) : !signedIn ? (
                <p>
                  <Link to={`/${lang}/login?redirectTo=${encodeURIComponent(base)}`}>{t("research:access.signInToRequest")}</Link>
                </p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
