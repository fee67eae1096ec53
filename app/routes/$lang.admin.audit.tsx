// The audit log for the secretariat: newest first, and the chain recomputed on request.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/ui/formatted";
import { AUDIT_PAGE_SIZE, listAuditEvents, verifyAuditChain } from "~/modules/audit/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "readAuditLog");
  const url = new URL(request.url);
  const beforeParam = url.searchParams.get("before");
  const before = beforeParam && /^\d{1,18}$/.test(beforeParam) ? BigInt(beforeParam) : undefined;
  const events = await listAuditEvents({ before });
  const verification = url.searchParams.get("verify") ? await verifyAuditChain() : null;
  return json({
    lang,
    events: events.map((e) => ({
      seq: e.seq.toString(),
      occurredAt: e.occurredAt,
      act: e.act,
      objectType: e.objectType,
      objectId: e.objectId,
      actorId: e.actorId,
      data: JSON.stringify(e.data),
      hash: e.hash,
    })),
    nextBefore: events.length === AUDIT_PAGE_SIZE ? events[events.length - 1]!.seq.toString() : null,
    verification: verification ? { ok: verification.ok, count: verification.count, brokenAt: verification.ok ? null : verification.brokenAt.toString() } : null,
    title: await pageTitle(lang, "audit.title", "admin"),
  });
}

export default function AuditLog() {
  const { t } = useTranslation(["admin", "common"]);
  const { lang, events, nextBefore, verification } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin`}>
          <BackIcon /> {t("admin:title")}
        </Link>
      </p>
      <h1>{t("admin:audit.title")}</h1>
      <p>{t("admin:audit.intro")}</p>
      <Form method="get">
        <input type="hidden" name="verify" value="1" />
        <button type="submit" className="button">
          {t("admin:audit.verify")}
        </button>
      </Form>
      {verification ? (
        verification.ok ? (
          <p className="alert alert-success" role="status" data-testid="audit-verification">
            {t("admin:audit.intact", { count: verification.count })}
          </p>
        ) : (
          <p className="alert alert-error" role="alert" data-testid="audit-verification">
            {t("admin:audit.broken", { seq: verification.brokenAt, count: verification.count })}
          </p>
        )
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("admin:audit.time")}</th>
            <th scope="col">{t("admin:audit.act")}</th>
            <th scope="col">{t("admin:audit.object")}</th>
            <th scope="col">{t("admin:audit.data")}</th>
            <th scope="col">{t("admin:audit.hash")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>
                <FormattedDate value={e.occurredAt} lang={lang} withTime />
              </td>
              <td>
                <code>{e.act}</code>
              </td>
              <td dir="ltr">
                {e.objectType}/{e.objectId.slice(0, 8)}
              </td>
              <td dir="ltr" className="truncate">
                <code>{e.data}</code>
              </td>
              <td dir="ltr">
                <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBefore ? (
        <p>
          <Link to={`?before=${nextBefore}`}>{t("admin:audit.older")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
