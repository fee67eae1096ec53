// One leaderboard: the results of one benchmark at one task version and
// n-shot, on full sample sets, each model's best, sorted in the benchmark's
// direction (and saying which). Ranks are ranges: models whose 95 % intervals
// overlap are statistically tied and never shown as ranked apart. The same
// benchmark in other settings is linked, never mixed in; results of limited
// runs are counted and listed apart on request; a group shows its tasks.
// Chart and table carry the same numbers; filters by language and family.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { LeaderboardChart } from "~/components/evaluation/leaderboard-chart";
import { ResultFilters } from "~/components/evaluation/result-filters";
import { DemoBadge, GroupBadge, Interval, languageLabel, metricLabel, RankRange, SampleCount, Score, settingLabel } from "~/components/evaluation/score";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { getLeaderboard } from "~/modules/evaluation/leaderboard.server";
import { ResultFilterSchema } from "~/modules/evaluation/schemas";
import { listFamilies } from "~/modules/model/model.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { directionOf } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "api"], cache: PUBLIC_PAGE };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = ResultFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [board, families, t] = await Promise.all([
    getLeaderboard({ viewer: user, leaderboardId: params.id!, page, language: filters.language, family: filters.family, limited: filters.limited }).catch(throwAsResponse),
    listFamilies(),
    getFixedT(lang, "research"),
  ]);
  const metric = metricLabel(board.board.metric, board.board.filter);
  return json({
    lang,
    ...board,
    page,
    filters,
    families,
    title: `${t("leaderboard.title", { task: board.board.task, metric })} · ${settingLabel(board.board, t)} · Concord`,
  });
}

