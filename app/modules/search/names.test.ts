// Country and language names in the ten UI languages (and close misspellings)
// recognised from Intl's own data.
import { describe, expect, it } from "vitest";
import { recogniseNames, similarity, trigrams } from "./names";

describe("trigram similarity", () => {
  it("computes what pg_trgm computes", () => {
    // pg_trgm: similarity('brasil', 'brazil') = 0.4, similarity('langauge', 'language') ≈ 0.3846.
    expect(similarity(trigrams("brasil"), trigrams("brazil"))).toBeCloseTo(0.4, 5);
    expect(similarity(trigrams("langauge"), trigrams("language"))).toBeCloseTo(5 / 13, 5);
    expect(trigrams("São Paulo")).toEqual(trigrams("sao paulo"));
  });
});

describe("names", () => {
  it("recognises a country in any UI language, misspelt a little", () => {
    for (const q of ["Brazil", "Brasil", "Brazl", "Бразилия", "巴西", "البرازيل", "برزیل", "ब्राज़ील", "Brésil"]) {
      expect(recogniseNames(q).regions, q).toEqual(["BR"]);
    }
    expect(recogniseNames("South Africa").regions).toEqual(["ZA"]);
    expect(recogniseNames("Iran").regions).toEqual(["IR"]);
  });

  it("recognises the languages of datasets", () => {
    for (const q of ["Hindi", "хинди", "हिन्दी", "Swahili", "suajili"]) expect(recogniseNames(q).languages.length, q).toBe(1);
    expect(recogniseNames("Hindi").languages).toEqual(["hi"]);
  });

  it("does not take ordinary words for names", () => {
    for (const q of ["data", "sovereign", "policy", "model", "evaluation", "AI", "open", "", null]) {
      expect(recogniseNames(q), String(q)).toEqual({ regions: [], languages: [] });
    }
    // A language name is not a country name, nor the other way round.
    expect(recogniseNames("China")).toEqual({ regions: ["CN"], languages: [] });
  });
});
