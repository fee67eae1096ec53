// The history of a proposal, and a word-level comparison of any two versions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { Diff } from "~/components/ui/diff";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { getVersionText, listVersions } from "~/modules/proposal/proposal.server";
import { loadProposalPage } from "~/modules/proposal/view.server";
import { diffSections, diffWords } from "~/modules/text/diff";
import { requireUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals"] };

function versionParam(url: URL, name: string, max: number): number | null {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadProposalPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  const { proposal } = page;
  const versions = await listVersions(proposal.id);
  const url = new URL(request.url);
  const from = versionParam(url, "from", proposal.currentVersion);
  const to = versionParam(url, "to", proposal.currentVersion);
  let comparison = null;
  if (from && to && from !== to) {
    // Versions are compared in the original language, the text that was negotiated.
    const [a, b] = await Promise.all([
      getVersionText({ proposalId: proposal.id, number: from, language: proposal.originalLanguage }),
      getVersionText({ proposalId: proposal.id, number: to, language: proposal.originalLanguage }),
    ]);
    comparison = {
      from,
      to,
      title: diffWords(a.text.title, b.text.title),
      sections: diffSections(a.text.sections, b.text.sections),
    };
  }
  return json({
    lang,
    ...page,
    versions,
    from: from ?? Math.max(1, proposal.currentVersion - 1),
    to: to ?? proposal.currentVersion,
    comparison,
    title: `${page.current.text.title} · Concord`,
  });
}

export default function Versions() {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, proposal, current, may, versions, from, to, comparison } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("proposals:versions.heading")}</h2>
      {versions.length > 1 ? (
        <Form method="get" className="filters" aria-label={t("proposals:versions.compare")}>
          <div className="field">
            <label htmlFor="from">{t("proposals:versions.from")}</label>
            <select id="from" name="from" defaultValue={from}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {t("proposals:versions.label", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="to">{t("proposals:versions.to")}</label>
            <select id="to" name="to" defaultValue={to}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {t("proposals:versions.label", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("proposals:versions.compare")}
          </button>
        </Form>
      ) : null}
      {comparison ? (
        <section className="diff card" aria-labelledby="diff-heading" lang={proposal.originalLanguage}>
          <h3 id="diff-heading" lang={lang}>
            {t("proposals:versions.comparing", { from: comparison.from, to: comparison.to })}
          </h3>
          <p className="diff-legend" lang={lang}>
            <ins>{t("proposals:diff.added")}</ins> <del>{t("proposals:diff.removed")}</del>
          </p>
          <p dir="auto" className="diff-title">
            <Diff parts={comparison.title} />
          </p>
          {comparison.sections.map((s) => (
            <div key={s.key} className={`diff-section diff-${s.change}`}>
              <h4 dir="auto">
                <Diff parts={s.heading} /> <span className="muted" lang={lang}>({t(`proposals:diff.${s.change}`)})</span>
              </h4>
              <p dir="auto" className="plain-text">
                <Diff parts={s.body} />
              </p>
            </div>
          ))}
        </section>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("proposals:versions.number")}</th>
            <th scope="col">{t("proposals:versions.saved")}</th>
            <th scope="col">{t("proposals:versions.author")}</th>
            <th scope="col">{t("proposals:versions.note")}</th>
            <th scope="col">{t("proposals:versions.sponsors")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <td>{v.number}</td>
              <td>
                <FormattedDate value={v.createdAt} lang={lang} withTime />
              </td>
              <td>{v.author.name}</td>
              <td dir="auto">
                {v.creditedDelegation ? `${t("proposals:aside.credited", { delegation: delegationName(v.creditedDelegation.code, lang) })} ` : ""}
                {v.changeNote}
              </td>
              <td>{v._count.sponsors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta = titleMeta;
