// Downloading a strategy's file: only when the reader may see the strategy;
// always as an attachment, with nosniff and the SHA-256 (storedFileResponse).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { storedFileResponse } from "~/modules/storage/storage.server";
import { getAttachmentForDownload } from "~/modules/strategy/attachment.server";
import { getUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireLanguage(params);
  const user = await getUser(request, context);
  const file = await getAttachmentForDownload({ user, slug: params.slug ?? "", attachmentId: params.id ?? "" }).catch(throwAsResponse);
  return storedFileResponse(file).catch(throwAsResponse);
}
