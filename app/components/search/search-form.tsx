// The search page's form: the query, its syntax, and the filters. A GET form,
// so every search is a link and works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/modules/delegation/names";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { QUERY_LIMITS, RESULT_KINDS, SEARCH_SORTS, STATUS_FILTERS } from "~/modules/search/constants";
import type { SearchParams } from "~/modules/search/schemas";
import { LANGUAGES, type Language } from "~/utils/i18n";

type Option = { value: string; label: string };

function Select({
  name,
  label,
  value,
  options,
  groups,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  anyLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name} defaultValue={value ?? ""}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function SearchForm({ lang, params, delegations, years }: { lang: Language; params: SearchParams; delegations: string[]; years: number[] }) {
  const { t } = useTranslation(["search", "common"]);
  const filtered = Boolean(params.kind || params.delegation || params.language || params.status || params.dimension || params.year || params.sort !== "relevance");
  const statusGroups = (["proposal", "strategy", "amendment"] as const).map((kind) => ({
    label: t(`search:kindPlural.${kind}`),
    options: STATUS_FILTERS.filter((s) => s.startsWith(`${kind}:`)).map((s) => ({ value: s, label: t(`search:status.${kind}.${s.split(":")[1]}`) })),
  }));
  return (
    <Form method="get" action={`/${lang}/search`} role="search" aria-label={t("search:title")} className="search-form">
      <div className="search-query">
        <div className="field">
          <label htmlFor="search-q">{t("search:queryLabel")}</label>
          <input
            key={params.q}
            id="search-q"
            type="search"
            name="q"
            defaultValue={params.q}
            maxLength={QUERY_LIMITS.length}
            aria-describedby="search-syntax"
            enterKeyHint="search"
            dir="auto"
          />
        </div>
        <button type="submit" className="button">
          {t("search:submit")}
        </button>
      </div>
      <p id="search-syntax" className="field-hint">
        {t("search:syntax")}
      </p>
      <details className="search-filters" open={filtered}>
        <summary>{t("search:filters")}</summary>
        <div className="filters">
          <Select
            name="kind"
            label={t("search:filter.kind")}
            value={params.kind}
            anyLabel={t("search:filter.any")}
            options={RESULT_KINDS.map((k) => ({ value: k, label: t(`search:kindPlural.${k}`) }))}
          />
          <Select
            name="delegation"
            label={t("search:filter.delegation")}
            value={params.delegation}
            anyLabel={t("search:filter.any")}
            options={delegations.map((c) => ({ value: c, label: delegationName(c, lang) }))}
          />
          <Select
            name="language"
            label={t("search:filter.language")}
            value={params.language}
            anyLabel={t("search:filter.any")}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
          />
          <Select name="status" label={t("search:filter.status")} value={params.status} anyLabel={t("search:filter.any")} groups={statusGroups} />
          <Select
            name="dimension"
            label={t("search:filter.dimension")}
            value={params.dimension}
            anyLabel={t("search:filter.any")}
            options={DSI_DIMENSIONS.map((d) => ({ value: d, label: t(`common:dsi.${d}`) }))}
          />
          <Select
            name="year"
            label={t("search:filter.year")}
            value={params.year}
            anyLabel={t("search:filter.any")}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <Select name="sort" label={t("search:filter.sort")} value={params.sort} options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search:sort.${s}`) }))} />
          <button type="submit" className="button button-secondary">
            {t("search:filter.apply")}
          </button>
        </div>
      </details>
    </Form>
  );
}
