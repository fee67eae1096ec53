// The language versions of a document, each marked original, official or
// unofficial. One meaning everywhere (ADR 009): a link switches the text's
// language (`?text=`) on the same page; the interface language stays.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { withTextLanguage } from "~/modules/document/language";
import type { LanguageVersion } from "~/modules/document/types";
import { LANGUAGES } from "~/utils/i18n";

/** A language's own name (English, العربية…), the same in every interface language. */
export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

export function LanguageList({
  path,
  languages,
  current,
  version,
}: {
  /** The page the links stay on (its path, without query); this page by default. */
  path?: string;
  languages: LanguageVersion[];
  /** The language of the text shown. */
  current: string;
  /** A version to keep in the links, when the page shows an older one. */
  version?: number;
}) {
  const { t } = useTranslation("documents");
  const here = useLocation().pathname;
  return (
    <nav className="languages" aria-label={t("languages.heading")}>
      <span>{t("languages.heading")}</span>{" "}
      <ul role="list" className="inline-list">
        {languages.map((l) => (
          <li key={l.language}>
            <a href={withTextLanguage(path ?? here, l.language, { version })} hrefLang={l.language} lang={l.language} aria-current={l.language === current ? "true" : undefined}>
              {languageName(l.language)}
            </a>{" "}
            <span className="muted">({t(`languages.kind.${l.kind}`)})</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The notice shown when the text is not in the language asked for. */
export function FallbackNotice({ language }: { language: string }) {
  const { t } = useTranslation("documents");
  return (
    <p className="alert alert-warning" role="note">
      {t("languages.fallback", { language: languageName(language) })}
    </p>
  );
}
