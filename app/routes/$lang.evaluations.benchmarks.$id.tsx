// The leaderboard of one benchmark: each model's best visible result, best
// first (respecting higher- or lower-is-better), as a chart and as a table;
// filters by language and model family; paginated.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LeaderboardChart } from "~/components/evaluation/leaderboard-chart";
import { ResultFilters } from "~/components/evaluation/result-filters";
import { DemoBadge, languageLabel, metricLabel, Score } from "~/components/evaluation/score";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { leaderboard } from "~/modules/evaluation/leaderboard.server";
import { ResultFilterSchema } from "~/modules/evaluation/schemas";
import { listFamilies } from "~/modules/model/model.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { directionOf } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = ResultFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [board, families, t] = await Promise.all([
    leaderboard({ viewer: user, benchmarkId: params.id!, page, language: filters.language, family: filters.family }).catch(throwAsResponse),
    listFamilies(),
    getFixedT(lang, "research"),
  ]);
  const metric = metricLabel(board.benchmark.metric, board.benchmark.filter);
  return json({
    lang,
    ...board,
    page,
    filters,
    families,
    title: `${t("leaderboard.title", { task: board.benchmark.task, metric })} · Concord`,
  });
}

export default function Leaderboard() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, benchmark, rows, total, page, pageSize, filters, families } = useLoaderData<typeof loader>();
  const metric = metricLabel(benchmark.metric, benchmark.filter);
  const direction = benchmark.higherIsBetter ? t("research:evaluations.higherIsBetter") : t("research:evaluations.lowerIsBetter");
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>
        <span dir="ltr">{benchmark.task}</span> · <span dir="ltr">{metric}</span>
      </h1>
      <p className="meta">
        {direction} · {t("research:leaderboard.modelCount", { count: total })}
      </p>
      <ResultFilters lang={lang} filters={filters} families={families} />
      {rows.length === 0 ? (
        <p>{t("research:leaderboard.none")}</p>
      ) : (
        <>
          <LeaderboardChart
            lang={lang}
            rtl={directionOf(lang as never) === "rtl"}
            title={t("research:leaderboard.chartTitle", { task: benchmark.task, metric })}
            description={t("research:leaderboard.chartDescription", {
              direction,
              from: rows[0]!.rank,
              to: rows[rows.length - 1]!.rank,
            })}
            bars={rows.map((r) => ({ key: r.resultId, label: r.modelName, value: r.score }))}
          />
          <div className="table-scroll">
            <table className="data-table leaderboard">
              <caption>{t("research:leaderboard.tableCaption", { task: benchmark.task, metric })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("research:leaderboard.rank")}</th>
                  <th scope="col">{t("research:leaderboard.model")}</th>
                  <th scope="col">{t("research:evaluations.score")}</th>
                  <th scope="col">{t("research:evaluations.shots")}</th>
                  <th scope="col">{t("research:evaluations.language")}</th>
                  <th scope="col">{t("research:evaluations.harness")}</th>
                  <th scope="col">{t("research:evaluations.date")}</th>
                  <th scope="col">{t("research:evaluations.submittedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.resultId}>
                    <td className="numeric">{r.rank}</td>
                    <th scope="row">
                      <Link to={`/${lang}/models/${r.modelSlug}`} dir="auto">
                        {r.modelName}
                      </Link>
                      <div className="muted" dir="auto">
                        {r.family}
                        {r.openWeights ? ` · ${t("research:models.openWeightsShort")}` : ""}
                      </div>
                    </th>
                    <td className="numeric">
                      <Score value={r.score} stderr={r.stderr} lang={lang} /> {r.isDemo ? <DemoBadge /> : null}
                    </td>
                    <td className="numeric">{r.nShot ?? "—"}</td>
                    <td>{languageLabel(r.language, lang, t)}</td>
                    <td dir="ltr">
                      {r.harness}
                      {r.harnessVersion ? ` ${r.harnessVersion}` : ""}
                    </td>
                    <td>
                      <Link to={`/${lang}/evaluations/runs/${r.runId}`}>
                        <FormattedDate value={r.evaluatedAt} lang={lang} />
                      </Link>
                    </td>
                    <td>
                      {r.submitterName}
                      {r.delegationCode ? <div className="muted">{delegationName(r.delegationCode, lang)}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
