// Delegation names come from the browser's and server's own CLDR data
// (Intl.DisplayNames), in the UI language: nothing to translate by hand.
import { collatorOf, displayNames } from "~/utils/intl";
const cache = new Map<string, Intl.DisplayNames>();

export function delegationName(code: string, lang: string): string {
  let names = cache.get(lang);
  if (!names) {
    names = displayNames([lang, "en"], { type: "region", fallback: "code" });
    cache.set(lang, names);
  }
  return names.of(code.toUpperCase()) ?? code;
}

/** Sorts by the localized name, with the language's collation. */
export function sortByName<T extends { code: string }>(items: T[], lang: string): T[] {
  const collator = collatorOf(lang);
  return [...items].sort((a, b) => collator.compare(delegationName(a.code, lang), delegationName(b.code, lang)));
}
