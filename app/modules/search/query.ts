// The query language people already know: words, "exact phrases", -exclusions
// and `or`. Any input is accepted: it is cleaned, cut to size, split into terms
// and written back as the websearch syntax PostgreSQL parses
// (websearch_to_tsquery never raises an error), with two additions:
// - Chinese has no spaces: the index makes every character a word, so a word
//   with Chinese characters is searched as a phrase of adjacent characters;
// - the plain words, for typo tolerance and suggestions, and the whole query
//   when it may be a name (of a country or a language).
import { QUERY_LIMITS } from "./constants";

export type QueryTerm = { type: "word"; text: string; negated: boolean } | { type: "phrase"; text: string; negated: boolean } | { type: "or" };

export type ParsedQuery = {
  /** The query as cleaned (what the search box shows back). */
  text: string;
  terms: QueryTerm[];
  /** The query in websearch_to_tsquery syntax ("" when there is nothing to search). */
  websearch: string;
  /** Words worth a typo check, lowercased: only in a query of plain words (no phrase, exclusion or `or`), and not Chinese. */
  fuzzyWords: string[];
  /** The whole query when it is only plain words: it may name a country or a language. */
  nameCandidate: string | null;
  /** Words and phrases with Chinese characters looked for (for marking them in snippets). */
  cjkTerms: string[];
};

/** Han characters and Japanese kana: the ranges the migration's concord_search_prepare() splits. */
export const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

// Control characters (NUL included), lone surrogates, private-use characters (the
// index uses some as marks) and bidirectional overrides are dropped.
const UNWANTED = /[\p{Cc}\p{Cs}\p{Co}\u202a-\u202e\u2066-\u2069]/gu;
const QUOTES = /[“”„«»「」『』＂]/gu;

/** The query text as kept: NFC, no unwanted characters, single spaces, at most QUERY_LIMITS.length characters. */
export function cleanQuery(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const cleaned = raw.normalize("NFC").replace(UNWANTED, " ").replace(QUOTES, '"').replace(/\s+/gu, " ").trim();
  return Array.from(cleaned).slice(0, QUERY_LIMITS.length).join("").trim();
}

export function tokenize(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < text.length && terms.length < QUERY_LIMITS.terms) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === "-" && i + 1 < text.length && text[i + 1] !== " ") {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const phrase = text.slice(i + 1, end === -1 ? undefined : end).trim();
      i = end === -1 ? text.length : end + 1;
      if (phrase) terms.push({ type: "phrase", text: phrase, negated });
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== " " && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    if (!negated && word.toLowerCase() === "or") {
      // `or` between two terms; anywhere else it means nothing.
      if (terms.length > 0 && terms.at(-1)!.type !== "or") terms.push({ type: "or" });
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(word)) terms.push({ type: "word", text: word, negated });
  }
  while (terms.at(-1)?.type === "or") terms.pop();
  return terms;
}

/** The terms in websearch_to_tsquery syntax; words with Chinese characters become phrases. */
export function toWebsearch(terms: QueryTerm[]): string {
  return terms
    .map((term) => {
      if (term.type === "or") return "or";
      const sign = term.negated ? "-" : "";
      if (term.type === "phrase" || CJK.test(term.text)) return `${sign}"${term.text}"`;
      return `${sign}${term.text}`;
    })
    .join(" ");
}

/** The letters-and-digits runs of the plain words, for typo checks. */
function fuzzyWordsOf(terms: QueryTerm[]): string[] {
  const words = terms.flatMap((t) => (t.type === "word" && !t.negated && !CJK.test(t.text) ? (t.text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) : []));
  return [...new Set(words.filter((w) => Array.from(w).length >= QUERY_LIMITS.fuzzyMinLength))].slice(0, QUERY_LIMITS.fuzzyWords);
}

export function parseQuery(raw: unknown): ParsedQuery {
  const text = cleanQuery(raw);
  const terms = tokenize(text);
  const plainOnly = terms.length > 0 && terms.every((t) => t.type === "word" && !t.negated);
  return {
    text,
    terms,
    websearch: toWebsearch(terms),
    fuzzyWords: plainOnly ? fuzzyWordsOf(terms) : [],
    nameCandidate: plainOnly ? terms.map((t) => (t.type === "or" ? "" : t.text)).join(" ") : null,
    cjkTerms: terms.flatMap((t) => (t.type !== "or" && !t.negated && CJK.test(t.text) ? [t.text.replace(/\s+/gu, "")] : [])),
  };
}

/** The query with some plain words replaced (a suggestion), keeping the rest as typed. */
export function replaceWords(terms: QueryTerm[], replacements: Map<string, string>): string {
  const replaced = terms.map((t): QueryTerm => {
    if (t.type !== "word" || t.negated) return t;
    const text = t.text.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => replacements.get(w.toLowerCase()) ?? w);
    return { ...t, text };
  });
  return replaced.map((t) => (t.type === "or" ? "or" : `${t.negated ? "-" : ""}${t.type === "phrase" ? `"${t.text}"` : t.text}`)).join(" ");
}
