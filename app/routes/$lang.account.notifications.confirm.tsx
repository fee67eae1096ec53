// The link mailed to confirm an address. Following it shows a button: the
// confirmation itself is a POST (no GET changes anything), and needs no sign-in
// (the token proves the mailbox).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmAddress } from "~/modules/notification/preferences.server";
import { DomainError } from "~/utils/errors";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["notifications"] };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return json({ lang, token: TOKEN.test(token) ? token : null, title: await pageTitle(lang, "confirmAddress.title", "notifications") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireLanguage(params);
  const token = String((await request.formData()).get("token") ?? "");
  if (!TOKEN.test(token)) return json({ ok: false as const, email: null }, { status: 410 });
  try {
    const { email } = await confirmAddress({ token });
    return json({ ok: true as const, email });
  } catch (error) {
    if (error instanceof DomainError) return json({ ok: false as const, email: null }, { status: error.status });
    throw error;
  }
}

export default function ConfirmAddress() {
  const { t } = useTranslation("notifications");
  const { lang, token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <h1>{t("confirmAddress.title")}</h1>
      {result?.ok ? (
        <p className="alert alert-success" role="status">
          {t("confirmAddress.done", { email: result.email })}
        </p>
      ) : result || !token ? (
        <p className="alert alert-error" role="alert">
          {t("confirmAddress.invalid")}
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("mail.confirmAction")}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/${lang}/account/notifications`}>{t("preferences.title")}</Link>
      </p>
    </div>
  );
}

export const meta = titleMeta;
