// The UI languages and how each is written. Shared by server and browser.

export const LANGUAGES = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "zh", name: "中文", dir: "ltr" },
  { code: "ru", name: "Русский", dir: "ltr" },
  { code: "pt", name: "Português", dir: "ltr" },
  { code: "hi", name: "हिन्दी", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "fa", name: "فارسی", dir: "rtl" },
  { code: "id", name: "Bahasa Indonesia", dir: "ltr" },
  { code: "es", name: "Español", dir: "ltr" },
  { code: "fr", name: "Français", dir: "ltr" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as Language[];
export const DEFAULT_LANGUAGE: Language = "en";

/** Translation namespaces: one per domain plus `common`. */
export const NAMESPACES = [
  "common",
  "auth",
  "account",
  "admin",
  "members",
  "proposals",
  "votes",
  "research",
  "strategies",
  "dsi",
  "documents",
  "notifications",
  "privacy",
  "search",
  "api",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGE_CODES as string[]).includes(value);
}

export function directionOf(lang: Language): "ltr" | "rtl" {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? "ltr";
}

/** The language from the first segment of a path, if it is one of ours. */
export function languageFromPath(pathname: string): Language | null {
  const first = pathname.split("/")[1];
  return isLanguage(first) ? first : null;
}

/** The same page in another language: swap the first path segment. */
export function pathInLanguage(pathname: string, search: string, lang: Language): string {
  const parts = pathname.split("/");
  if (isLanguage(parts[1])) parts[1] = lang;
  else parts.splice(1, 0, lang);
  return parts.join("/").replace(/\/$/, "") + search || `/${lang}`;
}

/** Pick the best supported language from an Accept-Language header. */
export function languageFromAcceptLanguage(header: string | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: (tag ?? "").toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
