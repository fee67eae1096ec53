// The query language: words, "phrases", -exclusions, `or`, Chinese words as
// phrases of characters, and any input cleaned rather than refused.
import { describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "./constants";
import { cleanQuery, parseQuery, replaceWords, tokenize, toWebsearch } from "./query";

describe("cleaning", () => {
  it("drops control, private-use and bidi characters and lone surrogates, keeps ZWNJ, and cuts to length", () => {
    expect(cleanQuery("a\u0000b\u0007c")).toBe("a b c");
    expect(cleanQuery("\u202Eevil\u2066 word")).toBe("evil word");
    expect(cleanQuery("x\uD800y")).toBe("x y");
    expect(cleanQuery("x\uE000y")).toBe("x y");
    expect(cleanQuery("داده\u200Cها")).toBe("داده\u200Cها");
    expect(cleanQuery(`  spaced\t\nout  `)).toBe("spaced out");
    expect(Array.from(cleanQuery("字".repeat(500)))).toHaveLength(QUERY_LIMITS.length);
    expect(cleanQuery(undefined)).toBe("");
    expect(cleanQuery(["array"])).toBe("");
    // Typographic quotes work as quotes.
    expect(cleanQuery("«data residency»")).toBe('"data residency"');
  });
});

describe("terms", () => {
  it("reads words, phrases, exclusions and or", () => {
    expect(tokenize('open "data residency" -cloud or edge')).toEqual([
      { type: "word", text: "open", negated: false },
      { type: "phrase", text: "data residency", negated: false },
      { type: "word", text: "cloud", negated: true },
      { type: "or" },
      { type: "word", text: "edge", negated: false },
    ]);
    expect(tokenize('-"exact words"')).toEqual([{ type: "phrase", text: "exact words", negated: true }]);
    // An unfinished quote runs to the end; a lone dash, an empty phrase or a dangling `or` mean nothing.
    expect(tokenize('"unfinished phrase')).toEqual([{ type: "phrase", text: "unfinished phrase", negated: false }]);
    expect(tokenize('or - "" a or')).toEqual([{ type: "word", text: "a", negated: false }]);
    expect(tokenize("!!& ::")).toEqual([]);
  });

  it("keeps at most the allowed number of terms", () => {
    expect(tokenize(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))).toHaveLength(QUERY_LIMITS.terms);
  });

  it("writes Chinese words as phrases (the index makes every character a word)", () => {
    expect(toWebsearch(tokenize("数据主权 -算力 AI治理 or sovereignty"))).toBe('"数据主权" -"算力" "AI治理" or sovereignty');
  });
});

describe("parsed queries", () => {
  it("checks plain words for typos, and only in a query of plain words", () => {
    expect(parseQuery("Soverign AI strategy").fuzzyWords).toEqual(["soverign", "strategy"]);
    expect(parseQuery('soverign "exact"').fuzzyWords).toEqual([]);
    expect(parseQuery("soverign -cloud").fuzzyWords).toEqual([]);
    expect(parseQuery("数据主权").fuzzyWords).toEqual([]);
    expect(parseQuery("one two three four five six").fuzzyWords).toHaveLength(QUERY_LIMITS.fuzzyWords);
  });

  it("takes a plain query as a possible name, and lists its Chinese terms", () => {
    expect(parseQuery("South Africa").nameCandidate).toBe("South Africa");
    expect(parseQuery("-Brasil").nameCandidate).toBeNull();
    expect(parseQuery('AI "数据 主权" -算力').cjkTerms).toEqual(["数据主权"]);
  });

  it("rewrites a query with corrected words, the rest as typed", () => {
    const { terms } = parseQuery('Soverign "exact phrase" -cloud or infrastucture');
    expect(
      replaceWords(
        terms,
        new Map([
          ["soverign", "sovereign"],
          ["infrastucture", "infrastructure"],
          ["cloud", "crowd"],
        ]),
      ),
    ).toBe('sovereign "exact phrase" -cloud or infrastructure');
  });
});
