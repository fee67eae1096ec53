// Which text a reader gets (ADR 009), the one rule for every document: the
// language asked for — the `?text=` of the URL, else the interface language —
// when a version exists in it, otherwise the original. The interface language
// never changes with the text's. Browser-safe.
import { isLanguage, type Language } from "~/utils/i18n";
import type { LanguageVersion } from "./types";

/** The language version a reader gets, and whether it is a fallback to the original. */
export function chooseText<T extends LanguageVersion>(available: T[], wanted: string): { text: T; isFallback: boolean } {
  const exact = available.find((t) => t.language === wanted);
  const text = exact ?? available.find((t) => t.kind === "ORIGINAL") ?? available[0]!;
  return { text, isFallback: !exact };
}

/** The content language asked for in the URL (`?text=`), if it is one of ours. */
export function textLanguageParam(url: URL): Language | undefined {
  const value = url.searchParams.get("text");
  return isLanguage(value) ? value : undefined;
}

/** A link to the same page with the text in another language (the interface language stays in the path). */
export function withTextLanguage(path: string, language: string, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams({ text: language });
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) params.set(name, String(value));
  return `${path}?${params}`;
}
