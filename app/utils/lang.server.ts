// The UI language of a request, from the `:lang` URL segment.
import type { Params } from "@remix-run/react";
import { isLanguage, type Language } from "./i18n";

/** The `:lang` param, or a 404 for a prefix that is not one of our languages. */
export function requireLanguage(params: Params): Language {
  if (!isLanguage(params.lang)) throw new Response("Not found", { status: 404 });
  return params.lang;
}
