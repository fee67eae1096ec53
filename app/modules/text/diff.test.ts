// Diffs between proposal versions: readable word-level changes in every script, and no
// character lost, so either version can be rebuilt from the parts.
import { describe, expect, it } from "vitest";
import { type DiffPart, diffSections, diffWords } from "./diff";

const join = (parts: DiffPart[], skip: DiffPart["kind"]) =>
  parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join("");

function expectLossless(before: string, after: string) {
  const parts = diffWords(before, after);
  expect(join(parts, "removed")).toBe(after);
  expect(join(parts, "added")).toBe(before);
  return parts;
}

describe("diffWords", () => {
  it("shows replaced and inserted words", () => {
    expect(expectLossless("The delegation supports the proposal on data sharing.", "The delegation strongly opposes any proposal on cross-border data sharing.")).toEqual([
      { kind: "same", text: "The delegation " },
      { kind: "removed", text: "supports the " },
      { kind: "added", text: "strongly opposes any " },
      { kind: "same", text: "proposal on " },
      { kind: "added", text: "cross-border " },
      { kind: "same", text: "data sharing." },
    ]);
  });

  it("shows a whole replaced sentence as one change", () => {
    expect(expectLossless("foo bar baz", "one two three")).toEqual([
      { kind: "removed", text: "foo bar baz" },
      { kind: "added", text: "one two three" },
    ]);
  });

  it("keeps whitespace and line breaks of both sides", () => {
    expectLossless("the quick  brown fox\njumps\n\nover", "the slow brown  fox\n jumps high\n\nover\n");
    expectLossless("  leading", "trailing  ");
  });

  it("handles equal and empty texts", () => {
    expect(diffWords("same text", "same text")).toEqual([{ kind: "same", text: "same text" }]);
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "new")).toEqual([{ kind: "added", text: "new" }]);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
  });

  it("diffs Arabic word by word", () => {
    expect(expectLossless("تلتزم الدول بحماية البيانات الجميلة", "تلتزم الدول بحماية البيانات الشخصية")).toEqual([
      { kind: "same", text: "تلتزم الدول بحماية البيانات " },
      { kind: "removed", text: "الجميلة" },
      { kind: "added", text: "الشخصية" },
    ]);
  });

  it("keeps Persian words joined by a zero-width non-joiner whole", () => {
    expect(expectLossless("من می‌خواهم بروم", "من نمی‌خواهم بروم")).toEqual([
      { kind: "same", text: "من " },
      { kind: "removed", text: "می‌خواهم" },
      { kind: "added", text: "نمی‌خواهم" },
      { kind: "same", text: " بروم" },
    ]);
  });

  it("diffs Hindi and Russian word by word", () => {
    expect(expectLossless("कृत्रिम बुद्धि शासन", "कृत्रिम बुद्धिमत्ता शासन")).toContainEqual({
      kind: "added",
      text: "बुद्धिमत्ता",
    });
    expect(expectLossless("Привет, мир!", "Привет, дивный новый мир!")).toEqual([
      { kind: "same", text: "Привет, " },
      { kind: "added", text: "дивный новый " },
      { kind: "same", text: "мир!" },
    ]);
  });

  it("diffs Chinese character by character, not as one long word", () => {
    expect(expectLossless("人工智能治理原则需要透明。", "人工智能监管原则必须透明。")).toEqual([
      { kind: "same", text: "人工智能" },
      { kind: "removed", text: "治理" },
      { kind: "added", text: "监管" },
      { kind: "same", text: "原则" },
      { kind: "removed", text: "需要" },
      { kind: "added", text: "必须" },
      { kind: "same", text: "透明。" },
    ]);
    expectLossless("AI治理原则", "AI governance 原则");
  });
});

describe("diffSections", () => {
  const section = (key: string, heading: string, body: string) => ({ key, heading, body });

  it("labels unchanged, changed, added and removed sections", () => {
    const before = [section("a", "Scope", "All states."), section("b", "Data", "Share data."), section("c", "Old", "Gone.")];
    const after = [section("a", "Scope", "All states."), section("b", "Data", "Protect data."), section("d", "New", "Fresh.")];
    expect(diffSections(before, after)).toEqual([
      { key: "a", change: "unchanged", heading: [{ kind: "same", text: "Scope" }], body: [{ kind: "same", text: "All states." }] },
      {
        key: "b",
        change: "changed",
        heading: [{ kind: "same", text: "Data" }],
        body: [
          { kind: "removed", text: "Share" },
          { kind: "added", text: "Protect" },
          { kind: "same", text: " data." },
        ],
      },
      { key: "c", change: "removed", heading: [{ kind: "removed", text: "Old" }], body: [{ kind: "removed", text: "Gone." }] },
      { key: "d", change: "added", heading: [{ kind: "added", text: "New" }], body: [{ kind: "added", text: "Fresh." }] },
    ]);
  });

  it("follows the order of after and keeps removed sections where they were", () => {
    const before = [section("x", "X", ""), section("a", "A", ""), section("y", "Y", ""), section("b", "B", "")];
    const after = [section("b", "B", ""), section("n", "N", ""), section("a", "A", "")];
    const diff = diffSections(before, after);
    expect(diff.map((s) => `${s.key}:${s.change}`)).toEqual(["x:removed", "b:unchanged", "n:added", "a:unchanged", "y:removed"]);
    expect(diff[0].body).toEqual([]);
  });

  it("marks a section with a renamed heading as changed", () => {
    const [diff] = diffSections([section("a", "Scope", "Text")], [section("a", "Purpose", "Text")]);
    expect(diff.change).toBe("changed");
    expect(diff.heading).toEqual([
      { kind: "removed", text: "Scope" },
      { kind: "added", text: "Purpose" },
    ]);
  });
});
