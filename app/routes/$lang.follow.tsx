// Follow or stop following a proposal, strategy, dataset, model or DSI
// dimension (the forms of FollowButton post here), then back to the page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { follow, unfollow } from "~/modules/follow/follow.server";
import { FollowSchema } from "~/modules/follow/schemas";
import { requirePermission } from "~/utils/auth.server";
import { safeRedirect, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const parsed = FollowSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { intent, targetType, targetId, redirectTo } = parsed.data;
  if (intent === "follow") await follow({ actor: user, target: targetType, id: targetId }).catch(throwAsResponse);
  else await unfollow({ actor: user, target: targetType, id: targetId });
  return redirect(safeRedirect(redirectTo, `/${lang}/account/notifications`));
}

export async function loader() {
  throw new Response("Not found", { status: 404 });
}
