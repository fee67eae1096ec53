// /sitemap.xml: the index of the sitemaps of public pages (ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteOrigin } from "~/modules/api/links.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { sitemapIndex } from "~/modules/opendata/sitemap.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return documentResponse(request, await sitemapIndex(siteOrigin(request)), { contentType: "application/xml; charset=utf-8", cacheControl: "public, max-age=3600" });
}
