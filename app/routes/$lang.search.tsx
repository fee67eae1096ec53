// Search across the portal: /:lang/search?q=… with filters, sort and pages in
// the URL (a GET form: works without JavaScript). What a reader finds follows
// the same rules as the pages the results lead to (search/permissions.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResultCard } from "~/components/search/result-card";
import { SearchForm } from "~/components/search/search-form";
import { Pagination } from "~/components/ui/pagination";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { RESULT_KINDS } from "~/modules/search/constants";
import { parseSearchParams } from "~/modules/search/schemas";
import { delegationCodes, search } from "~/modules/search/search.server";
import { getUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["search"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const p = parseSearchParams(url);
  const [outcome, delegations, t, common] = await Promise.all([
    search({
      viewer: user,
      lang,
      query: p.q,
      filters: { kind: p.kind, delegation: p.delegation, language: p.language, status: p.status, dimension: p.dimension, year: p.year },
      sort: p.sort,
      page: p.page,
    }),
    delegationCodes(),
    getFixedT(lang, "search"),
    getFixedT(lang, "common"),
  ]);
  const years = [...new Set([...outcome.years.map((y) => y.value), ...(p.year ? [p.year] : [])])].sort((a, b) => b - a);
  return json({
    lang,
    params: { ...p, q: outcome.query },
    outcome,
    signedIn: user !== null,
    delegationCodes: sortByName(
      delegations.map((code) => ({ code })),
      lang,
    ).map((d) => d.code),
    years,
    title: `${outcome.query ? t("titleFor", { query: outcome.query }) : t("title")} · ${common("appName")}`,
  });
}

/** The current URL with some parameters changed (and the page reset). */
function useHrefWith() {
  const location = useLocation();
  return (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    return `${location.pathname}?${params}`;
  };
}

export default function SearchPage() {
  const { t } = useTranslation(["search", "common"]);
  const { lang, params, outcome, signedIn, delegationCodes, years } = useLoaderData<typeof loader>();
  const hrefWith = useHrefWith();
  const kindTotal = outcome.kinds.reduce((n, k) => n + k.count, 0);
  const filtered = Boolean(params.delegation || params.language || params.status || params.dimension || params.year);
  return (
    <div className="page search-page">
      <h1>{t("search:title")}</h1>
      <SearchForm lang={lang} params={params} delegations={delegationCodes} years={years} />
      {outcome.empty ? (
        <div className="search-help">
          <p>{params.q ? t("search:onlyExclusions") : t("search:intro")}</p>
          {!signedIn ? <p className="muted">{t("search:publicOnly")}</p> : null}
        </div>
      ) : (
        <>
          <p className="muted search-count" role="status">
            {t(outcome.capped ? "search:countMore" : "search:count", { count: outcome.total, query: outcome.query })}
          </p>
          {kindTotal > 0 ? (
            <nav aria-label={t("search:kinds")} className="tabs search-kinds">
              <Link to={hrefWith({ kind: null })} aria-current={!params.kind ? "page" : undefined}>
                {t("search:allKinds")} <span className="count">({kindTotal})</span>
              </Link>
              {RESULT_KINDS.map((kind) => {
                const facet = outcome.kinds.find((k) => k.value === kind);
                if (!facet && params.kind !== kind) return null;
                return (
                  <Link key={kind} to={hrefWith({ kind })} aria-current={params.kind === kind ? "page" : undefined}>
                    {t(`search:kindPlural.${kind}`)}{" "}
                    <span className="count">
                      ({facet?.count ?? 0}
                      {kind === "comment" && outcome.capped ? "+" : ""})
                    </span>
                  </Link>
                );
              })}
            </nav>
          ) : null}
          {outcome.delegations.length ? (
            <section aria-labelledby="search-delegations" className="search-delegations">
              <h2 id="search-delegations">{t("search:kindPlural.delegation")}</h2>
              <ul role="list" className="card-grid">
                {outcome.delegations.map((d) => (
                  <li key={d.code} className="card">
                    <Link to={`/${lang}/members/${d.code.toLowerCase()}`} className="card-title">
                      {delegationName(d.code, lang)}
                    </Link>
                    <p className="muted">
                      <span dir="ltr">{d.code}</span> · {t(`common:delegationStatus.${d.status}`)}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {outcome.total === 0 ? (
            <div className="search-none">
              <p>{t("search:none", { query: outcome.query })}</p>
              {outcome.suggestions.length ? (
                <p>
                  {t("search:didYouMean")}{" "}
                  {outcome.suggestions.map((s) => (
                    <Link key={s} to={hrefWith({ q: s })} dir="auto">
                      {s}
                    </Link>
                  ))}
                </p>
              ) : null}
              <p className="muted">{t("search:tips")}</p>
              {filtered || params.kind ? (
                <p>
                  <Link to={`/${lang}/search?${new URLSearchParams({ q: outcome.query })}`}>{t("search:withoutFilters")}</Link>
                </p>
              ) : null}
              {!signedIn ? <p className="muted">{t("search:publicOnly")}</p> : null}
            </div>
          ) : null}
          {outcome.results.length ? (
            <ol className="search-results" start={(params.page - 1) * outcome.pageSize + 1} aria-label={t("search:results")}>
              {outcome.results.map((r) => (
                <ResultCard key={`${r.kind}-${r.id}`} result={r} lang={lang} />
              ))}
            </ol>
          ) : null}
          <Pagination page={params.page} pageSize={outcome.pageSize} total={outcome.pagedTotal} />
        </>
      )}
    </div>
  );
}

export const meta = titleMeta;
