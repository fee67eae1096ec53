// `/`: send the visitor to their language, from Accept-Language (or their saved preference).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/utils/auth.server";
import { isLanguage, languageFromAcceptLanguage } from "~/utils/i18n";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const lang = user && isLanguage(user.locale) ? user.locale : languageFromAcceptLanguage(request.headers.get("accept-language"));
  return redirect(`/${lang}`, { headers: { Vary: "Accept-Language, Cookie" } });
}
