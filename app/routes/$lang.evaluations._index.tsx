// Evaluations: the leaderboards that have results (one per benchmark, task
// version and n-shot), most models first, each with its leader (and how many
// models are statistically tied with it for first); filters by language, model
// family, task name and, on request, leaderboards of limited runs only; links
// to each leaderboard, to the comparison of models and to submitting.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { ResultFilters } from "~/components/evaluation/result-filters";
import { GroupBadge, metricLabel, Score, settingLabel } from "~/components/evaluation/score";
import { Pagination } from "~/components/ui/pagination";
import { listLeaderboards } from "~/modules/evaluation/leaderboard.server";
import { ResultFilterSchema } from "~/modules/evaluation/schemas";
import { listFamilies } from "~/modules/model/model.server";
import { getUser } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { can } from "~/utils/permissions";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = ResultFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [result, families] = await Promise.all([listLeaderboards({ viewer: user, page, ...filters }), listFamilies()]);
  return json({
    lang,
    ...result,
    page,
    filters,
    families,
    maySubmit: can(user, "submitResearch"),
    seesMembersOnly: can(user, "readMembersOnly"),
    title: await pageTitle(lang, "evaluations.title", "research"),
  });
}

export default function Evaluations() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, items, total, page, pageSize, filters, families, maySubmit, seesMembersOnly } = useLoaderData<typeof loader>();
  const keep = new URLSearchParams(
    Object.entries({ language: filters.language, family: filters.family, limited: filters.limited ? "show" : undefined }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("research:evaluations.title")}</h1>
        <div className="button-row">
          <Link to={`/${lang}/evaluations/compare`} className="button button-secondary">
            {t("research:compare.title")}
          </Link>
          {maySubmit ? (
            <>
              <Link to={`/${lang}/evaluations/import`} className="button">
                {t("research:evaluations.importTitle")}
              </Link>
              <Link to={`/${lang}/evaluations/new`} className="button button-secondary">
                {t("research:evaluations.manualTitle")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <p>{t("research:evaluations.intro")}</p>
      <p className="muted">{seesMembersOnly ? t("research:evaluations.seesMembersOnly") : t("research:evaluations.seesPublicOnly")}</p>
      <p className="muted">{t("research:evaluations.comparability")}</p>
      <ResultFilters lang={lang} filters={filters} families={families} withTask withLimited />
      <p className="muted" role="status">
        {t("research:evaluations.leaderboardCount", { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("research:evaluations.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table leaderboards">
            <caption className="visually-hidden">{t("research:evaluations.leaderboardsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("research:evaluations.task")}</th>
                <th scope="col">{t("research:evaluations.metric")}</th>
                <th scope="col">{t("research:evaluations.setting")}</th>
                <th scope="col">{t("research:evaluations.models")}</th>
                <th scope="col">{t("research:evaluations.results")}</th>
                <th scope="col">{t("research:evaluations.leader")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/${lang}/evaluations/leaderboards/${b.id}${keep ? `?${keep}` : ""}`} dir="ltr">
                      {b.task}
                    </Link>{" "}
                    {b.isGroup ? <GroupBadge /> : null}
                  </th>
                  <td dir="ltr">
                    {metricLabel(b.metric, b.filter)} <span aria-hidden="true">{b.higherIsBetter ? "↑" : "↓"}</span>
                    <span className="visually-hidden">{b.higherIsBetter ? t("research:evaluations.higherIsBetter") : t("research:evaluations.lowerIsBetter")}</span>
                  </td>
                  <td>{settingLabel(b, t)}</td>
                  <td className="numeric">{b.models}</td>
                  <td className="numeric">
                    {b.results}
                    {b.limited ? <div className="muted">{t("research:leaderboard.limitedCount", { count: b.limited })}</div> : null}
                  </td>
                  <td>
                    {b.leader ? (
                      <>
                        <Link to={`/${lang}/models/${b.leader.slug}`} dir="auto">
                          {b.leader.name}
                        </Link>{" "}
                        <Score value={b.leader.score} stderr={b.leader.stderr} lang={lang} />
                        {b.firstCount > 1 ? <div className="muted">{t("research:evaluations.tiedForFirst", { count: b.firstCount - 1 })}</div> : null}
                      </>
                    ) : (
                      <span className="muted">{t("research:evaluations.noRanking")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
      <OpenDataLinks
        links={[
          { href: `/${lang}/evaluations/feed.atom`, label: "formats.feed", type: "application/atom+xml" },
          { href: "/api/v1/leaderboards", label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = metaWithFeeds("evaluations");
