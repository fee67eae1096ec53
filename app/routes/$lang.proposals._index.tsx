// Proposals a member may see: filters by status, lead, topic and language;
// newest activity first; paginated.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/proposal/proposal-header";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { DSI_DIMENSIONS, PROPOSAL_STATUSES } from "~/modules/proposal/constants";
import { assertMayRead, listProposals } from "~/modules/proposal/proposal.server";
import { ProposalFilterSchema } from "~/modules/proposal/schemas";
import { requireUser } from "~/utils/auth.server";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  try {
    assertMayRead(user);
  } catch (error) {
    throwAsResponse(error);
  }
  const url = new URL(request.url);
  const filters = ProposalFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const [result, delegations] = await Promise.all([
    listProposals({ page, status: filters.status, leadCode: filters.lead, topic: filters.topic, language: filters.language }),
    listDelegations(),
  ]);
  const items = result.items.map((p) => {
    const inLang = p.titles.find((t) => t.language === lang) ?? p.titles.find((t) => t.kind === "ORIGINAL") ?? p.titles[0];
    return {
      slug: p.slug,
      status: p.status,
      topics: p.topics,
      leadCode: p.leadDelegation.code,
      lastActivityAt: p.lastActivityAt,
      consultationEndsAt: p.consultationEndsAt,
      title: inLang?.title ?? p.slug,
      titleLanguage: inLang?.language ?? p.originalLanguage,
      languages: p.titles.map((t) => t.language),
    };
  });
  return json({
    lang,
    items,
    total: result.total,
    page,
    pageSize: result.pageSize,
    filters,
    mayCreate: can(user, "draftForDelegation"),
    delegations: sortByName(
      delegations.filter((d) => d.status !== "OBSERVER"),
      lang,
    ).map((d) => d.code),
    title: await pageTitle(lang, "list.title", "proposals"),
  });
}

export default function ProposalList() {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, items, total, page, pageSize, filters, mayCreate, delegations } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("proposals:list.title")}</h1>
        {mayCreate ? (
          <Link to={`/${lang}/proposals/new`} className="button">
            {t("proposals:list.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("proposals:list.filters")}>
        <div className="field">
          <label htmlFor="f-status">{t("proposals:list.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("proposals:list.any")}</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`proposals:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-lead">{t("proposals:list.lead")}</label>
          <select id="f-lead" name="lead" defaultValue={filters.lead ?? ""}>
            <option value="">{t("proposals:list.any")}</option>
            {delegations.map((code) => (
              <option key={code} value={code}>
                {delegationName(code, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-topic">{t("proposals:list.topic")}</label>
          <select id="f-topic" name="topic" defaultValue={filters.topic ?? ""}>
            <option value="">{t("proposals:list.any")}</option>
            {DSI_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`common:dsi.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-language">{t("proposals:list.language")}</label>
          <select id="f-language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("proposals:list.any")}</option>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("proposals:list.apply")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("proposals:list.count", { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("proposals:list.none")}</p>
      ) : (
        <ul role="list" className="proposal-list">
          {items.map((p) => (
            <li key={p.slug} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/proposals/${p.slug}`} lang={p.titleLanguage} dir="auto">
                  {p.title}
                </Link>
              </h2>
              <p className="meta">
                <StatusBadge status={p.status} /> · {delegationName(p.leadCode, lang)} · {t("proposals:list.lastActivity")} <FormattedDate value={p.lastActivityAt} lang={lang} />
              </p>
              <p className="muted">
                {p.topics.map((d) => t(`common:dsi.${d}`)).join(" · ")} — {p.languages.map((l) => l.toUpperCase()).join(" ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
