// The model registry: every registered model, filtered by family, open
// weights or name; paginated. Public, like model cards.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatParameters } from "~/components/evaluation/score";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { listFamilies, listModels } from "~/modules/model/model.server";
import { ModelFilterSchema } from "~/modules/model/schemas";
import { getUser } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = ModelFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [result, families] = await Promise.all([
    listModels({ page, family: filters.family, openWeights: filters.open === undefined ? undefined : filters.open === "yes", q: filters.q }),
    listFamilies(),
  ]);
  return json({
    lang,
    items: result.items.map((m) => ({ ...m, parameterCount: m.parameterCount === null ? null : m.parameterCount.toString() })),
    total: result.total,
    page,
    pageSize: result.pageSize,
    filters,
    families,
    mayRegister: can(user, "submitResearch"),
    title: await pageTitle(lang, "models.title", "research"),
  });
}

export default function ModelList() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, items, total, page, pageSize, filters, families, mayRegister } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("research:models.title")}</h1>
        {mayRegister ? (
          <Link to={`/${lang}/models/new`} className="button">
            {t("research:models.register")}
          </Link>
        ) : null}
      </div>
      <p>{t("research:models.intro")}</p>
      <p>
        <Link to={`/${lang}/evaluations`}>{t("research:models.toLeaderboards")}</Link>
      </p>
      <Form method="get" className="filters" role="search" aria-label={t("research:filters.label")}>
        <div className="field">
          <label htmlFor="f-q">{t("research:models.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-family">{t("research:models.family")}</label>
          <select id="f-family" name="family" defaultValue={filters.family ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-open">{t("research:models.openWeights")}</label>
          <select id="f-open" name="open" defaultValue={filters.open ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            <option value="yes">{t("research:models.openYes")}</option>
            <option value="no">{t("research:models.openNo")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("research:filters.apply")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("research:models.count", { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("research:models.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("research:models.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("research:models.name")}</th>
                <th scope="col">{t("research:models.family")}</th>
                <th scope="col">{t("research:models.parameters")}</th>
                <th scope="col">{t("research:models.license")}</th>
                <th scope="col">{t("research:models.openWeights")}</th>
                <th scope="col">{t("research:models.origin")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/${lang}/models/${m.slug}`} dir="auto">
                      {m.name}
                    </Link>
                  </th>
                  <td dir="auto">{m.family}</td>
                  <td className="numeric">{formatParameters(m.parameterCount, lang) ?? "—"}</td>
                  <td dir="auto">{m.license}</td>
                  <td>{m.openWeights ? t("research:models.openYes") : t("research:models.openNo")}</td>
                  <td>
                    <span dir="auto">{m.developer}</span>
                    {m.originCountry ? <span className="muted"> · {delegationName(m.originCountry, lang)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
