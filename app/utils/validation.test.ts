import { describe, expect, it } from "vitest";
import { hasBidiControls, text } from "./validation";

const title = text({ max: 200 });
const body = text({ max: 5000, multiline: true });

describe("bidirectional controls", () => {
  it.each(["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"])("refuses U+%s in a title, with a message that says why", (control) => {
    const result = title.safeParse(`Budget ${control}lanigiro${control} approved`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation.bidiControls");
  });

  it("keeps the marks right-to-left text needs", () => {
    expect(title.safeParse("السيادة الرقمية \u200F(2026)\u200E").success).toBe(true);
    expect(title.safeParse("حاکمیت داده\u061C").success).toBe(true);
  });

  it("lets Markdown keep them only inside code", () => {
    expect(body.safeParse("Quoted source: `a\u202Eb`").success).toBe(true);
    expect(body.safeParse("Example:\n```\nif (x\u2066) {}\n```\nEnd.").success).toBe(true);
    const outside = body.safeParse("Plain \u202E text with `code`");
    expect(outside.success).toBe(false);
    expect(outside.error?.issues[0]?.message).toBe("validation.bidiControls");
  });

  it("judges code spans and fences, not their look-alikes", () => {
    expect(hasBidiControls("``unclosed \u202E", { markdown: true })).toBe(true);
    expect(hasBidiControls("```\nfenced \u202E\n```", { markdown: true })).toBe(false);
    expect(hasBidiControls("```\nfenced \u202E\n```", { markdown: false })).toBe(true);
  });
});
