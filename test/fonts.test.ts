// The self-hosted Noto faces (app/styles/fonts.css, ADR 020): generated from the
// installed @fontsource packages, served from our own origin, split by
// unicode-range, covering the scripts of our languages and leaving emoji alone.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONTS_CSS, fontsCss } from "../scripts/fonts";

type Face = { family: string; display: string; weight: string; urls: string[]; locals: string[]; ranges: [number, number][] };

function faces(css: string): Face[] {
  return [...css.matchAll(/@font-face\{([^}]*)\}/g)].map(([, body]) => {
    const prop = (name: string) => new RegExp(`(?:^|;)${name}:([^;]*)`).exec(body!)?.[1] ?? "";
    return {
      family: prop("font-family").replaceAll('"', ""),
      display: prop("font-display"),
      weight: prop("font-weight"),
      urls: [...prop("src").matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!),
      locals: [...prop("src").matchAll(/local\("([^"]+)"\)/g)].map((m) => m[1]!),
      ranges: prop("unicode-range")
        .split(",")
        .filter(Boolean)
        .map((r) => {
          const [a, b] = r.replace("U+", "").split("-");
          return [Number.parseInt(a!, 16), Number.parseInt(b ?? a!, 16)] as [number, number];
        }),
    };
  });
}

const css = fs.readFileSync(FONTS_CSS, "utf8");
const all = faces(css);
const covering = (family: string, text: string) =>
  [...text.replace(/\s/g, "")].every((ch) => all.some((f) => f.family === family && f.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b)));

describe("self-hosted fonts", () => {
  it("match what the installed packages give (run `npm run fonts` after upgrading them)", () => {
    expect(css).toBe(fontsCss());
  });

  it("are files of our own origin, in the packages, in woff2, shown at once with a fallback and swapped in", () => {
    expect(all.length).toBeGreaterThan(50);
    expect(css).not.toMatch(/https?:|url\(\s*["']?\/\//);
    for (const face of all) {
      expect(face.display).toBe("swap");
      expect(face.weight).toBe("400");
      expect(face.urls).toHaveLength(1);
      expect(face.urls[0]).toMatch(/^\.\.\/\.\.\/node_modules\/@fontsource\/noto-sans-[a-z]+\/files\/[a-z0-9-]+\.woff2$/);
      expect(fs.existsSync(path.resolve(path.dirname(FONTS_CSS), face.urls[0]!))).toBe(true);
      // A face already on the device is used before anything is downloaded.
      expect(face.locals.length).toBeGreaterThan(0);
      expect(face.ranges.length).toBeGreaterThan(0);
    }
  });

  it("cover Chinese, Hindi, Arabic and Persian text, each in slices", () => {
    expect(covering("Noto Sans SC", "中华人民共和国人工智能治理数据主权")).toBe(true);
    expect(covering("Noto Sans Devanagari", "कृत्रिम बुद्धिमत्ता शासन")).toBe(true);
    expect(covering("Noto Sans Arabic", "حوكمة الذكاء الاصطناعي")).toBe(true);
    // Persian letters and digits, and the zero-width non-joiner Persian words carry.
    expect(covering("Noto Sans Arabic", "پچژگی۱۲۳\u200c")).toBe(true);
    // Chinese comes in many small slices, so that a page fetches only those its text uses.
    expect(all.filter((f) => f.family === "Noto Sans SC").length).toBeGreaterThan(80);
  });

  it("leave Latin and Cyrillic to the system's fonts and emoji to the platform's emoji font", () => {
    expect(covering("Noto Sans SC", "A")).toBe(false);
    expect(covering("Noto Sans SC", "Ж")).toBe(false);
    for (const emoji of ["😀", "🌐", "☀", "✅", "🇨🇳"]) {
      expect(all.some((f) => covering(f.family, emoji))).toBe(false);
    }
  });

  it("are named in the page's font stack after the system's faces", () => {
    const stack = /font-family:([^;]+);/.exec(fs.readFileSync(path.resolve("app/styles/app.css"), "utf8"))![1]!;
    const names = stack.split(",").map((n) => n.trim().replaceAll('"', ""));
    expect(names[0]).toBe("system-ui");
    for (const family of new Set(all.map((f) => f.family))) expect(names).toContain(family);
    expect(names.at(-1)).toBe("sans-serif");
  });
});
