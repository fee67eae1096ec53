// Every UI string in every language: each locale has every key English has,
// with the plural forms its language needs and the same placeholders.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES, NAMESPACES } from "~/utils/i18n";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
type Json = { [key: string]: string | Json };

function flatten(obj: Json, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function load(lang: string, ns: string): Map<string, string> {
  const file = path.resolve("locales", lang, `${ns}.json`);
  return flatten(JSON.parse(fs.readFileSync(file, "utf8")) as Json);
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(NAMESPACES)("namespace %s", (ns) => {
  const english = load("en", ns);
  const bases = new Map<string, string>();
  for (const [key, value] of english) bases.set(key.replace(PLURAL_SUFFIX, ""), value);
  const pluralBases = new Set([...english.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, "")));

  it.each(LANGUAGE_CODES.filter((l) => l !== "en"))("%s has every key, plural form and placeholder", (lang) => {
    const file = path.resolve("locales", lang, `${ns}.json`);
    expect(fs.existsSync(file), `${file} is missing`).toBe(true);
    const translated = load(lang, ns);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing: string[] = [];
    const wrongPlaceholders: string[] = [];
    for (const [base, englishValue] of bases) {
      const keys = pluralBases.has(base) ? categories.map((c) => `${base}_${c}`) : [base];
      for (const key of keys) {
        const value = translated.get(key);
        if (value === undefined || value.trim() === "") missing.push(key);
        else if (JSON.stringify(placeholders(value).filter((p) => p !== "count")) !== JSON.stringify(placeholders(englishValue).filter((p) => p !== "count"))) {
          wrongPlaceholders.push(key);
        }
      }
    }
    expect(missing, `missing in ${lang}/${ns}.json`).toEqual([]);
    expect(wrongPlaceholders, `placeholders differ in ${lang}/${ns}.json`).toEqual([]);
  });

  it("is really translated (not English copies)", () => {
    for (const lang of LANGUAGE_CODES.filter((l) => l !== "en")) {
      const translated = load(lang, ns);
      const long = [...english].filter(([, v]) => v.length > 24);
      const copied = long.filter(([k, v]) => translated.get(k) === v);
      // A few strings (mostly codes and names) may legitimately stay the same.
      expect(copied.length, `${lang}/${ns}: ${copied.map(([k]) => k).join(", ")}`).toBeLessThanOrEqual(Math.max(1, long.length * 0.05));
    }
  });
});
