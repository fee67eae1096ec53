// Unsubscribing from one kind of mail, in a language (the mail's link leads
// here, in the person's own language; the language switcher works as anywhere).
// A mail client's one-click POST (RFC 8058) goes to /mail/unsubscribe, which
// answers it the same way. A GET changes nothing: the page asks to confirm. No sign-in
// needed: the token in the link is the proof.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DIGEST_UNSUBSCRIBE } from "~/modules/mail/constants";
import { checkUnsubscribeLink, unsubscribeByLink } from "~/modules/notification/unsubscribe-link.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";

export const handle = { i18n: ["notifications"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const link = await checkUnsubscribeLink(request);
  if (!link) throw new Response("Not found", { status: 404 });
  const t = await getFixedT(lang, "notifications");
  return json({ lang, category: link.category, title: `${t("unsubscribe.title")} · Concord` });
}

export async function action({ request }: ActionFunctionArgs) {
  const done = await unsubscribeByLink(request);
  if (!done) throw new Response("Not found", { status: 404 });
  return json({ done: true as const, category: done.category });
}

export default function Unsubscribe() {
  const { t } = useTranslation("notifications");
  const { lang, category } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const label = category === DIGEST_UNSUBSCRIBE ? "" : t(`categories.${category}.label`);
  return (
    <div className="page narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {done ? (
        <p className="alert alert-success" role="status">
          {category === DIGEST_UNSUBSCRIBE ? t("unsubscribe.doneDigest") : t("unsubscribe.done", { category: label })}
        </p>
      ) : (
        <Form method="post">
          <p>{category === DIGEST_UNSUBSCRIBE ? t("unsubscribe.questionDigest") : t("unsubscribe.question", { category: label })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" className="button">
            {t("unsubscribe.confirm")}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/${lang}/account/notifications`}>{t("unsubscribe.manage")}</Link>
      </p>
    </div>
  );
}

export function meta({ data }: { data?: { title?: string } }) {
  return [{ title: data?.title ?? "Concord" }];
}
