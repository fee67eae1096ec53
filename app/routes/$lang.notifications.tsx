// The notification centre: every notice of the signed-in person, newest first,
// each naming its object in the reader's language and linking to it; mark one
// or all read. Paginated; works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { NoticeSentence } from "~/components/notification/notice";
import { listNotifications, markNotificationRead, markNotificationsRead } from "~/modules/notification/notification.server";
import { presentNotices } from "~/modules/notification/present.server";
import { NoticeActionSchema } from "~/modules/notification/schemas";
import { formatInZone } from "~/modules/notification/format";
import { requirePermission } from "~/utils/auth.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["notifications"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const page = pageParam(new URL(request.url));
  const timeZone = user.timeZone;
  const list = await listNotifications({ userId: user.id, page });
  const notices = await presentNotices(list.items, { lang, timeZone });
  return json({
    lang,
    page,
    total: list.total,
    pageSize: list.pageSize,
    notices: notices.map((n) => ({ ...n, when: formatInZone(n.createdAt, lang, timeZone) })),
    title: await pageTitle(lang, "centre.title", "notifications"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const parsed = NoticeActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  if (parsed.data.intent === "markRead") await markNotificationRead({ userId: user.id, notificationId: parsed.data.notificationId });
  else await markNotificationsRead(user.id);
  const page = pageParam(new URL(request.url));
  return redirect(`/${lang}/notifications${page > 1 ? `?page=${page}` : ""}`);
}

export default function NotificationCentre() {
  const { t } = useTranslation("notifications");
  const { lang, notices, total, page, pageSize } = useLoaderData<typeof loader>();
  const unread = notices.filter((n) => !n.readAt).length;
  return (
    <div className="page">
      <h1>{t("centre.title")}</h1>
      <p>
        <Link to={`/${lang}/account/notifications`}>{t("centre.preferences")}</Link>
      </p>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="markAllRead" />
          <button type="submit" className="button button-secondary">
            {t("centre.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notices.length === 0 ? (
        <p className="muted">{t("centre.none")}</p>
      ) : (
        <ul role="list" className="notices" data-testid="notices">
          {notices.map((n) => (
            <li key={n.id} className={n.readAt ? "notice" : "notice unread"}>
              {n.readAt ? null : <span className="badge">{t("centre.new")}</span>}{" "}
              <Link to={n.href}>
                <NoticeSentence notice={n} />
              </Link>
              <div className="notice-meta muted">
                <time dateTime={n.createdAt}>{n.when}</time>
                {n.readAt ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="markRead" />
                    <input type="hidden" name="notificationId" value={n.id} />
                    <button type="submit" className="button-link">
                      {t("centre.markRead")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
