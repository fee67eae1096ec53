// /sitemaps/<section>-<part>.xml: public pages in every language with their hreflang alternates (ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteOrigin } from "~/modules/api/links.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { sitemapPart } from "~/modules/opendata/sitemap.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = /^(.{1,40})\.xml$/.exec(params.name ?? "")?.[1];
  const xml = name ? await sitemapPart(siteOrigin(request), name) : null;
  if (xml === null) throw new Response("Not found", { status: 404 });
  return documentResponse(request, xml, { contentType: "application/xml; charset=utf-8", cacheControl: "public, max-age=3600" });
}
