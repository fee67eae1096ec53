// A position as Akoma Ntoso 3.0 XML (ADR 017), in the language version asked
// for (`?text=`, else the page's language) when it was adopted in it, else in
// the original. Public. The other language versions are named in Link headers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AKN_CONTENT_TYPE, exportAkn } from "~/modules/opendata/akn.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const url = new URL(request.url);
  const language = url.searchParams.get("text")?.slice(0, 35) || lang;
  const slug = params.slug ?? "";
  const akn = await exportAkn({ slug, language }).catch(throwAsResponse);
  const path = `/${lang}/positions/${encodeURIComponent(slug)}/akn`;
  return documentResponse(request, akn.xml, {
    contentType: `${AKN_CONTENT_TYPE}; charset=utf-8`,
    filename: akn.filename,
    headers: {
      "Content-Language": akn.language,
      Link: akn.languages.map((l) => `<${path}?text=${l.language}>; rel="alternate"; hreflang="${l.language}"; type="${AKN_CONTENT_TYPE}"`).join(", "),
    },
  });
}
