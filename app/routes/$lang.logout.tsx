import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ params }: ActionFunctionArgs) {
  // Signing out changes state: only by POST (the header's button).
  return redirect(`/${requireLanguage(params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const cookie = await endSession(request);
  return redirect(`/${lang}`, { headers: { "Set-Cookie": cookie } });
}
