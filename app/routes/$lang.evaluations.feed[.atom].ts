// /:lang/evaluations/feed.atom: the Atom feed of public evaluation runs in this language (ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteOrigin } from "~/modules/api/links.server";
import { ATOM_CONTENT_TYPE, evaluationsFeed } from "~/modules/opendata/feeds.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const xml = await evaluationsFeed({ lang, origin: siteOrigin(request) });
  return documentResponse(request, xml, { contentType: `${ATOM_CONTENT_TYPE}; charset=utf-8`, cacheControl: "public, max-age=300" });
}
