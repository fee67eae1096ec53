// The directory of delegations, grouped by status, in the UI language's order.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { DELEGATION_STATUSES } from "~/modules/delegation/constants";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["members"], cache: PUBLIC_PAGE };

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const delegations = await listDelegations();
  const groups = DELEGATION_STATUSES.map((status) => ({
    status,
    delegations: sortByName(
      delegations.filter((d) => d.status === status),
      lang,
    ).map((d) => ({ code: d.code, people: d._count.users })),
  }));
  return json({ lang, groups, title: await pageTitle(lang, "directory.title", "members") });
}

export default function MembersDirectory() {
  const { t } = useTranslation(["members", "common"]);
  const { lang, groups } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("members:directory.title")}</h1>
      <p>{t("members:directory.intro")}</p>
      {groups.map((group) => (
        <section key={group.status} aria-labelledby={`group-${group.status}`}>
          <h2 id={`group-${group.status}`}>
            {t(`common:delegationStatus.plural.${group.status}`)} <span className="muted">({t("members:directory.count", { count: group.delegations.length })})</span>
          </h2>
          <p className="muted">{t(`members:directory.statusExplained.${group.status}`)}</p>
          {group.delegations.length === 0 ? (
            <p className="muted">{t("members:directory.none")}</p>
          ) : (
            <ul role="list" className="card-grid">
              {group.delegations.map((d) => (
                <li key={d.code} className="card">
                  <Link to={`/${lang}/members/${d.code.toLowerCase()}`} className="card-title">
                    {delegationName(d.code, lang)}
                  </Link>
                  <p className="muted">
                    <span dir="ltr">{d.code}</span> · {t("members:directory.people", { count: d.people })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

export const meta = titleMeta;
