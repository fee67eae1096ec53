// Translation files for the browser (i18next-http-backend). The URL carries a
// version, so the files can be cached for long.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isLanguage, NAMESPACES } from "~/utils/i18n";
import { loadResources } from "~/utils/i18n.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, ns: rawNs } = params;
  const ns = rawNs?.replace(/\.json$/, "");
  if (!isLanguage(lng) || !ns || !(NAMESPACES as readonly string[]).includes(ns)) {
    throw new Response("Not found", { status: 404 });
  }
  const versioned = new URL(request.url).searchParams.has("v");
  return json(loadResources()[lng]![ns], {
    headers: { "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300" },
  });
}
