// The dataset catalogue: every catalogued dataset with its sovereignty
// metadata; filters by data language, access level, modality, steward and
// name; paginated. Entries are public; the data follows each access level.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { AccessBadge, DataLanguages, formatBytes, Residency, TransferBadge } from "~/components/dataset/dataset-badges";
import { DemoBadge, languageLabel } from "~/components/evaluation/score";
import { Pagination } from "~/components/ui/pagination";
import { DATA_LANGUAGES, DATASET_ACCESS, MODALITIES } from "~/modules/dataset/constants";
import { listDatasets } from "~/modules/dataset/dataset.server";
import { mayCreateDataset } from "~/modules/dataset/permissions";
import { DatasetFilterSchema } from "~/modules/dataset/schemas";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { getUser } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { collatorOf } from "~/utils/intl";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = DatasetFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [result, delegations] = await Promise.all([
    listDatasets({ page, lang, language: filters.language, access: filters.access, modality: filters.modality, stewardCode: filters.steward, q: filters.q }),
    listDelegations(),
  ]);
  return json({
    lang,
    items: result.items.map((d) => ({ ...d, sizeBytes: d.sizeBytes?.toString() ?? null, recordCount: d.recordCount?.toString() ?? null })),
    total: result.total,
    page,
    pageSize: result.pageSize,
    filters,
    stewards: sortByName(delegations, lang).map((d) => d.code),
    mayCreate: mayCreateDataset(user),
    title: await pageTitle(lang, "datasets.title", "research"),
  });
}

/** The list's filters as a query string, for the CSV of the same selection. */
function filterQuery(filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return query ? `?${query}` : "";
}

export default function DatasetCatalogue() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, items, total, page, pageSize, filters, stewards, mayCreate } = useLoaderData<typeof loader>();
  const collator = collatorOf(lang);
  const languages = [...DATA_LANGUAGES].map((code) => ({ code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("research:datasets.title")}</h1>
        {mayCreate ? (
          <Link to={`/${lang}/datasets/new`} className="button">
            {t("research:datasets.create")}
          </Link>
        ) : null}
      </div>
      <p>{t("research:datasets.intro")}</p>
      <Form method="get" className="filters" role="search" aria-label={t("research:filters.label")}>
        <div className="field">
          <label htmlFor="f-q">{t("research:datasets.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-language">{t("research:datasets.dataLanguage")}</label>
          <select id="f-language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-access">{t("research:datasets.accessLabel")}</label>
          <select id="f-access" name="access" defaultValue={filters.access ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            {DATASET_ACCESS.map((a) => (
              <option key={a} value={a}>
                {t(`research:datasets.access.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-modality">{t("research:datasets.modalityLabel")}</label>
          <select id="f-modality" name="modality" defaultValue={filters.modality ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {t(`research:datasets.modality.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-steward">{t("research:datasets.steward")}</label>
          <select id="f-steward" name="steward" defaultValue={filters.steward ?? ""}>
            <option value="">{t("research:filters.any")}</option>
            {stewards.map((code) => (
              <option key={code} value={code}>
                {delegationName(code, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("research:filters.apply")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("research:datasets.count", { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("research:datasets.none")}</p>
      ) : (
        <ul role="list" className="dataset-list">
          {items.map((d) => (
            <li key={d.id} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/datasets/${d.slug}`} lang={d.nameLanguage} dir="auto">
                  {d.name}
                </Link>{" "}
                {d.isDemo ? <DemoBadge /> : null}
              </h2>
              <p className="meta">
                <AccessBadge access={d.access} /> <TransferBadge crossBorder={d.crossBorder} /> ·{" "}
                {t("research:datasets.stewardedBy", { delegation: delegationName(d.steward.code, lang) })}
              </p>
              <dl className="facts compact">
                <dt>{t("research:datasets.residency")}</dt>
                <dd>
                  <Residency country={d.residencyCountry} lang={lang} />
                </dd>
                <dt>{t("research:datasets.dataLanguages")}</dt>
                <dd>
                  <DataLanguages languages={d.languages} lang={lang} />
                </dd>
                <dt>{t("research:datasets.modalityLabel")}</dt>
                <dd>{t(`research:datasets.modality.${d.modality}`)}</dd>
                {d.sizeBytes !== null ? (
                  <>
                    <dt>{t("research:datasets.size")}</dt>
                    <dd>{formatBytes(d.sizeBytes, lang)}</dd>
                  </>
                ) : null}
                <dt>{t("research:datasets.license")}</dt>
                <dd dir="auto">{d.license}</dd>
                <dt>{t("research:files.title")}</dt>
                <dd>{t("research:files.count", { count: d.fileCount })}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
      <OpenDataLinks
        links={[
          {
            href: `/${lang}/datasets.csv${filterQuery(filters)}`,
            label: "formats.datasetsCsv",
            type: "text/csv",
            download: true,
          },
          { href: "/api/v1/datasets", label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = titleMeta;
