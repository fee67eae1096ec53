// An adopted position: the text as adopted (in the reader's language when a
// language version was adopted), co-sponsors, reservations as footnotes, the
// vote record, and a receipt check. Public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FallbackNotice, LanguageList, languageName } from "~/components/document/language-list";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { FormattedDate } from "~/components/ui/formatted";
import { ResultsChart } from "~/components/vote/results-chart";
import { delegationName } from "~/modules/delegation/names";
import { textLanguageParam } from "~/modules/document/language";
import { loadPositionPage } from "~/modules/position/position.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { PUBLIC_PAGE } from "~/utils/page-cache";
import { ReturnIcon } from "~/components/ui/icons";

export const handle = { i18n: ["votes", "proposals", "documents", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const url = new URL(request.url);
  const page = await loadPositionPage({
    slug: params.slug ?? "",
    language: textLanguageParam(url) ?? lang,
    receipt: url.searchParams.get("receipt") ?? "",
  }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.text.title} · Concord` });
}

export default function Position() {
  const { t } = useTranslation(["votes", "proposals", "common"]);
  const { lang, proposal, vote, text, isFallback, languages, sponsors, record, sections, footnotes, receipt, check } = useLoaderData<typeof loader>();
  const choiceLabel = (c: string) => t(`votes:choice.${vote.rule === "CONSENSUS" && c === "YES" ? "JOIN" : c}`);
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/positions`}>{t("votes:positions.title")}</Link>
      </p>
      <h1 lang={text.language} dir="auto">
        {text.title}
      </h1>
      <p className="meta">
        {t("votes:positions.adoptedOn")} <FormattedDate value={vote.closedAt} lang={lang} /> · {t(`votes:rule.${vote.rule}`)} ·{" "}
        {t("votes:positions.lead", { delegation: delegationName(proposal.leadCode, lang) })}
      </p>
      {sponsors.length ? <p>{t("votes:positions.sponsors", { delegations: sponsors.map((c) => delegationName(c, lang)).join(", ") })}</p> : null}
      {isFallback ? <FallbackNotice language={text.language} /> : null}
      <LanguageList languages={languages} current={text.language} />
      <article className="proposal-text" lang={text.language} dir="auto">
        {sections.map((s, i) => {
          const notes = footnotes.filter((f) => f.sectionKey === s.key);
          return (
            <section key={s.key} id={s.key} className="proposal-section">
              <h2 dir="auto">
                <span className="section-number">{i + 1}.</span> {s.heading}
                {notes.map((f) => (
                  <sup key={f.n}>
                    <a href={`#fn-${f.n}`} id={`fnref-${f.n}`} aria-label={t("votes:positions.footnote", { number: f.n })}>
                      {f.n}
                    </a>
                  </sup>
                ))}
              </h2>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: s.html }} />
            </section>
          );
        })}
      </article>
      {footnotes.length ? (
        <section aria-labelledby="reservations-heading" className="footnotes">
          <h2 id="reservations-heading">{t("votes:positions.reservations")}</h2>
          <ol>
            {footnotes.map((f) => (
              <li key={f.n} id={`fn-${f.n}`} value={f.n}>
                <strong>{delegationName(f.delegationCode, lang)}:</strong> <span dir="auto">{f.text}</span>{" "}
                <a href={`#fnref-${f.n}`} aria-label={t("votes:positions.backToText")}>
                  <ReturnIcon />
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="record-heading">
        <h2 id="record-heading">{t("votes:record.heading")}</h2>
        <p>
          {t("votes:positions.summary", { version: vote.versionNumber, eligible: vote.eligibleCount, quorum: vote.quorumPercent })}{" "}
          <strong>{t(`votes:outcome.${vote.outcome}`)}</strong>
        </p>
        <ResultsChart rule={vote.rule} tally={vote.tally} eligible={vote.eligibleCount} lang={lang} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t("votes:record.delegation")}</th>
              <th scope="col">{t("votes:record.vote")}</th>
              <th scope="col">{t("votes:record.explanation")}</th>
              <th scope="col">{t("votes:record.receipt")}</th>
            </tr>
          </thead>
          <tbody>
            {record.map((r) => (
              <tr key={r.delegationCode}>
                <td>{delegationName(r.delegationCode, lang)}</td>
                <td>{r.choice ? choiceLabel(r.choice) : t("votes:record.didNotVote")}</td>
                <td dir="auto">{r.explanation}</td>
                <td dir="ltr">{r.receipt ? <code className="receipt">{r.receipt}</code> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <OpenDataLinks
        links={[
          ...languages.map((l) => ({
            href: `/${lang}/positions/${proposal.slug}/akn?text=${l.language}`,
            label: "formats.akn",
            values: { language: languageName(l.language) },
            type: "application/akn+xml",
            hrefLang: l.language,
          })),
          { href: `/${lang}/positions/${proposal.slug}/record.csv`, label: "formats.voteRecordCsv", type: "text/csv", download: true },
          { href: `/api/v1/positions/${proposal.slug}`, label: "formats.json", type: "application/json" },
        ]}
      />
      <section className="card" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t("votes:receipt.heading")}</h2>
        <Form method="get" className="inline-form">
          <label htmlFor="receipt">{t("votes:receipt.label")}</label>
          <input id="receipt" name="receipt" defaultValue={receipt} dir="ltr" className="wide" />
          <button type="submit" className="button">
            {t("votes:receipt.check")}
          </button>
        </Form>
        {check ? (
          <p role="status" className={check.found === "counted" ? "alert alert-success" : "alert alert-warning"} data-testid="receipt-result">
            {check.found === "counted"
              ? t("votes:receipt.counted", { delegation: delegationName(check.delegationCode, lang), choice: choiceLabel(check.choice) })
              : t(`votes:receipt.${check.found}`)}
          </p>
        ) : null}
      </section>
    </div>
  );
}

export const meta = metaWithFeeds("positions");
