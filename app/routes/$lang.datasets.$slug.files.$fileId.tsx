// Downloading a dataset file: only as the dataset's access level allows;
// members-only and on-request downloads are written to the audit log. Sent as
// an attachment with nosniff, its length and its SHA-256.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { authorizeDownload } from "~/modules/dataset/files.server";
import { storedFileResponse } from "~/modules/storage/storage.server";
import { getUser } from "~/utils/auth.server";
import { DomainError, notFound } from "~/utils/errors";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  if (!UUID.test(params.fileId ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const file = await authorizeDownload({ viewer: user, slug: params.slug ?? "", fileId: params.fileId! }).catch((error: unknown) => {
    // Not signed in: sign in first, then come back to the file.
    if (!user && error instanceof DomainError && error.status === 403) {
      throw redirect(`/${lang}/login?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`);
    }
    return throwAsResponse(error);
  });
  return storedFileResponse(file).catch(throwAsResponse);
}
