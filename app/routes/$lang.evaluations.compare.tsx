// Chosen models side by side across the leaderboards most of them are on (one
// benchmark at one task version and n-shot each, so side by side means
// comparable): a grouped bar chart with 95 % intervals and the same numbers as
// a table. Choosing models is a GET form (a multiple select), so the page
// works without JavaScript and every comparison has its own address.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComparisonChart } from "~/components/evaluation/comparison-chart";
import { GroupBadge, languageLabel, metricLabel, Score, settingLabel } from "~/components/evaluation/score";
import { COMPARE_MAX_BENCHMARKS, COMPARE_MAX_MODELS, EVALUATION_LANGUAGES } from "~/modules/evaluation/constants";
import { compareModels } from "~/modules/evaluation/comparison.server";
import { CompareSchema } from "~/modules/evaluation/schemas";
import { listModelOptions } from "~/modules/model/model.server";
import { getUser } from "~/utils/auth.server";
import { directionOf } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { collatorOf } from "~/utils/intl";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const input = CompareSchema.parse({
    models: url.searchParams.getAll("models"),
    language: url.searchParams.get("language") ?? undefined,
    q: url.searchParams.get("q") ?? undefined,
  });
  const [comparison, options] = await Promise.all([compareModels({ viewer: user, slugs: input.models, language: input.language, q: input.q }), listModelOptions()]);
  const cell = new Map(comparison.scores.map((s) => [`${s.modelId}/${s.leaderboardId}`, s]));
  return json({
    lang,
    chosen: input.models,
    language: input.language ?? "",
    q: input.q ?? "",
    options,
    models: comparison.models,
    benchmarks: comparison.boards.map((b) => ({
      ...b,
      cells: comparison.models.map((m) => {
        const s = cell.get(`${m.id}/${b.id}`);
        return s ? { score: s.score, stderr: s.stderr } : null;
      }),
    })),
    title: await pageTitle(lang, "compare.title", "research"),
  });
}

export default function CompareModels() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, chosen, language, q, options, models, benchmarks } = useLoaderData<typeof loader>();
  const collator = collatorOf(lang);
  const languages = [...EVALUATION_LANGUAGES].map((code) => ({ code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>{t("research:compare.title")}</h1>
      <p>{t("research:compare.intro", { models: COMPARE_MAX_MODELS, benchmarks: COMPARE_MAX_BENCHMARKS })}</p>
      <Form method="get" className="filters compare-form" role="search" aria-label={t("research:compare.choose")}>
        <div className="field">
          <label htmlFor="c-models">{t("research:compare.models")}</label>
          <p className="field-hint" id="c-models-hint">
            {t("research:compare.modelsHint", { count: COMPARE_MAX_MODELS })}
          </p>
          <select id="c-models" name="models" multiple size={8} defaultValue={chosen} aria-describedby="c-models-hint">
            {options.map((m) => (
              <option key={m.id} value={m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-q">{t("research:evaluations.searchTask")}</label>
          <input id="c-q" name="q" type="search" defaultValue={q} dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="c-language">{t("research:evaluations.language")}</label>
          <select id="c-language" name="language" defaultValue={language}>
            <option value="">{t("research:filters.any")}</option>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("research:compare.submit")}
        </button>
      </Form>
      {models.length === 0 ? (
        <p className="muted">{t("research:compare.pickModels")}</p>
      ) : benchmarks.length === 0 ? (
        <p>{t("research:compare.noCommon")}</p>
      ) : (
        <>
          <ComparisonChart
            lang={lang}
            rtl={directionOf(lang) === "rtl"}
            models={models.map((m) => m.name)}
            groups={benchmarks.map((b) => ({
              key: b.id,
              label: `${b.task}${b.isGroup ? ` (${t("research:groups.label")})` : ""} · ${metricLabel(b.metric, b.filter)} · ${settingLabel(b, t)}`,
              lowerIsBetter: !b.higherIsBetter,
              values: b.cells,
            }))}
            title={t("research:compare.chartTitle", { models: models.map((m) => m.name).join(", ") })}
            description={t("research:compare.chartDescription")}
          />
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("research:compare.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("research:evaluations.task")}</th>
                  {models.map((m, i) => (
                    <th scope="col" key={m.id}>
                      <span className={`legend-swatch eval-series-${i}`} aria-hidden="true" />{" "}
                      <Link to={`/${lang}/models/${m.slug}`} dir="auto">
                        {m.name}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {benchmarks.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={`/${lang}/evaluations/leaderboards/${b.id}`} dir="ltr">
                        {b.task}
                      </Link>{" "}
                      {b.isGroup ? <GroupBadge /> : null}
                      <div className="muted" dir="ltr">
                        {metricLabel(b.metric, b.filter)} {b.higherIsBetter ? "↑" : "↓"}
                      </div>
                      <div className="muted">{settingLabel(b, t)}</div>
                    </th>
                    {b.cells.map((c, i) => (
                      <td key={i} className="numeric">
                        {c ? <Score value={c.score} stderr={c.stderr} lang={lang} /> : <span className="muted">{t("research:compare.none")}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export const meta = titleMeta;
