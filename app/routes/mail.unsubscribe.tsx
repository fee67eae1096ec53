// The address in every mail's List-Unsubscribe header (RFC 8058), the same for
// every language: a mail client POSTs "List-Unsubscribe=One-Click" here (no
// cookie, no Origin: exempt from the cross-site check, the token is the proof);
// a person who opens it is sent to the confirmation page in their own language.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { checkUnsubscribeLink, unsubscribeByLink } from "~/modules/notification/unsubscribe-link.server";
import { DEFAULT_LANGUAGE, isLanguage } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const link = await checkUnsubscribeLink(request);
  if (!link) throw new Response("Not found", { status: 404 });
  const lang = isLanguage(link.locale) ? link.locale : DEFAULT_LANGUAGE;
  return redirect(`/${lang}/mail/unsubscribe${new URL(request.url).search}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const done = await unsubscribeByLink(request);
  if (!done) throw new Response("Not found", { status: 404 });
  return json({ done: true as const, category: done.category });
}
