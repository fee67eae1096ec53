// The one rule for which text a reader gets, and the dates every document form accepts.
import { describe, expect, it } from "vitest";
import { calendarDate, isCalendarDate } from "~/modules/text/dates";
import { chooseText, textLanguageParam, withTextLanguage } from "./language";

const texts = [
  { language: "pt", kind: "ORIGINAL" as const },
  { language: "en", kind: "OFFICIAL_TRANSLATION" as const },
];

describe("which text a reader gets", () => {
  it("gives the language asked for when a version exists in it, else the original, and says so", () => {
    expect(chooseText(texts, "en")).toEqual({ text: texts[1], isFallback: false });
    expect(chooseText(texts, "ar")).toEqual({ text: texts[0], isFallback: true });
  });

  it("reads the text's language from ?text= (ours only) and keeps the interface language in the path", () => {
    expect(textLanguageParam(new URL("http://x/en/proposals/a?text=ar"))).toBe("ar");
    expect(textLanguageParam(new URL("http://x/en/proposals/a?text=xx"))).toBeUndefined();
    expect(withTextLanguage("/en/strategies/a", "fa", { version: 2 })).toBe("/en/strategies/a?text=fa&version=2");
  });
});

describe("calendar dates", () => {
  it("accepts days that exist and refuses the rest, never rolling over to the next month", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("26-02-01")).toBe(false);
    expect(calendarDate({ minYear: 2000 }).safeParse("1999-12-31").success).toBe(false);
    expect(calendarDate().safeParse("2026-02-30").error?.issues[0]?.message).toBe("validation.date");
  });
});
