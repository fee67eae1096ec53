// The top of every proposal page: title in the reader's language (or the
// original with a notice), status, lead, topics, language versions (which
// switch the text's language, not the interface's), tabs.
import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/ui/formatted";
import { FallbackNotice, LanguageList } from "~/components/document/language-list";
import type { LanguageVersion, TextKind } from "~/modules/document/types";
import { delegationName } from "~/modules/delegation/names";

type HeaderProps = {
  lang: string;
  proposal: {
    slug: string;
    status: string;
    topics: string[];
    leadCode: string;
    coDrafters: string[];
    currentVersion: number;
    consultationEndsAt: string | null;
    consultationOpen: boolean;
  };
  text: { title: string; language: string; kind: TextKind };
  languages: LanguageVersion[];
  isFallback: boolean;
  may: { edit: boolean };
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("proposals");
  return <span className={`status status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

export function ProposalHeader({ lang, proposal, text, languages, isFallback, may }: HeaderProps) {
  const { t } = useTranslation(["proposals", "common"]);
  const base = `/${lang}/proposals/${proposal.slug}`;
  return (
    <header className="proposal-header">
      <p className="breadcrumbs">
        <Link to={`/${lang}/proposals`}>{t("proposals:list.title")}</Link>
      </p>
      <h1 lang={text.language} dir="auto">
        {text.title}
      </h1>
      <p className="meta">
        <StatusBadge status={proposal.status} /> · {t("proposals:header.lead", { delegation: delegationName(proposal.leadCode, lang) })}
        {proposal.coDrafters.length ? <> · {t("proposals:header.coDrafters", { delegations: proposal.coDrafters.map((c) => delegationName(c, lang)).join(", ") })}</> : null} ·{" "}
        {t("proposals:header.version", { number: proposal.currentVersion })}
      </p>
      {proposal.status === "CONSULTATION" && proposal.consultationEndsAt ? (
        <p className={proposal.consultationOpen ? "alert" : "alert alert-warning"}>
          {proposal.consultationOpen ? t("proposals:header.consultationUntil") : t("proposals:header.consultationEnded")}{" "}
          <FormattedDate value={proposal.consultationEndsAt} lang={lang} withTime />
        </p>
      ) : null}
      <ul role="list" className="tags" aria-label={t("proposals:header.topics")}>
        {proposal.topics.map((topic) => (
          <li key={topic}>
            <Link to={`/${lang}/proposals?topic=${topic}`}>{t(`common:dsi.${topic}`)}</Link>
          </li>
        ))}
      </ul>
      {isFallback ? <FallbackNotice language={text.language} /> : null}
      <LanguageList languages={languages} current={text.language} />
      <nav aria-label={t("proposals:header.pages")} className="tabs">
        <NavLink to={base} end>
          {t("proposals:tabs.text")}
        </NavLink>
        <NavLink to={`${base}/versions`}>{t("proposals:tabs.versions")}</NavLink>
        <NavLink to={`${base}/vote`}>{t("proposals:tabs.vote")}</NavLink>
        {may.edit ? <NavLink to={`${base}/edit`}>{t("proposals:tabs.edit")}</NavLink> : null}
        {may.edit ? <NavLink to={`${base}/translate`}>{t("proposals:tabs.translate")}</NavLink> : null}
      </nav>
    </header>
  );
}
