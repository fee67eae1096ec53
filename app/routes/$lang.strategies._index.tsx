// The strategies a reader may see: filters by delegation, status, DSI
// dimension, sector, language and year of adoption; most recent activity
// first; paginated. Ticking two to four of them opens the comparison.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { StrategyStatus } from "~/components/strategy/strategy-header";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { COMPARE_MAX, COMPARE_MIN, DSI_DIMENSIONS, STRATEGY_SECTORS, STRATEGY_STATUSES } from "~/modules/strategy/constants";
import { mayCreate } from "~/modules/strategy/permissions";
import { StrategyFilterSchema } from "~/modules/strategy/schemas";
import { adoptionYears, listStrategies } from "~/modules/strategy/strategy.server";
import { getUser } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["strategies", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = StrategyFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [result, delegations, years] = await Promise.all([
    listStrategies({
      user,
      lang,
      page,
      filters: {
        delegationCode: filters.delegation,
        status: filters.status,
        dimension: filters.dimension,
        sector: filters.sector,
        language: filters.language,
        year: filters.year,
      },
    }),
    listDelegations(),
    adoptionYears(user),
  ]);
  return json({
    lang,
    items: result.items,
    total: result.total,
    page,
    pageSize: result.pageSize,
    filters,
    years,
    mayCreate: mayCreate(user),
    signedIn: user !== null,
    delegations: sortByName(delegations, lang).map((d) => d.code),
    title: await pageTitle(lang, "list.title", "strategies"),
  });
}

function FilterSelect({ id, label, value, options }: { id: string; label: string; value: string | number | undefined; options: { value: string; label: string }[] }) {
  const { t } = useTranslation("strategies");
  return (
    <div className="field">
      <label htmlFor={`f-${id}`}>{label}</label>
      <select id={`f-${id}`} name={id} defaultValue={value ?? ""}>
        <option value="">{t("list.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function StrategyList() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, items, total, page, pageSize, filters, years, mayCreate, signedIn, delegations } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("strategies:list.title")}</h1>
        <div className="button-row">
          <Link to={`/${lang}/strategies/dsi`} className="button button-secondary">
            {t("strategies:list.dsi")}
          </Link>
          {mayCreate ? (
            <Link to={`/${lang}/strategies/new`} className="button">
              {t("strategies:list.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="lead">{t("strategies:list.intro")}</p>
      {!signedIn ? <p className="muted">{t("strategies:list.publicOnly")}</p> : null}
      <Form method="get" className="filters" role="search" aria-label={t("strategies:list.filters")}>
        <FilterSelect
          id="delegation"
          label={t("strategies:list.delegation")}
          value={filters.delegation}
          options={delegations.map((c) => ({ value: c, label: delegationName(c, lang) }))}
        />
        <FilterSelect
          id="status"
          label={t("strategies:list.status")}
          value={filters.status}
          options={STRATEGY_STATUSES.map((s) => ({ value: s, label: t(`strategies:status.${s}`) }))}
        />
        <FilterSelect
          id="dimension"
          label={t("strategies:list.dimension")}
          value={filters.dimension}
          options={DSI_DIMENSIONS.map((d) => ({ value: d, label: t(`common:dsi.${d}`) }))}
        />
        <FilterSelect
          id="sector"
          label={t("strategies:list.sector")}
          value={filters.sector}
          options={STRATEGY_SECTORS.map((s) => ({ value: s, label: t(`strategies:sector.${s}`) }))}
        />
        <FilterSelect id="language" label={t("strategies:list.language")} value={filters.language} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <FilterSelect id="year" label={t("strategies:list.year")} value={filters.year} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" className="button">
          {t("strategies:list.apply")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("strategies:list.count", { count: total })}
      </p>
      {/* The comparison form: its checkboxes sit in the cards below (form attribute), so it works without JavaScript. */}
      <Form method="get" action={`/${lang}/strategies/compare`} id="compare" className="compare-bar">
        <p className="field-hint">{t("strategies:list.compareHint", { min: COMPARE_MIN, max: COMPARE_MAX })}</p>
        <button type="submit" className="button button-secondary">
          {t("strategies:list.compare")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p>{t("strategies:list.none")}</p>
      ) : (
        <ul role="list" className="strategy-list">
          {items.map((s) => (
            <li key={s.id} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/strategies/${s.slug}`} lang={s.textLanguage} dir="auto">
                  {s.title}
                </Link>
              </h2>
              <p className="meta">
                <StrategyStatus status={s.status} /> · {delegationName(s.delegationCode, lang)}
                {s.adoptedOn ? (
                  <>
                    {" "}
                    · {t("strategies:list.adopted")} <FormattedDate value={s.adoptedOn} lang={lang} />
                  </>
                ) : null}
                {s.visibility === "MEMBERS" ? <> · {t("strategies:visibility.MEMBERS")}</> : null}
                {s.unpublishedChanges ? <> · {t("strategies:list.unpublishedChanges")}</> : null}
              </p>
              {s.summary ? (
                <p lang={s.textLanguage} dir="auto" className="summary">
                  {s.summary}
                </p>
              ) : null}
              <p className="muted">
                {s.dimensions.map((d) => t(`common:dsi.${d}`)).join(" · ")}
                {s.sectors.length ? <> — {s.sectors.map((x) => t(`strategies:sector.${x}`)).join(", ")}</> : null} —{" "}
                <span dir="ltr">{s.languages.map((l) => l.toUpperCase()).join(" ")}</span>
              </p>
              <label className="checkbox">
                <input type="checkbox" name="ids" value={s.slug} form="compare" /> {t("strategies:list.addToComparison")}
              </label>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
      <OpenDataLinks
        links={[
          { href: `/${lang}/strategies/feed.atom`, label: "formats.feed", type: "application/atom+xml" },
          { href: "/api/v1/strategies", label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = metaWithFeeds("strategies");
