// Names that live in no table: countries (delegations are named by
// Intl.DisplayNames from their ISO code) and languages (dataset languages are
// BCP 47 codes). A query that is such a name, in any of the ten UI languages or
// misspelt a little ("Brasil", "Brazl", "Бразилия", "巴西", "Hindi", "хинди"),
// is recognised here, so that search can find the delegation and what it owns.
import { DATA_LANGUAGES } from "~/modules/dataset/constants";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { LANGUAGE_NAME_THRESHOLD, NAME_THRESHOLD } from "./constants";
import { displayNames } from "~/utils/intl";

type Named = { code: string; folded: string; trigrams: Set<string> };

/** Lowercase, without accents, letters and digits only (what pg_trgm compares). */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of foldName(s).split(" ")) {
    if (!word) continue;
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  }
  return out;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams of both. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

const NAME_LANGUAGES = [...new Set([...LANGUAGE_CODES, "en"])];

type NameList = { names: Named[]; byTrigram: Map<string, number[]> };

function namesOf(type: "region" | "language", codes: readonly string[]): NameList {
  const names: Named[] = [];
  for (const lang of NAME_LANGUAGES) {
    const display = displayNames([lang], { type, fallback: "none" });
    for (const code of codes) {
      const name = display.of(code);
      if (name && name !== code) names.push({ code, folded: foldName(name), trigrams: trigrams(name) });
    }
  }
  // Which names share a trigram: a query is compared with those only.
  const byTrigram = new Map<string, number[]>();
  names.forEach((n, i) => {
    for (const t of n.trigrams) byTrigram.set(t, [...(byTrigram.get(t) ?? []), i]);
  });
  return { names, byTrigram };
}

/** Every ISO 3166 region code Intl knows a name for. */
function regionCodes(): string[] {
  const en = displayNames(["en"], { type: "region", fallback: "none" });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (en.of(code)) codes.push(code);
    }
  }
  return codes;
}

let regions: NameList | undefined;
let languages: NameList | undefined;

const exactMatches = ({ names }: NameList, folded: string) => [...new Set(names.filter((n) => n.folded === folded).map((n) => n.code))];

/** The codes whose name is closest to the text, if close enough; ties are all kept. */
function closestMatches({ names, byTrigram }: NameList, wanted: Set<string>, threshold: number): string[] {
  const candidates = new Set<number>();
  for (const t of wanted) for (const i of byTrigram.get(t) ?? []) candidates.add(i);
  let best = 0;
  let codes = new Set<string>();
  for (const i of candidates) {
    const n = names[i]!;
    const score = similarity(wanted, n.trigrams);
    if (score < threshold || score < best) continue;
    if (score > best) codes = new Set();
    best = score;
    codes.add(n.code);
  }
  return [...codes];
}

export type RecognisedNames = { regions: string[]; languages: string[] };

/**
 * Country (ISO 3166) and language (dataset language) codes the text names:
 * exactly, in any UI language, or else closely enough (a language name needs a
 * closer match than a country's: "China" is not "Chinese").
 */
export function recogniseNames(text: string | null): RecognisedNames {
  const folded = text ? foldName(text) : "";
  if (!folded) return { regions: [], languages: [] };
  regions ??= namesOf("region", regionCodes());
  languages ??= namesOf("language", DATA_LANGUAGES);
  const exact = { regions: exactMatches(regions, folded), languages: exactMatches(languages, folded) };
  if (exact.regions.length || exact.languages.length) return exact;
  const wanted = trigrams(text!);
  return { regions: closestMatches(regions, wanted, NAME_THRESHOLD), languages: closestMatches(languages, wanted, LANGUAGE_NAME_THRESHOLD) };
}
