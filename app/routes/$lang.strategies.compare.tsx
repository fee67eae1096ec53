// Two to four strategies side by side, aligned by DSI dimension: a reader sees
// at a glance how each treats data ownership, infrastructure, governance and
// capability. Strategies are chosen in the URL (?ids=…, ids or slugs) or with
// the pickers below, which work without JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/components/document/language-list";
import { StrategyStatus } from "~/components/strategy/strategy-header";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { COMPARE_MAX, COMPARE_MIN, DSI_DIMENSIONS } from "~/modules/strategy/constants";
import { compareIds } from "~/modules/strategy/schemas";
import { compareOptions, compareStrategies } from "~/modules/strategy/strategy.server";
import { getUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["strategies"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const ids = compareIds(new URL(request.url));
  const tooMany = ids.length > COMPARE_MAX;
  const [strategies, options] = await Promise.all([tooMany ? Promise.resolve([]) : compareStrategies({ user, ids, lang }), compareOptions({ user, lang })]);
  return json({
    lang,
    strategies,
    options,
    chosen: strategies.map((s) => s.id),
    problem: tooMany ? ("tooMany" as const) : ids.length > 0 && strategies.length < COMPARE_MIN ? ("tooFew" as const) : null,
    title: await pageTitle(lang, "compare.title", "strategies"),
  });
}

export default function CompareStrategies() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategies, options, chosen, problem } = useLoaderData<typeof loader>();
  const showing = strategies.length >= COMPARE_MIN;
  return (
    <div className="page compare-page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/strategies`}>{t("strategies:list.title")}</Link>
      </p>
      <h1>{t("strategies:compare.title")}</h1>
      <p className="lead">{t("strategies:compare.intro")}</p>
      {problem ? (
        <p className="alert alert-warning" role="alert">
          {t(`strategies:compare.${problem}`, { min: COMPARE_MIN, max: COMPARE_MAX })}
        </p>
      ) : null}
      <Form method="get" className="filters compare-pickers" aria-label={t("strategies:compare.choose")}>
        {Array.from({ length: COMPARE_MAX }, (_, i) => (
          <div className="field" key={`${i}-${chosen[i] ?? ""}`}>
            <label htmlFor={`pick-${i}`}>{t("strategies:compare.pick", { number: i + 1 })}</label>
            <select id={`pick-${i}`} name="ids" defaultValue={chosen[i] ?? ""}>
              <option value="">{t("strategies:compare.none")}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {delegationName(o.delegationCode, lang)} — {o.title}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button">
          {t("strategies:compare.submit")}
        </button>
      </Form>
      {showing ? (
        <div className="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
          <table className="compare-table">
            <caption id="compare-caption">{t("strategies:compare.caption", { count: strategies.length })}</caption>
            <thead>
              <tr>
                <td />
                {strategies.map((s) => (
                  <th key={s.id} scope="col">
                    <Link to={`/${lang}/strategies/${s.slug}`} lang={s.text.language} dir="auto">
                      {s.text.title}
                    </Link>
                    <br />
                    <span className="meta">{delegationName(s.delegationCode, lang)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("strategies:compare.status")}</th>
                {strategies.map((s) => (
                  <td key={s.id}>
                    <StrategyStatus status={s.status} />
                    {!s.published ? <> · {t("strategies:compare.unpublished")}</> : null}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t("strategies:page.issuingAuthority")}</th>
                {strategies.map((s) => (
                  <td key={s.id} lang={s.text.language} dir="auto">
                    {s.text.issuingAuthority}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t("strategies:page.adoptedOn")}</th>
                {strategies.map((s) => (
                  <td key={s.id}>{s.adoptedOn ? <FormattedDate value={s.adoptedOn} lang={lang} /> : t("strategies:page.notAdopted")}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t("strategies:compare.summary")}</th>
                {strategies.map((s) => (
                  <td key={s.id} lang={s.text.language} dir="auto">
                    {s.text.summary}
                    {s.isFallback ? (
                      <p className="muted" lang={lang} dir="auto">
                        {t("strategies:compare.fallback", { language: languageName(s.text.language) })}
                      </p>
                    ) : null}
                  </td>
                ))}
              </tr>
              {DSI_DIMENSIONS.map((d) => (
                <tr key={d} className="compare-dimension" data-dimension={d}>
                  <th scope="row">{t(`common:dsi.${d}`)}</th>
                  {strategies.map((s) => (
                    <td key={s.id} lang={s.dimensions.includes(d) ? s.text.language : lang} dir="auto" className={s.dimensions.includes(d) ? "covered" : "not-covered"}>
                      {s.dimensions.includes(d) ? s.text.dimensionNotes[d] : t("strategies:compare.notCovered")}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t("strategies:page.sectors")}</th>
                {strategies.map((s) => (
                  <td key={s.id}>{s.sectors.length ? s.sectors.map((x) => t(`strategies:sector.${x}`)).join(", ") : t("strategies:page.noSectors")}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ) : !problem ? (
        <p className="muted">{t("strategies:compare.empty", { min: COMPARE_MIN, max: COMPARE_MAX })}</p>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
