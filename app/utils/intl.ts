// Intl formatters, built once per language and options and then reused. Building
// one costs tens of microseconds and a page formats hundreds of dates, numbers
// and names: a profile of the position page showed formatter construction among
// its largest costs. Keys are bounded (ten languages, a few option sets, time
// zones from a fixed list), and the cache is emptied if it ever grows past a cap.
type Locales = string | readonly string[];

const MAX_ENTRIES = 5000;
const cache = new Map<string, unknown>();

function memo<T>(kind: string, locales: Locales, options: object | undefined, make: () => T): T {
  const key = `${kind}|${typeof locales === "string" ? locales : locales.join(",")}|${options ? JSON.stringify(options) : ""}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, value);
  }
  return value;
}

export const dateTimeFormat = (locales: Locales, options?: Intl.DateTimeFormatOptions) =>
  memo("dateTime", locales, options, () => new Intl.DateTimeFormat(locales as string | string[], options));

export const numberFormat = (locales: Locales, options?: Intl.NumberFormatOptions) =>
  memo("number", locales, options, () => new Intl.NumberFormat(locales as string | string[], options));

export const displayNames = (locales: Locales, options: Intl.DisplayNamesOptions) =>
  memo("displayNames", locales, options, () => new Intl.DisplayNames(locales as string | string[], options));

export const collatorOf = (locales: Locales, options?: Intl.CollatorOptions) => memo("collator", locales, options, () => new Intl.Collator(locales as string | string[], options));

export const listFormat = (locales: Locales, options?: Intl.ListFormatOptions) => memo("list", locales, options, () => new Intl.ListFormat(locales as string | string[], options));

export const pluralRules = (locales: Locales, options?: Intl.PluralRulesOptions) =>
  memo("plural", locales, options, () => new Intl.PluralRules(locales as string | string[], options));
