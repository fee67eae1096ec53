// Unsubscribing from one kind of mail, in a language (the mail's link leads
// here, in the person's own language; the language switcher works as anywhere).
// A mail client's one-click POST (RFC 8058) goes to /mail/unsubscribe, which
// shares this action. A GET changes nothing: the page asks to confirm. No sign-in
// needed: the token in the link is the proof.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DIGEST_UNSUBSCRIBE } from "~/modules/mail/constants";
import { checkUnsubscribe, unsubscribe } from "~/modules/notification/preferences.server";
import { UnsubscribeSchema } from "~/modules/notification/schemas";
import { DomainError } from "~/utils/errors";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";

export const handle = { i18n: ["notifications"] };

export function linkParams(request: Request) {
  const url = new URL(request.url);
  return UnsubscribeSchema.safeParse({ u: url.searchParams.get("u"), c: url.searchParams.get("c"), t: url.searchParams.get("t") });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const parsed = linkParams(request);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  try {
    const { category } = await checkUnsubscribe({ userId: parsed.data.u, category: parsed.data.c, token: parsed.data.t });
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
