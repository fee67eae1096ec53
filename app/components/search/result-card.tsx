// One search result: what it is, its title and a snippet with the matches
// marked, in the language it was written in, and a few facts.
import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import type { SearchResult } from "~/modules/search/details.server";
import { directionOf, isLanguage, type Language } from "~/utils/i18n";
import { Highlighted } from "./highlighted";
import { displayNames } from "~/utils/intl";

type Result = SerializeFrom<SearchResult>;

/** A language's name in the reader's language ("portugais"), from Intl. */
export function languageName(code: string, lang: Language): string {
  return displayNames([lang, "en"], { type: "language", fallback: "code" }).of(code) ?? code;
}

/** `lang` and `dir` for text in a known language; `dir="auto"` otherwise. */
const textAttributes = (language: string | null) => (language && isLanguage(language) ? { lang: language, dir: directionOf(language) } : { dir: "auto" as const });

function Facts({ result, lang }: { result: Result; lang: Language }) {
  const { t } = useTranslation(["search", "common"]);
  const delegation = result.delegationCode ? delegationName(result.delegationCode, lang) : null;
  const date = result.date ? <FormattedDate value={result.date} lang={lang} /> : null;
  const parts: React.ReactNode[] = [];
  switch (result.kind) {
    case "proposal":
    case "position":
      if (result.status) parts.push(t(`search:status.proposal.${result.status}`));
      if (delegation) parts.push(t("search:facts.ledBy", { delegation }));
      break;
    case "strategy":
      if (result.status) parts.push(t(`search:status.strategy.${result.status}`));
      if (delegation) parts.push(delegation);
      break;
    case "comment":
      if (delegation) parts.push(delegation);
      break;
    case "amendment":
      if (result.status) parts.push(t(`search:status.amendment.${result.status}`));
      if (delegation) parts.push(t("search:facts.proposedBy", { delegation }));
      break;
    case "dataset":
      if (delegation) parts.push(t("search:facts.steward", { delegation }));
      if (result.access) parts.push(t(`search:access.${result.access}`));
      break;
    case "model":
    case "benchmark":
      if (result.extra) parts.push(<span dir="auto">{result.extra}</span>);
      if (delegation) parts.push(delegation);
      break;
    case "person":
      if (result.role) parts.push(t(`common:roles.${result.role}`));
      if (delegation) parts.push(delegation);
      break;
  }
  if (date && result.kind !== "person" && result.kind !== "benchmark") parts.push(date);
  return (
    <p className="meta">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? " · " : null}
          {part}
        </span>
      ))}
    </p>
  );
}

export function ResultCard({ result, lang }: { result: Result; lang: Language }) {
  const { t } = useTranslation(["search", "common"]);
  const text = textAttributes(result.language);
  const title = result.title.length ? (
    <Highlighted segments={result.title} />
  ) : result.kind === "comment" ? (
    t("search:facts.commentBy", { author: result.author })
  ) : (
    t(`search:kind.${result.kind}`)
  );
  return (
    <li className="card search-result">
      <p className="result-kind">{t(`search:kind.${result.kind}`)}</p>
      <h2 className="card-title">
        <Link to={result.href} {...(result.title.length ? text : {})}>
          {title}
        </Link>
      </h2>
      {result.parentTitle ? (
        <p className="result-parent">
          {t("search:facts.on")} <span {...textAttributes(result.parentLanguage)}>{result.parentTitle}</span>
        </p>
      ) : null}
      <Facts result={result} lang={lang} />
      {result.heading?.length ? (
        <p className="result-heading" {...text}>
          <Highlighted segments={result.heading} />
        </p>
      ) : result.dimension ? (
        <p className="result-heading">{t("search:facts.dsiNote", { dimension: t(`common:dsi.${result.dimension}`) })}</p>
      ) : null}
      {result.snippet.length ? (
        <p className="snippet" {...text}>
          <Highlighted segments={result.snippet} />
        </p>
      ) : null}
      {result.matchedLanguage ? <p className="result-note">{t("search:matchedIn", { language: languageName(result.matchedLanguage, lang) })}</p> : null}
      {result.match === "similar" ? <p className="result-note">{t("search:similar")}</p> : null}
      {result.match === "owner" ? <p className="result-note">{t("search:owned")}</p> : null}
    </li>
  );
}
