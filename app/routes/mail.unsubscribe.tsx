// The address in every mail's List-Unsubscribe header (RFC 8058), the same for
// every language: a mail client POSTs "List-Unsubscribe=One-Click" here (no
// cookie, no Origin: exempt from the cross-site check, the token is the proof);
// a person who opens it is sent to the confirmation page in their own language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { checkUnsubscribe } from "~/modules/notification/preferences.server";
import { DomainError } from "~/utils/errors";
import { DEFAULT_LANGUAGE, isLanguage } from "~/utils/i18n";
import { linkParams } from "./$lang.mail.unsubscribe";

export { action } from "./$lang.mail.unsubscribe";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = linkParams(request);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  try {
    const { locale } = await checkUnsubscribe({ userId: parsed.data.u, category: parsed.data.c, token: parsed.data.t });
    const lang = isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
    return redirect(`/${lang}/mail/unsubscribe${new URL(request.url).search}`);
  } catch (error) {
    if (error instanceof DomainError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}
