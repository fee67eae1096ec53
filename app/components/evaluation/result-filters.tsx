// The filters of evaluation pages (language of the results, model family,
// task name, results of limited runs), as a GET form that works without
// JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVALUATION_LANGUAGES } from "~/modules/evaluation/constants";
import { languageLabel } from "./score";
import { collatorOf } from "~/utils/intl";

export function ResultFilters({
  lang,
  filters,
  families,
  withTask = false,
  withLimited = false,
  hidden = {},
}: {
  lang: string;
  filters: { language?: string; family?: string; q?: string; limited?: boolean };
  families?: string[];
  withTask?: boolean;
  /** Offer to show results of limited runs (kept off rankings). */
  withLimited?: boolean;
  hidden?: Record<string, string | string[]>;
}) {
  const { t } = useTranslation("research");
  const collator = collatorOf(lang);
  const languages = [...EVALUATION_LANGUAGES].map((code) => ({ code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <Form method="get" className="filters" role="search" aria-label={t("filters.label")}>
      {Object.entries(hidden).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />))}
      {withTask ? (
        <div className="field">
          <label htmlFor="f-q">{t("evaluations.searchTask")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} dir="ltr" />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="f-language">{t("evaluations.language")}</label>
        <select id="f-language" name="language" defaultValue={filters.language ?? ""}>
          <option value="">{t("filters.any")}</option>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      {families ? (
        <div className="field">
          <label htmlFor="f-family">{t("models.family")}</label>
          <select id="f-family" name="family" defaultValue={filters.family ?? ""}>
            <option value="">{t("filters.any")}</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {withLimited ? (
        <div className="field">
          <label className="checkbox">
            <input name="limited" type="checkbox" value="show" defaultChecked={filters.limited === true} /> {t("filters.limited")}
          </label>
        </div>
      ) : null}
      <button type="submit" className="button">
        {t("filters.apply")}
      </button>
    </Form>
  );
}
