// The top of every strategy page: title in the chosen content language (or the
// original with a notice), status, delegation, who may read it, the language
// versions with a switcher for the content (independent of the UI language),
// and the page's tabs.
import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNotice, LanguageList } from "~/components/document/language-list";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import type { LanguageVersion, TextKind } from "~/modules/document/types";

export function StrategyStatus({ status }: { status: string }) {
  const { t } = useTranslation("strategies");
  return <span className={`status status-${status.toLowerCase().replace("_", "-")}`}>{t(`status.${status}`)}</span>;
}

type HeaderProps = {
  lang: string;
  strategy: {
    slug: string;
    status: string;
    visibility: string;
    delegationCode: string;
    currentVersion: number;
    publishedVersion: number | null;
    readableVersion: number;
    publishedAt: string | null;
    supersededAt: string | null;
    successor: { slug: string; title: string; textLanguage: string } | null;
  };
  text: { title: string; language: string; kind: TextKind };
  languages: LanguageVersion[];
  isFallback: boolean;
  /** The version shown, when it is not the newest the reader may see. */
  versionShown?: number;
  may: { edit: boolean; seeUnpublished: boolean };
};

export function StrategyHeader({ lang, strategy, text, languages, isFallback, versionShown, may }: HeaderProps) {
  const { t } = useTranslation(["strategies", "common"]);
  const base = `/${lang}/strategies/${strategy.slug}`;
  const unpublished = may.seeUnpublished && strategy.publishedVersion !== strategy.currentVersion;
  return (
    <header className="strategy-header">
      <p className="breadcrumbs">
        <Link to={`/${lang}/strategies`}>{t("strategies:list.title")}</Link> ›{" "}
        <Link to={`/${lang}/members/${strategy.delegationCode.toLowerCase()}`}>{delegationName(strategy.delegationCode, lang)}</Link>
      </p>
      <h1 lang={text.language} dir="auto">
        {text.title}
      </h1>
      <p className="meta">
        <StrategyStatus status={strategy.status} /> · {delegationName(strategy.delegationCode, lang)} ·{" "}
        <span className={`visibility visibility-${strategy.visibility.toLowerCase()}`}>{t(`strategies:visibility.${strategy.visibility}`)}</span>
        {strategy.publishedAt ? (
          <>
            {" "}
            · {t("strategies:header.published")} <FormattedDate value={strategy.publishedAt} lang={lang} />
          </>
        ) : null}
      </p>
      {strategy.status === "SUPERSEDED" ? (
        <p className="alert alert-warning" role="note">
          {t("strategies:header.superseded")} {strategy.supersededAt ? <FormattedDate value={strategy.supersededAt} lang={lang} /> : null}
          {strategy.successor ? (
            <>
              {" "}
              — {t("strategies:header.replacedBy")}{" "}
              <Link to={`/${lang}/strategies/${strategy.successor.slug}`} lang={strategy.successor.textLanguage} dir="auto">
                {strategy.successor.title}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {unpublished ? (
        <p className="alert alert-warning" role="note">
          {strategy.publishedVersion === null
            ? t("strategies:header.neverPublished")
            : t("strategies:header.unpublishedChanges", { current: strategy.currentVersion, published: strategy.publishedVersion })}
        </p>
      ) : null}
      {isFallback ? <FallbackNotice language={text.language} /> : null}
      <LanguageList languages={languages} current={text.language} version={versionShown && versionShown !== strategy.readableVersion ? versionShown : undefined} />
      <nav aria-label={t("strategies:header.pages")} className="tabs">
        <NavLink to={base} end>
          {t("strategies:tabs.text")}
        </NavLink>
        <NavLink to={`${base}/versions`}>{t("strategies:tabs.versions")}</NavLink>
        {may.edit ? <NavLink to={`${base}/edit`}>{t("strategies:tabs.edit")}</NavLink> : null}
        {may.edit ? <NavLink to={`${base}/translate`}>{t("strategies:tabs.translate")}</NavLink> : null}
        {may.edit ? <NavLink to={`${base}/attachments`}>{t("strategies:tabs.attachments")}</NavLink> : null}
      </nav>
    </header>
  );
}
