// Small pieces every resource of the API shares.
import { delegationName } from "~/modules/delegation/names";
import type { Links } from "../links.server";

/** API answers name the page of a thing in English; every page exists in all ten languages. */
export const PAGE_LANGUAGE = "en";

export function delegationRef(code: string, links: Links) {
  return { code, name: delegationName(code, "en"), apiUrl: links.api(`/members/${code.toLowerCase()}`) };
}
