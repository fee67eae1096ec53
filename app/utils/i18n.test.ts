import { describe, expect, it } from "vitest";
import { directionOf, languageFromAcceptLanguage, languageFromPath, pathInLanguage } from "./i18n";

describe("languages", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(languageFromAcceptLanguage("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt");
    expect(languageFromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.5")).toBe("fr");
    expect(languageFromAcceptLanguage("en;q=0.2,ar-EG;q=0.9")).toBe("ar");
    expect(languageFromAcceptLanguage("sw")).toBe("en");
    expect(languageFromAcceptLanguage(null)).toBe("en");
    expect(languageFromAcceptLanguage("zh-Hans-CN")).toBe("zh");
  });

  it("keeps the page when switching language", () => {
    expect(pathInLanguage("/en/members/br", "?x=1", "ar")).toBe("/ar/members/br?x=1");
    expect(pathInLanguage("/en", "", "fa")).toBe("/fa");
    expect(pathInLanguage("/", "", "hi")).toBe("/hi");
  });

  it("knows the language of a path and its direction", () => {
    expect(languageFromPath("/ru/account")).toBe("ru");
    expect(languageFromPath("/xx/account")).toBeNull();
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fa")).toBe("rtl");
    expect(directionOf("hi")).toBe("ltr");
  });
});
