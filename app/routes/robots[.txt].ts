// /robots.txt: what crawlers may visit, and where the sitemap is (its URL must be absolute).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteOrigin } from "~/modules/api/links.server";

export function loader({ request }: LoaderFunctionArgs) {
  const body = ["User-agent: *", "Disallow: /*/admin", "Disallow: /*/account", "Disallow: /*/login", "Disallow: /api/", "", `Sitemap: ${siteOrigin(request)}/sitemap.xml`, ""].join(
    "\n",
  );
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
