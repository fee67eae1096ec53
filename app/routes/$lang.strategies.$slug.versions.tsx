// The history of a strategy and a word-level comparison of any two versions
// the reader may see (readers outside the delegation: up to the published one).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Diff } from "~/components/ui/diff";
import { languageName, StrategyHeader } from "~/components/strategy/strategy-header";
import { FormattedDate } from "~/components/ui/formatted";
import { getVersionText, listVersions } from "~/modules/strategy/strategy.server";
import { loadStrategyPage, pageParams } from "~/modules/strategy/view.server";
import { diffSections, diffWords } from "~/modules/text/diff";
import { getUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "documents"] };

function versionParam(url: URL, name: string, max: number): number | null {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user, textLanguage: pageParams(url).textLanguage }).catch(throwAsResponse);
  const { strategy } = page;
  const upTo = strategy.readableVersion;
  const versions = await listVersions(strategy.id, upTo);
  const from = versionParam(url, "from", upTo);
  const to = versionParam(url, "to", upTo);
  let comparison = null;
  if (from && to && from !== to) {
    // Versions are compared in the original language, the text the delegation adopted.
    const [a, b] = await Promise.all([
      getVersionText({ strategyId: strategy.id, number: from, language: strategy.originalLanguage }),
      getVersionText({ strategyId: strategy.id, number: to, language: strategy.originalLanguage }),
    ]);
    comparison = {
      from,
      to,
      title: diffWords(a.text.title, b.text.title),
      summary: diffWords(a.text.summary, b.text.summary),
      issuingAuthority: diffWords(a.text.issuingAuthority, b.text.issuingAuthority),
      sections: diffSections(a.text.sections, b.text.sections),
      metadata: {
        adoptedOn: [a.version.adoptedOn, b.version.adoptedOn] as const,
        dimensions: { added: b.version.dimensions.filter((d) => !a.version.dimensions.includes(d)), removed: a.version.dimensions.filter((d) => !b.version.dimensions.includes(d)) },
        sectors: { added: b.version.sectors.filter((s) => !a.version.sectors.includes(s)), removed: a.version.sectors.filter((s) => !b.version.sectors.includes(s)) },
      },
    };
  }
  return json({
    lang,
    ...page,
    versions: versions.map((v) => ({ number: v.number, changeNote: v.changeNote, createdAt: v.createdAt, authorName: v.author.name, languages: v.texts.map((x) => x.language) })),
    from: from ?? Math.max(1, upTo - 1),
    to: to ?? upTo,
    comparison,
    title: `${page.current.text.title} · Concord`,
  });
}

export default function StrategyVersions() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategy, current, may, versions, from, to, comparison } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <StrategyHeader
        lang={lang}
        strategy={strategy}
        text={current.text}
        languages={current.languages}
        isFallback={current.isFallback}
        may={may}
        languageLinkBase={`/${lang}/strategies/${strategy.slug}/versions`}
      />
      <h2>{t("strategies:versions.heading")}</h2>
      {versions.length > 1 ? (
        <Form method="get" className="filters" aria-label={t("strategies:versions.compare")}>
          <div className="field">
            <label htmlFor="from">{t("strategies:versions.from")}</label>
            <select id="from" name="from" defaultValue={from}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {t("strategies:versions.label", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="to">{t("strategies:versions.to")}</label>
            <select id="to" name="to" defaultValue={to}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {t("strategies:versions.label", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("strategies:versions.compare")}
          </button>
        </Form>
      ) : null}
      {comparison ? (
        <section className="diff card" aria-labelledby="diff-heading" lang={strategy.originalLanguage}>
          <h3 id="diff-heading" lang={lang}>
            {t("strategies:versions.comparing", { from: comparison.from, to: comparison.to })}
          </h3>
          <p className="diff-legend" lang={lang}>
            <ins>{t("strategies:diff.added")}</ins> <del>{t("strategies:diff.removed")}</del>
          </p>
          <p dir="auto" className="diff-title">
            <strong>
              <Diff parts={comparison.title} />
            </strong>
          </p>
          <p dir="auto" className="plain-text">
            <Diff parts={comparison.summary} />
          </p>
          <p dir="auto">
            <Diff parts={comparison.issuingAuthority} />
          </p>
          <ul lang={lang} className="diff-metadata">
            {comparison.metadata.dimensions.added.map((d) => (
              <li key={`+${d}`}>
                <ins>{t(`common:dsi.${d}`)}</ins>
              </li>
            ))}
            {comparison.metadata.dimensions.removed.map((d) => (
              <li key={`-${d}`}>
                <del>{t(`common:dsi.${d}`)}</del>
              </li>
            ))}
            {comparison.metadata.sectors.added.map((s) => (
              <li key={`+${s}`}>
                <ins>{t(`strategies:sector.${s}`)}</ins>
              </li>
            ))}
            {comparison.metadata.sectors.removed.map((s) => (
              <li key={`-${s}`}>
                <del>{t(`strategies:sector.${s}`)}</del>
              </li>
            ))}
            {comparison.metadata.adoptedOn[0] !== comparison.metadata.adoptedOn[1] ? (
              <li>
                {t("strategies:page.adoptedOn")}:{" "}
                {comparison.metadata.adoptedOn[0] ? (
                  <del>
                    <FormattedDate value={comparison.metadata.adoptedOn[0]} lang={lang} />
                  </del>
                ) : null}{" "}
                {comparison.metadata.adoptedOn[1] ? (
                  <ins>
                    <FormattedDate value={comparison.metadata.adoptedOn[1]} lang={lang} />
                  </ins>
                ) : null}
              </li>
            ) : null}
          </ul>
          {comparison.sections.map((s) => (
            <div key={s.key} className={`diff-section diff-${s.change}`}>
              <h4 dir="auto">
                <Diff parts={s.heading} />{" "}
                <span className="muted" lang={lang}>
                  ({t(`strategies:diff.${s.change}`)})
                </span>
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
            <th scope="col">{t("strategies:versions.number")}</th>
            <th scope="col">{t("strategies:versions.saved")}</th>
            <th scope="col">{t("strategies:versions.author")}</th>
            <th scope="col">{t("strategies:versions.note")}</th>
            <th scope="col">{t("strategies:versions.languages")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <td>
                <Link to={`/${lang}/strategies/${strategy.slug}?version=${v.number}`}>{t("strategies:versions.label", { number: v.number })}</Link>
                {v.number === strategy.publishedVersion ? <> ({t("strategies:page.publishedVersion")})</> : null}
              </td>
              <td>
                <FormattedDate value={v.createdAt} lang={lang} withTime />
              </td>
              <td>{v.authorName}</td>
              <td dir="auto">{v.changeNote}</td>
              <td>{v.languages.map(languageName).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta = titleMeta;
