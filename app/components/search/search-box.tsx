// The search box in the header of every page: a GET form, so it works without JavaScript.
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QUERY_LIMITS } from "~/modules/search/constants";
import type { Language } from "~/utils/i18n";

export function SearchBox({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  // On the search page the box shows the query searched for.
  const current = location.pathname === `/${lang}/search` ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action={`/${lang}/search`} role="search" aria-label={t("nav.searchLabel")} className="header-search">
      <label htmlFor="header-search-q" className="visually-hidden">
        {t("nav.searchLabel")}
      </label>
      <input key={current} id="header-search-q" type="search" name="q" defaultValue={current} maxLength={QUERY_LIMITS.length} enterKeyHint="search" />
      {/* An input, not a <button>: a page's own form stays the first button in a form. */}
      <input type="submit" className="header-search-button" value={t("nav.search")} />
    </Form>
  );
}
