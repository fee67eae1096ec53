import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { listUsers } from "~/modules/user/admin.server";
import { ROLES } from "~/modules/user/constants";
import { UserFilterSchema } from "~/modules/user/schemas";
import { requirePermission } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "administer");
  const url = new URL(request.url);
  const filters = UserFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(url);
  const result = await listUsers({ page, query: filters.q || undefined, role: filters.role });
  return json({ lang, page, filters, ...result, title: await pageTitle(lang, "users.title", "admin") });
}

export default function AdminUsers() {
  const { t } = useTranslation(["admin", "common"]);
  const { lang, items, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin`}>
          <BackIcon /> {t("admin:title")}
        </Link>
      </p>
      <h1>{t("admin:users.title")}</h1>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin:users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="role">{t("admin:users.role")}</label>
          <select id="role" name="role" defaultValue={filters.role ?? ""}>
            <option value="">{t("admin:users.anyRole")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("admin:users.filter")}
        </button>
      </Form>
      <p className="muted">{t("admin:users.count", { count: total })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin:users.name")}</th>
            <th scope="col">{t("admin:users.email")}</th>
            <th scope="col">{t("admin:users.role")}</th>
            <th scope="col">{t("admin:users.delegation")}</th>
            <th scope="col">{t("admin:users.state")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/${lang}/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td dir="ltr">{u.email}</td>
              <td>{t(`common:roles.${u.role}`)}</td>
              <td>{u.delegation ? delegationName(u.delegation.code, lang) : "—"}</td>
              <td>
                {u.disabledAt ? t("admin:users.disabled") : t("admin:users.active")}
                {u.totpEnabledAt ? ` · ${t("admin:users.twoFactorOn")}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
