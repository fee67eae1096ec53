// A model's card: what it is, where it comes from, its lineage, its best
// visible full-sample result on each leaderboard (benchmark, n-shot, version)
// with its rank there (paginated), and its latest submissions (limited runs
// marked).
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { FollowButton } from "~/components/notification/follow-button";
import { isFollowing } from "~/modules/follow/follow.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DemoBadge, formatParameters, GroupBadge, languageLabel, metricLabel, RankRange, Score, settingLabel } from "~/components/evaluation/score";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { latestRuns, modelResults } from "~/modules/evaluation/comparison.server";
import { ResultFilterSchema } from "~/modules/evaluation/schemas";
import { getModelBySlug } from "~/modules/model/model.server";
import { mayEditModel } from "~/modules/model/permissions";
import { renderMarkdown } from "~/modules/text/markdown.server";
import { getUser } from "~/utils/auth.server";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "notifications", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const model = await getModelBySlug(params.id ?? "").catch(throwAsResponse);
  const url = new URL(request.url);
  const { q } = ResultFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [results, runs, following] = await Promise.all([
    modelResults({ viewer: user, modelId: model.id, page, q }),
    latestRuns({ viewer: user, modelId: model.id }),
    isFollowing(user?.id, "MODEL", model.id),
  ]);
  return json({
    lang,
    follow: { modelId: model.id, following, signedIn: user !== null },
    model: {
      slug: model.slug,
      name: model.name,
      family: model.family,
      parameterCount: model.parameterCount?.toString() ?? null,
      license: model.license,
      openWeights: model.openWeights,
      developer: model.developer,
      originCountry: model.originCountry,
      repository: model.repository,
      url: model.url,
      descriptionHtml: model.description ? renderMarkdown(model.description) : "",
      baseModel: model.baseModel,
      derived: model.derived,
      registeredBy: model.registeredBy.name,
      delegationCode: model.delegation?.code ?? null,
      createdAt: model.createdAt,
    },
    results,
    runs,
    q: q ?? "",
    page,
    may: { edit: mayEditModel(user, model), submit: can(user, "submitResearch") },
    title: `${model.name} · Concord`,
  });
}

