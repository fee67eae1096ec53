import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getAdminOverview } from "~/modules/user/admin.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "administer");
  return json({ lang, overview: await getAdminOverview(), title: await pageTitle(lang, "title", "admin") });
}

export default function AdminHome() {
  const { t } = useTranslation("admin");
  const { lang, overview } = useLoaderData<typeof loader>();
  const sections = [
    { to: "delegations", label: t("delegations.title"), detail: t("overview.delegations", { count: overview.delegations }) },
    { to: "users", label: t("users.title"), detail: t("overview.users", { count: overview.users }) },
    { to: "invitations", label: t("invitations.title"), detail: t("overview.openInvitations", { count: overview.openInvitations }) },
    { to: "audit", label: t("audit.title"), detail: t("overview.auditEvents", { count: overview.auditEvents }) },
  ];
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <ul role="list" className="card-grid">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <Link to={`/${lang}/admin/${s.to}`} className="card-title">
              {s.label}
            </Link>
            <p className="muted">{s.detail}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta = titleMeta;
