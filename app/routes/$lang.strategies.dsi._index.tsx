// The Digital Sovereignty Index: what it measures (its indicators, defined in
// one place), the published scores of a year for every delegation, and — for
// a head — their delegation's self-assessments, for the secretariat the
// submissions waiting for publication.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { assessableYears, listAssessmentsFor, publishedForYear, publishedYears } from "~/modules/dsi/assessment.server";
import { DSI_DIMENSIONS, DSI_INDICATORS } from "~/modules/dsi/constants";
import { isOwnHead } from "~/modules/dsi/permissions";
import { overallScore } from "~/modules/dsi/scoring";
import { getUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["strategies", "dsi", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const years = await publishedYears();
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = years.includes(asked) ? asked : (years[0] ?? null);
  const [rows, mine] = await Promise.all([
    year ? publishedForYear(year) : Promise.resolve([]),
    user ? listAssessmentsFor(user) : Promise.resolve({ own: [], queue: [] } as Awaited<ReturnType<typeof listAssessmentsFor>>),
  ]);
  const ownCode = user?.delegation && isOwnHead(user, user.delegation.id) ? user.delegation.code : null;
  const started = new Set(mine.own.map((a) => a.year));
  return json({
    lang,
    year,
    years,
    rows: sortByName(rows, lang).map((r) => ({ ...r, overall: overallScore(r.scores) })),
    own: mine.own,
    queue: mine.queue,
    ownCode,
    startYears: ownCode ? assessableYears().filter((y) => !started.has(y)) : [],
    title: await pageTitle(lang, "index.title", "dsi"),
  });
}

export default function DsiIndex() {
  const { t } = useTranslation(["dsi", "strategies", "common"]);
  const { lang, year, years, rows, own, queue, ownCode, startYears } = useLoaderData<typeof loader>();
  const dsiPath = `/${lang}/strategies/dsi`;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/strategies`}>{t("strategies:list.title")}</Link>
      </p>
      <h1>{t("dsi:index.title")}</h1>
      <p className="lead">{t("dsi:index.intro")}</p>

      {ownCode ? (
        <section className="card" aria-labelledby="own-heading">
          <h2 id="own-heading">{t("dsi:index.own", { delegation: delegationName(ownCode, lang) })}</h2>
          {own.length === 0 ? <p className="muted">{t("dsi:index.noneYet")}</p> : null}
          <ul role="list">
            {own.map((a) => (
              <li key={a.year}>
                <Link to={`${dsiPath}/${ownCode.toLowerCase()}/${a.year}`}>{t("dsi:index.yearLink", { year: a.year })}</Link> —{" "}
                <span className={`status status-${a.status.toLowerCase()}`}>{t(`dsi:status.${a.status}`)}</span>
                {a.returnNote ? <> · {t("dsi:index.returned")}</> : null}
              </li>
            ))}
          </ul>
          {startYears.length ? (
            <Form method="get" action={`${dsiPath}/${ownCode.toLowerCase()}/${startYears[0]}`} className="filters" id="start-assessment">
              {/* Without JavaScript the year picked is sent as ?year= to the first year's page, which redirects. */}
              <div className="field">
                <label htmlFor="start-year">{t("dsi:index.startYear")}</label>
                <select id="start-year" name="year" defaultValue={startYears[0]}>
                  {startYears.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("dsi:index.start")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {queue.length ? (
        <section className="card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t("dsi:index.queue")}</h2>
          <ul role="list">
            {queue.map((q) => (
              <li key={`${q.code}-${q.year}`}>
                <Link to={`${dsiPath}/${q.code.toLowerCase()}/${q.year}`}>
                  {delegationName(q.code, lang)}, {q.year}
                </Link>{" "}
                {q.submittedAt ? (
                  <span className="muted">
                    ({t("dsi:index.submittedOn")} <FormattedDate value={q.submittedAt} lang={lang} />)
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">{year ? t("dsi:index.scoresOf", { year }) : t("dsi:index.scores")}</h2>
        {years.length > 1 ? (
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="year">{t("dsi:index.year")}</label>
              <select id="year" name="year" defaultValue={year ?? undefined}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              {t("dsi:index.show")}
            </button>
          </Form>
        ) : null}
        {rows.length === 0 ? (
          <p className="muted">{t("dsi:index.noScores")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="scores-heading" tabIndex={0}>
            <table className="dsi-scores">
              <thead>
                <tr>
                  <th scope="col">{t("dsi:index.delegation")}</th>
                  {DSI_DIMENSIONS.map((d) => (
                    <th key={d} scope="col">
                      {t(`common:dsi.${d}`)}
                    </th>
                  ))}
                  <th scope="col">{t("dsi:index.overall")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <Link to={`/${lang}/members/${r.code.toLowerCase()}`}>{delegationName(r.code, lang)}</Link>
                    </th>
                    {DSI_DIMENSIONS.map((d) => (
                      <td key={d} className="number">
                        {formatNumber(r.scores[d], lang)}
                      </td>
                    ))}
                    <td className="number">
                      <Link to={`${dsiPath}/${r.code.toLowerCase()}/${year}`}>{formatNumber(r.overall, lang)}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <OpenDataLinks
        links={[
          ...(year
            ? [{ href: `/${lang}/strategies/dsi/scores.csv?year=${year}`, label: "formats.dsiCsvYear", values: { year: String(year) }, type: "text/csv", download: true }]
            : []),
          { href: `/${lang}/strategies/dsi/scores.csv`, label: "formats.dsiCsv", type: "text/csv", download: true },
          { href: "/api/v1/members", label: "formats.json", type: "application/json" },
        ]}
      />
      <section aria-labelledby="method-heading">
        <h2 id="method-heading">{t("dsi:index.method")}</h2>
        <p>{t("dsi:index.methodIntro")}</p>
        {DSI_DIMENSIONS.map((d) => (
          <div key={d} className="card">
            <h3>{t(`common:dsi.${d}`)}</h3>
            <p className="muted">{t(`dsi:dimension.${d}`)}</p>
            <dl className="indicator-list">
              {DSI_INDICATORS.filter((i) => i.dimension === d).map((i) => (
                <div key={i.key}>
                  <dt>
                    {t(`dsi:indicators.${i.key}.label`)} <span className="muted">({t("dsi:index.weight", { weight: formatNumber(i.weight, lang) })})</span>
                  </dt>
                  <dd>{t(`dsi:indicators.${i.key}.description`)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>
    </div>
  );
}

export const meta = titleMeta;