export default function ModelCard() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, model, results, runs, q, page, may, follow } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/models`}>{t("research:models.title")}</Link>
      </p>
      <div className="page-heading">
        <h1 dir="auto">{model.name}</h1>
        <div className="button-row">
          {follow.signedIn ? (
            <FollowButton lang={lang} targetType="MODEL" targetId={follow.modelId} following={follow.following} redirectTo={`/${lang}/models/${model.slug}`} />
          ) : null}
          <Link to={`/${lang}/evaluations/compare?models=${model.slug}`} className="button button-secondary">
            {t("research:models.compare")}
          </Link>
          {may.edit ? (
            <Link to={`/${lang}/models/${model.slug}/edit`} className="button button-secondary">
              {t("research:models.edit")}
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="facts">
        <dt>{t("research:models.family")}</dt>
        <dd dir="auto">{model.family}</dd>
        {model.baseModel ? (
          <>
            <dt>{t("research:models.baseModel")}</dt>
            <dd>
              <Link to={`/${lang}/models/${model.baseModel.slug}`} dir="auto">
                {model.baseModel.name}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t("research:models.parameters")}</dt>
        <dd>{formatParameters(model.parameterCount, lang) ?? t("research:models.unknown")}</dd>
        <dt>{t("research:models.license")}</dt>
        <dd dir="auto">{model.license}</dd>
        <dt>{t("research:models.openWeights")}</dt>
        <dd>{model.openWeights ? t("research:models.openYes") : t("research:models.openNo")}</dd>
        <dt>{t("research:models.developer")}</dt>
        <dd>
          <span dir="auto">{model.developer}</span>
          {model.originCountry ? ` · ${delegationName(model.originCountry, lang)}` : null}
        </dd>
        {model.repository ? (
          <>
            <dt>{t("research:models.repository")}</dt>
            <dd dir="ltr">
              <code>{model.repository}</code>
            </dd>
          </>
        ) : null}
        {model.url ? (
          <>
            <dt>{t("research:models.url")}</dt>
            <dd dir="ltr">
              <a href={model.url} rel="noopener noreferrer nofollow">
                {model.url}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("research:models.registeredBy")}</dt>
        <dd>
          {model.registeredBy}
          {model.delegationCode ? ` (${delegationName(model.delegationCode, lang)})` : null}, <FormattedDate value={model.createdAt} lang={lang} />
        </dd>
      </dl>
      {model.descriptionHtml ? <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: model.descriptionHtml }} /> : null}
      {model.derived.length ? (
        <section aria-labelledby="derived-heading">
          <h2 id="derived-heading">{t("research:models.derived")}</h2>
          <ul>
            {model.derived.map((d) => (
              <li key={d.slug}>
                <Link to={`/${lang}/models/${d.slug}`} dir="auto">
                  {d.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t("research:models.results")}</h2>
        <Form method="get" className="filters" role="search" aria-label={t("research:filters.label")}>
          <div className="field">
            <label htmlFor="f-q">{t("research:evaluations.searchTask")}</label>
            <input id="f-q" name="q" type="search" defaultValue={q} />
          </div>
          <button type="submit" className="button">
            {t("research:filters.apply")}
          </button>
        </Form>
        {results.rows.length === 0 ? (
          <p className="muted">{t("research:models.noResults")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("research:models.resultsCaption", { count: results.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("research:evaluations.task")}</th>
                  <th scope="col">{t("research:evaluations.metric")}</th>
                  <th scope="col">{t("research:evaluations.setting")}</th>
                  <th scope="col">{t("research:evaluations.score")}</th>
                  <th scope="col">{t("research:leaderboard.rank")}</th>
                  <th scope="col">{t("research:evaluations.language")}</th>
                  <th scope="col">{t("research:evaluations.provenance")}</th>
                </tr>
              </thead>
              <tbody>
                {results.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/${lang}/evaluations/leaderboards/${r.id}`} dir="ltr">
                        {r.task}
                      </Link>{" "}
                      {r.isGroup ? <GroupBadge /> : null}
                    </th>
                    <td dir="ltr">
                      {metricLabel(r.metric, r.filter)} <span aria-hidden="true">{r.higherIsBetter ? "↑" : "↓"}</span>
                      <span className="visually-hidden">{r.higherIsBetter ? t("research:evaluations.higherIsBetter") : t("research:evaluations.lowerIsBetter")}</span>
                    </td>
                    <td>{settingLabel(r, t)}</td>
                    <td className="numeric">
                      <Score value={r.score} stderr={r.stderr} lang={lang} /> {r.isDemo ? <DemoBadge /> : null}
                    </td>
                    <td className="numeric">
                      <RankRange low={r.rankLow} high={r.rankHigh} lang={lang} /> <span className="muted">{t("research:models.rankOf", { count: r.rankedModels })}</span>
                    </td>
                    <td>{languageLabel(r.language, lang, t)}</td>
                    <td>
                      <Link to={`/${lang}/evaluations/runs/${r.runId}`}>{t("research:evaluations.viewRun")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={results.pageSize} total={results.total} />
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t("research:models.runs")}</h2>
        {runs.length === 0 ? (
          <p className="muted">{t("research:models.noRuns")}</p>
        ) : (
          <ul role="list" className="run-list">
            {runs.map((run) => (
              <li key={run.id}>
                <Link to={`/${lang}/evaluations/runs/${run.id}`}>
                  {t(`research:evaluations.source.${run.source}`)} ·{" "}
                  {run.evaluatedAt ? <FormattedDate value={run.evaluatedAt} lang={lang} /> : t("research:provenance.dateNotStated")}
                </Link>{" "}
                — {t("research:evaluations.resultCount", { count: run.resultCount })}
                {run.limitedCount > 0 ? ` (${t("research:models.limitedResults", { count: run.limitedCount })})` : ""} · {run.harness}
                {run.harnessVersion ? ` ${run.harnessVersion}` : ""} · {run.submittedBy.name}
                {run.delegation ? ` (${delegationName(run.delegation.code, lang)})` : ""}
                {run.visibility === "MEMBERS" ? <span className="badge">{t("research:visibility.MEMBERS")}</span> : null}
                {run.isDemo ? <DemoBadge /> : null}
              </li>
            ))}
          </ul>
        )}
        {may.submit ? (
          <p className="button-row">
            <Link to={`/${lang}/evaluations/import?model=${model.slug}`} className="button button-secondary">
              {t("research:evaluations.importTitle")}
            </Link>
            <Link to={`/${lang}/evaluations/new?model=${model.slug}`} className="button button-secondary">
              {t("research:evaluations.manualTitle")}
            </Link>
          </p>
        ) : null}
      </section>
      <OpenDataLinks
        links={[
          { href: `/api/v1/models/${model.slug}`, label: "formats.json", type: "application/json" },
          { href: `/api/v1/evaluations?model=${model.slug}`, label: "formats.runsJson", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = titleMeta;
