// One-click unsubscribe (RFC 8058) from the link in every mail's
// List-Unsubscribe header: a mail client POSTs "List-Unsubscribe=One-Click" to
// it (no cookie, no Origin: exempt from the cross-site check, the token is the
// proof); a person following the link sees a page asking to confirm (a GET
// changes nothing). No sign-in needed; the link back leads to the preferences
// page in the person's own language.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DIGEST_UNSUBSCRIBE } from "~/modules/mail/constants";
import { checkUnsubscribe, unsubscribe } from "~/modules/notification/preferences.server";
import { UnsubscribeSchema } from "~/modules/notification/schemas";
import { DomainError } from "~/utils/errors";
import { isLanguage, DEFAULT_LANGUAGE } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["notifications"] };

function linkParams(request: Request) {
  const url = new URL(request.url);
  return UnsubscribeSchema.safeParse({ u: url.searchParams.get("u"), c: url.searchParams.get("c"), t: url.searchParams.get("t") });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = linkParams(request);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  try {
    const { category, locale } = await checkUnsubscribe({ userId: parsed.data.u, category: parsed.data.c, token: parsed.data.t });
    const lang = isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
    const t = await getFixedT(lang, "notifications");
    return json({ lang, category, title: `${t("unsubscribe.title")} · Concord` });
  } catch (error) {
    if (error instanceof DomainError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = linkParams(request);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  try {
    const { category } = await unsubscribe({ userId: parsed.data.u, category: parsed.data.c, token: parsed.data.t });
    return json({ done: true as const, category });
  } catch (error) {
    if (error instanceof DomainError) throw new Response("Not found", { status: 404 });
    throw error;
  }
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
