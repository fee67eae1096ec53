// A dataset's metadata as MLCommons Croissant JSON-LD (the name and
// description in this URL's language when there is such a version).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { datasetCroissant } from "~/modules/dataset/croissant.server";
import { getEnv } from "~/utils/env.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const origin = getEnv().PUBLIC_ORIGIN ?? new URL(request.url).origin;
  const document = await datasetCroissant({ slug: params.slug ?? "", lang, origin }).catch(throwAsResponse);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
    },
  });
}