/** The page's language and family filters, for the CSV of the same ranking. */
function csvQuery(filters: { language?: string; family?: string }): string {
  const query = new URLSearchParams(Object.entries({ language: filters.language, family: filters.family }).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return query ? `?${query}` : "";
}

export default function Leaderboard() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, board, rows, total, rankedModels, page, pageSize, filters, families, settings, limited, members } = useLoaderData<typeof loader>();
  const metric = metricLabel(board.metric, board.filter);
  const direction = board.higherIsBetter ? t("research:leaderboard.sortedHigher") : t("research:leaderboard.sortedLower");
  const others = settings.filter((s) => s.id !== board.id);
  const keep = new URLSearchParams(
    Object.entries({ language: filters.language, family: filters.family, limited: filters.limited ? "show" : undefined }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  const showLimited = new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(keep)), limited: "show" }).toString();
  const tiedRows = rows.filter((r) => r.rankLow !== r.rankHigh).length;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>
        <span dir="ltr">{board.task}</span> · <span dir="ltr">{metric}</span> {board.isGroup ? <GroupBadge /> : null}
      </h1>
      <p className="meta" data-testid="board-setting">
        {settingLabel(board, t)} · {t("research:leaderboard.modelCount", { count: rankedModels })}
      </p>
      <p className="board-direction" data-testid="board-direction">
        <span aria-hidden="true">{board.higherIsBetter ? "↑" : "↓"}</span> {direction}
      </p>
      <p className="muted">{t("research:leaderboard.comparability")}</p>

      {others.length ? (
        <nav aria-labelledby="settings-heading" className="board-settings">
          <h2 id="settings-heading" className="h-small">
            {t("research:leaderboard.otherSettings")}
          </h2>
          <ul>
            {others.map((s) => (
              <li key={s.id}>
                <Link to={`/${lang}/evaluations/leaderboards/${s.id}${keep ? `?${keep}` : ""}`}>{settingLabel(s, t)}</Link> —{" "}
                {t("research:leaderboard.modelCount", { count: s.models })}
                {s.limited ? ` · ${t("research:leaderboard.limitedCount", { count: s.limited })}` : ""}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {members?.length ? (
        <details className="group-members">
          <summary>{t("research:groups.members", { count: members.length })}</summary>
          <ul className="hash-list" dir="ltr">
            {members.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <ResultFilters lang={lang} filters={filters} families={families} withLimited />
      {rows.length === 0 ? (
        <p>{t("research:leaderboard.none")}</p>
      ) : (
        <>
          <LeaderboardChart
            lang={lang}
            rtl={directionOf(lang) === "rtl"}
            title={t("research:leaderboard.chartTitle", { task: board.task, metric })}
            description={t("research:leaderboard.chartDescription", {
              direction: board.higherIsBetter ? t("research:evaluations.higherIsBetter") : t("research:evaluations.lowerIsBetter"),
              from: rows[0]!.position,
              to: rows[rows.length - 1]!.position,
            })}
            bars={rows.map((r) => ({ key: r.resultId, label: r.modelName, value: r.score, stderr: r.stderr }))}
          />
          {tiedRows > 0 ? <p className="muted">{t("research:leaderboard.tiesExplain")}</p> : null}
          <div className="table-scroll">
            <table className="data-table leaderboard">
              <caption>{t("research:leaderboard.tableCaption", { task: board.task, metric })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("research:leaderboard.rank")}</th>
                  <th scope="col">{t("research:leaderboard.model")}</th>
                  <th scope="col">{t("research:evaluations.score")}</th>
                  <th scope="col">{t("research:leaderboard.interval")}</th>
                  <th scope="col">{t("research:samples.label")}</th>
                  <th scope="col">{t("research:evaluations.language")}</th>
                  <th scope="col">{t("research:evaluations.date")}</th>
                  <th scope="col">{t("research:evaluations.submittedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.resultId}>
                    <td className="numeric">
                      <RankRange low={r.rankLow} high={r.rankHigh} lang={lang} />
                    </td>
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
                    <td className="numeric">
                      <Interval value={r.score} stderr={r.stderr} lang={lang} />
                    </td>
                    <td className="numeric">
                      <SampleCount effective={r.samplesEffective} original={r.samplesOriginal} limited={false} lang={lang} />
                    </td>
                    <td>{languageLabel(r.language, lang, t)}</td>
                    <td>
                      <Link to={`/${lang}/evaluations/runs/${r.runId}`}>
                        {r.evaluatedAt ? <FormattedDate value={r.evaluatedAt} lang={lang} /> : t("research:provenance.notStated")}
                      </Link>
                      <div className="muted" dir="ltr">
                        {r.harness}
                        {r.harnessVersion ? ` ${r.harnessVersion}` : ""}
                      </div>
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

      <section aria-labelledby="limited-heading" className="limited-runs">
        <h2 id="limited-heading">{t("research:leaderboard.limitedTitle")}</h2>
        {limited.count === 0 ? (
          <p className="muted">{t("research:leaderboard.noLimited")}</p>
        ) : !filters.limited ? (
          <p data-testid="limited-note">
            {t("research:leaderboard.limitedHidden", { count: limited.count })} <Link to={`?${showLimited}`}>{t("research:leaderboard.showLimited")}</Link>
          </p>
        ) : (
          <>
            <p className="muted">{t("research:leaderboard.limitedExplain", { count: limited.count, shown: formatNumber(limited.rows.length, lang) })}</p>
            <div className="table-scroll">
              <table className="data-table limited-table">
                <caption className="visually-hidden">{t("research:leaderboard.limitedTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("research:leaderboard.model")}</th>
                    <th scope="col">{t("research:evaluations.score")}</th>
                    <th scope="col">{t("research:samples.label")}</th>
                    <th scope="col">{t("research:evaluations.language")}</th>
                    <th scope="col">{t("research:evaluations.date")}</th>
                  </tr>
                </thead>
                <tbody>
                  {limited.rows.map((r) => (
                    <tr key={r.resultId}>
                      <th scope="row">
                        <Link to={`/${lang}/models/${r.modelSlug}`} dir="auto">
                          {r.modelName}
                        </Link>
                      </th>
                      <td className="numeric">
                        <Score value={r.score} stderr={r.stderr} lang={lang} /> {r.isDemo ? <DemoBadge /> : null}
                      </td>
                      <td>
                        <SampleCount effective={r.samplesEffective} original={r.samplesOriginal} limited lang={lang} />
                      </td>
                      <td>{languageLabel(r.language, lang, t)}</td>
                      <td>
                        <Link to={`/${lang}/evaluations/runs/${r.runId}`}>
                          {r.evaluatedAt ? <FormattedDate value={r.evaluatedAt} lang={lang} /> : t("research:provenance.notStated")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <OpenDataLinks
        links={[
          {
            href: `/${lang}/evaluations/leaderboards/${board.id}/results.csv${csvQuery(filters)}`,
            label: "formats.leaderboardCsv",
            type: "text/csv",
            download: true,
          },
          { href: `/api/v1/leaderboards/${board.id}`, label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = metaWithFeeds("evaluations");
