// The mail outbox as the secretariat reads it: every mail, rendered as its
// recipient gets it (their language, text version), with its delivery state.
// Without SMTP_URL (the demo) nothing leaves, and this is where it shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { listOutbox, OUTBOX_STATUSES } from "~/modules/mail/outbox.server";
import { formatInZone } from "~/modules/notification/format";
import { requirePermission } from "~/utils/auth.server";
import { directionOf } from "~/utils/i18n";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["notifications", "admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "administer");
  const url = new URL(request.url);
  const page = pageParam(url);
  const wanted = url.searchParams.get("status");
  const status = (OUTBOX_STATUSES as readonly string[]).includes(wanted ?? "") ? (wanted as (typeof OUTBOX_STATUSES)[number]) : undefined;
  const timeZone = user.timeZone;
  const outbox = await listOutbox({ page, status });
  return json({
    lang,
    page,
    status: status ?? "",
    ...outbox,
    items: outbox.items.map((i) => ({
      ...i,
      created: formatInZone(i.createdAt, lang, timeZone),
      sent: i.sentAt ? formatInZone(i.sentAt, lang, timeZone) : null,
      mail: i.mail ? { to: i.mail.to, language: i.mail.language, subject: i.mail.subject, text: i.mail.text, headers: i.mail.headers } : null,
    })),
    title: await pageTitle(lang, "outbox.title", "notifications"),
  });
}

export default function Outbox() {
  const { t } = useTranslation(["notifications", "admin"]);
  const { lang, items, total, page, pageSize, status } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin`}>
          <BackIcon /> {t("dashboard.title")}
        </Link>
      </p>
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="status">{t("outbox.filter")}</label>{" "}
        <select id="status" name="status" defaultValue={status}>
          <option value="">{t("outbox.all")}</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`outbox.statuses.${s}`)}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button-secondary">
          {t("outbox.show")}
        </button>
      </Form>
      {items.length === 0 ? <p className="muted">{t("outbox.none")}</p> : null}
      <ul role="list" className="outbox" data-testid="outbox">
        {items.map((i) => (
          <li key={i.id} className="card">
            <p>
              <strong>{t(`outbox.statuses.${i.status}`)}</strong> · {t(`outbox.kinds.${i.kind}`)} · {i.created}
              {i.attempts ? <> · {t("outbox.attempts", { count: i.attempts })}</> : null}
              {i.lastError ? <span className="muted"> · {i.lastError}</span> : null}
            </p>
            {i.mail ? (
              <>
                <p>
                  {t("outbox.to")}: <span dir="ltr">{i.mail.to}</span>
                </p>
                <p lang={i.mail.language} dir={directionOf(i.mail.language)}>
                  {t("outbox.subject")}: <strong>{i.mail.subject}</strong>
                </p>
                <details>
                  <summary>{t("outbox.body")}</summary>
                  <pre lang={i.mail.language} dir={directionOf(i.mail.language)} className="mail-text">
                    {i.mail.text}
                  </pre>
                </details>
              </>
            ) : (
              <p className="muted">{t("outbox.removed")}</p>
            )}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
