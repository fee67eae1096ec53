// A strategy: its text in the chosen language (the UI's by default), its
// metadata, what it says per DSI dimension, its files, and the head's
// controls (publish, who may read it, supersede).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/components/document/language-list";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { FollowButton } from "~/components/notification/follow-button";
import { isFollowing } from "~/modules/follow/follow.server";
import { FormErrors, SelectField } from "~/components/ui/form";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { listAttachments } from "~/modules/strategy/attachment.server";
import { ATTACHMENT_TYPE_LABELS, STRATEGY_VISIBILITIES } from "~/modules/strategy/constants";
import { PublishSchema, SupersedeSchema, VisibilitySchema } from "~/modules/strategy/schemas";
import { getStrategyBySlug, publishStrategy, setVisibility, successorOptions, supersedeStrategy } from "~/modules/strategy/strategy.server";
import { loadStrategyPage, pageParams } from "~/modules/strategy/view.server";
import { renderMarkdown } from "~/modules/text/markdown.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { directionOf, isLanguage } from "~/utils/i18n";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["strategies", "documents", "notifications", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const { version, textLanguage } = pageParams(new URL(request.url));
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user, version, textLanguage }).catch(throwAsResponse);
  const { strategy, current } = page;
  const [attachments, successors, following] = await Promise.all([
    listAttachments(strategy.id),
    page.may.publish && strategy.status === "IN_FORCE" ? successorOptions({ strategyId: strategy.id, delegationId: strategy.delegationId, lang }) : Promise.resolve([]),
    isFollowing(user?.id, "STRATEGY", strategy.id),
  ]);
  return json({
    lang,
    ...page,
    sections: current.text.sections.map((s) => ({ key: s.key, heading: s.heading, html: renderMarkdown(s.body) })),
    attachments,
    successors,
    following,
    signedIn: user !== null,
    title: `${current.text.title} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const strategy = await getStrategyBySlug({ user, slug: params.slug ?? "" }).catch(throwAsResponse);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = redirect(`/${lang}/strategies/${strategy.slug}`);
  if (intent === "publish") {
    const submission = parseForm(formData, PublishSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "publish" as const });
    try {
      await publishStrategy({ actor: user, strategyId: strategy.id, version: submission.value.version, visibility: submission.value.visibility });
    } catch (error) {
      return domainErrorReply(submission, error, { intent: "publish" as const });
    }
    return redirect(`/${lang}/strategies/${strategy.slug}?published=1`);
  }
  if (intent === "visibility") {
    const submission = parseForm(formData, VisibilitySchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "visibility" as const });
    try {
      await setVisibility({ actor: user, strategyId: strategy.id, visibility: submission.value.visibility });
    } catch (error) {
      return domainErrorReply(submission, error, { intent: "visibility" as const });
    }
    return back;
  }
  if (intent === "supersede") {
    const submission = parseForm(formData, SupersedeSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "supersede" as const });
    try {
      await supersedeStrategy({ actor: user, strategyId: strategy.id, successorId: submission.value.successorId });
    } catch (error) {
      return domainErrorReply(submission, error, { field: "successorId", intent: "supersede" as const });
    }
    return back;
  }
  throw new Response("Bad request", { status: 400 });
}

export default function StrategyPage() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategy, current, may, sections, attachments, successors, following, signedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [publishForm, publishFields] = useForm({ id: "publish", lastResult: actionData?.intent === "publish" ? actionData.result : undefined });
  const [visibilityForm] = useForm({ id: "visibility", lastResult: actionData?.intent === "visibility" ? actionData.result : undefined });
  const [supersedeForm, supersedeFields] = useForm({ id: "supersede", lastResult: actionData?.intent === "supersede" ? actionData.result : undefined });
  const { version, text } = current;
  const shownIsPublished = strategy.publishedVersion === version.number;
  const mayPublishThis = may.publish && version.number === strategy.currentVersion && !shownIsPublished;
  const textDir = isLanguage(text.language) ? directionOf(text.language) : "auto";
  return (
    <div className="page strategy-page">
      <StrategyHeader lang={lang} strategy={strategy} text={text} languages={current.languages} isFallback={current.isFallback} versionShown={version.number} may={may} />
      {signedIn && strategy.publishedVersion !== null ? (
        <FollowButton lang={lang} targetType="STRATEGY" targetId={strategy.id} following={following} redirectTo={`/${lang}/strategies/${strategy.slug}`} />
      ) : null}
      {version.number !== strategy.readableVersion ? (
        <p className="alert" role="note">
          {t("strategies:page.olderVersion", { number: version.number })} <Link to={`/${lang}/strategies/${strategy.slug}`}>{t("strategies:page.toNewest")}</Link>
        </p>
      ) : null}
      <div className="strategy-layout">
        <article className="strategy-text" lang={text.language} dir={textDir}>
          <p className="summary lead">{text.summary}</p>
          <section aria-labelledby="dimensions-heading" className="dimension-notes">
            <h2 id="dimensions-heading" lang={lang} dir={directionOf(lang)}>
              {t("strategies:page.dimensions")}
            </h2>
            <dl className="dimension-grid">
              {version.dimensions.map((d) => (
                <div key={d} className="card">
                  <dt lang={lang} dir={directionOf(lang)}>
                    <Link to={`/${lang}/strategies?dimension=${d}`}>{t(`common:dsi.${d}`)}</Link>
                  </dt>
                  <dd lang={text.language} dir="auto">
                    {text.dimensionNotes[d] ?? ""}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          {sections.map((s, i) => (
            <section key={s.key} id={s.key} aria-labelledby={`h-${s.key}`} className="strategy-section">
              <h2 id={`h-${s.key}`} dir="auto">
                <span className="section-number">{formatNumber(i + 1, text.language)}.</span> {s.heading}
              </h2>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: s.html }} />
            </section>
          ))}
        </article>
        <aside className="strategy-aside" aria-label={t("strategies:page.about")}>
          <section className="card">
            <h2>{t("strategies:page.about")}</h2>
            <dl className="facts facts-stacked">
              <dt>{t("strategies:page.issuingAuthority")}</dt>
              <dd lang={text.language} dir="auto">
                {text.issuingAuthority}
              </dd>
              <dt>{t("strategies:page.adoptedOn")}</dt>
              <dd>{version.adoptedOn ? <FormattedDate value={version.adoptedOn} lang={lang} /> : t("strategies:page.notAdopted")}</dd>
              <dt>{t("strategies:page.version")}</dt>
              <dd>
                {t("strategies:page.versionOf", { number: version.number })} · <FormattedDate value={version.createdAt} lang={lang} />
                {shownIsPublished ? <> · {t("strategies:page.publishedVersion")}</> : null}
              </dd>
              <dt>{t("strategies:page.originalLanguage")}</dt>
              <dd>{languageName(strategy.originalLanguage)}</dd>
              <dt>{t("strategies:page.sectors")}</dt>
              <dd>
                {version.sectors.length ? (
                  <ul role="list" className="tags">
                    {version.sectors.map((s) => (
                      <li key={s}>
                        <Link to={`/${lang}/strategies?sector=${s}`}>{t(`strategies:sector.${s}`)}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("strategies:page.noSectors")
                )}
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="files-heading">
            <h2 id="files-heading">{t("strategies:attachments.heading")}</h2>
            {attachments.length === 0 ? (
              <p className="muted">{t("strategies:attachments.none")}</p>
            ) : (
              <ul role="list" className="attachment-list">
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/${lang}/strategies/${strategy.slug}/attachments/${a.id}`} download dir="auto">
                      {a.filename}
                    </a>{" "}
                    <span className="muted">
                      ({ATTACHMENT_TYPE_LABELS[a.contentType as keyof typeof ATTACHMENT_TYPE_LABELS] ?? a.contentType},{" "}
                      {t("strategies:attachments.size", { size: formatNumber(Math.max(1, Math.round(a.size / 1024)), lang) })}
                      {a.language ? `, ${languageName(a.language)}` : ""})
                    </span>
                    <br />
                    <span className="checksum">
                      SHA-256 <code dir="ltr">{a.sha256}</code>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {may.publish ? (
            <section className="card" aria-labelledby="head-heading">
              <h2 id="head-heading">{t("strategies:head.heading")}</h2>
              {mayPublishThis ? (
                <Form method="post" {...getFormProps(publishForm)} className="stack">
                  <FormErrors id={publishForm.errorId} errors={publishForm.errors} />
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="version" value={version.number} />
                  <SelectField
                    label={t("strategies:head.visibility")}
                    meta={publishFields.visibility}
                    options={STRATEGY_VISIBILITIES.map((v) => ({ value: v, label: t(`strategies:visibility.${v}`) }))}
                  />
                  <button type="submit" className="button">
                    {t("strategies:head.publish", { number: version.number })}
                  </button>
                </Form>
              ) : (
                <FormErrors id={publishForm.errorId} errors={publishForm.errors} />
              )}
              {strategy.publishedVersion !== null ? (
                <Form method="post" {...getFormProps(visibilityForm)} className="stack">
                  <FormErrors id={visibilityForm.errorId} errors={visibilityForm.errors} />
                  <input type="hidden" name="intent" value="visibility" />
                  <input type="hidden" name="visibility" value={strategy.visibility === "PUBLIC" ? "MEMBERS" : "PUBLIC"} />
                  <button type="submit" className="button button-secondary">
                    {strategy.visibility === "PUBLIC" ? t("strategies:head.makeMembersOnly") : t("strategies:head.makePublic")}
                  </button>
                </Form>
              ) : null}
              {strategy.status === "IN_FORCE" ? (
                <details>
                  <summary>{t("strategies:head.supersede")}</summary>
                  <Form method="post" {...getFormProps(supersedeForm)} className="stack">
                    <FormErrors id={supersedeForm.errorId} errors={supersedeForm.errors} />
                    <input type="hidden" name="intent" value="supersede" />
                    <SelectField
                      label={t("strategies:head.successor")}
                      meta={supersedeFields.successorId}
                      options={[{ value: "", label: t("strategies:head.noSuccessor") }, ...successors.map((s) => ({ value: s.id, label: s.title }))]}
                    />
                    <p className="field-hint">{t("strategies:head.supersedeHint")}</p>
                    <button type="submit" className="button button-danger">
                      {t("strategies:head.supersedeSubmit")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
      <OpenDataLinks links={[{ href: `/api/v1/strategies/${strategy.slug}`, label: "formats.json", type: "application/json" }]} />
    </div>
  );
}

export const meta = metaWithFeeds("strategies");
