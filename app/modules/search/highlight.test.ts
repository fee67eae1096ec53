// ts_headline's marks as plain segments.
import { describe, expect, it } from "vitest";
import { toSegments, withEllipsis } from "./highlight";

const S = "\uE000";
const E = "\uE001";

describe("segments", () => {
  it("turns the marks into marked segments and trims the fragment's ends", () => {
    expect(toSegments(` Good ${S}governance${E} of ${S}compute${E}. `)).toEqual([
      { text: "Good ", mark: false },
      { text: "governance", mark: true },
      { text: " of ", mark: false },
      { text: "compute", mark: true },
      { text: ".", mark: false },
    ]);
    expect(toSegments(null)).toEqual([]);
  });

  it("drops the separators between Chinese characters and marks a Chinese word once", () => {
    const headline = `评\uE003测\uE003${S}数${E}\uE003${S}据${E}\uE003${S}集${E}\uE003和\uE003参\uE003${S}数${E}\uE003`;
    expect(toSegments(headline, ["数据集"])).toEqual([
      { text: "评测", mark: false },
      { text: "数据集", mark: true },
      { text: "和参数", mark: false },
    ]);
  });

  it("gives ZWNJ back", () => {
    expect(toSegments(`${S}داده${E}\uE002ها`)).toEqual([
      { text: "داده", mark: true },
      { text: "\u200Cها", mark: false },
    ]);
  });

  it("keeps markup-looking text as text", () => {
    expect(toSegments(`${S}<b>${E}x`)).toEqual([
      { text: "<b>", mark: true },
      { text: "x", mark: false },
    ]);
  });
});

describe("ellipsis", () => {
  it("ends a snippet cut mid-sentence with one", () => {
    expect(withEllipsis([{ text: "Sets out how Egypt builds its national", mark: false }]).at(-1)).toEqual({ text: "…", mark: false });
    expect(withEllipsis([{ text: "A whole sentence.", mark: false }])).toHaveLength(1);
    expect(
      withEllipsis([
        { text: "数据", mark: true },
        { text: "。", mark: false },
      ]),
    ).toHaveLength(2);
    expect(withEllipsis([])).toEqual([]);
  });
});
