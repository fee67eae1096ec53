// A proposal version as Akoma Ntoso 3.0 XML (ADR 017): members only, like the
// proposal. `?version=` (else the current one) and `?text=` (the language
// version, else the page's language, else the original).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AKN_CONTENT_TYPE, exportAkn } from "~/modules/opendata/akn.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { assertMayRead, getProposalBySlug } from "~/modules/proposal/proposal.server";
import { requireUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  try {
    assertMayRead(user);
    const proposal = await getProposalBySlug(slug);
    const asked = Number(url.searchParams.get("version") ?? proposal.currentVersion);
    const number = Number.isInteger(asked) && asked >= 1 && asked <= proposal.currentVersion ? asked : proposal.currentVersion;
    const akn = await exportAkn({ slug, number, language: url.searchParams.get("text")?.slice(0, 35) || lang });
    const path = `/${lang}/proposals/${encodeURIComponent(slug)}/akn?version=${number}`;
    return documentResponse(request, akn.xml, {
      contentType: `${AKN_CONTENT_TYPE}; charset=utf-8`,
      filename: akn.filename,
      cacheControl: "private, no-store",
      headers: {
        "Content-Language": akn.language,
        Link: akn.languages.map((l) => `<${path}&text=${l.language}>; rel="alternate"; hreflang="${l.language}"; type="${AKN_CONTENT_TYPE}"`).join(", "),
      },
    });
  } catch (error) {
    throwAsResponse(error);
  }
}
