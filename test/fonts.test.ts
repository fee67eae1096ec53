// The self-hosted Noto faces (app/styles/fonts-*.css, ADR 020): generated from the
// installed @fontsource packages, served from our own origin, split by
// unicode-range, covering the scripts of our languages and leaving emoji alone;
// one sheet per script, linked only where a page's text needs it, and a small one
// for the language names every page shows.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_FILES, fontsCss } from "../scripts/fonts";
import { FONT_SCRIPTS, isLetterOf, scriptsOf } from "~/utils/font-sheets";
import { LANGUAGES } from "~/utils/i18n";

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

const sheets = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, fs.readFileSync(file, "utf8")])) as Record<keyof typeof FONT_FILES, string>;
const css = [sheets.arabic, sheets.devanagari, sheets.han].join("");
const all = faces(css);
const names = faces(sheets.names);
const covering = (family: string, text: string) =>
  [...text.replace(/\s/g, "")].every((ch) => all.some((f) => f.family === family && f.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b)));

describe("self-hosted fonts", () => {
  it("match what the installed packages give (run `npm run fonts` after upgrading them)", () => {
    expect(sheets).toEqual(fontsCss());
  });

  it("give every page the language names in their own scripts with a few rules, and each script its own sheet", () => {
    const familyOf = { han: "Noto Sans SC", devanagari: "Noto Sans Devanagari", arabic: "Noto Sans Arabic" } as const;
    let letters = 0;
    for (const ch of LANGUAGES.map((l) => l.name).join("")) {
      for (const script of FONT_SCRIPTS) {
        if (!isLetterOf(script, ch)) continue;
        letters++;
        const point = ch.codePointAt(0)!;
        expect(
          names.some((f) => f.family === familyOf[script] && f.ranges.some(([a, b]) => point >= a && point <= b)),
          `${ch} in ${familyOf[script]}`,
        ).toBe(true);
      }
    }
    expect(letters).toBeGreaterThan(15);
    expect(names.length).toBeLessThan(8);
    expect(sheets.names.length).toBeLessThan(4_000);
    expect(faces(sheets.han).every((f) => f.family === "Noto Sans SC")).toBe(true);
    expect(faces(sheets.arabic).every((f) => f.family === "Noto Sans Arabic")).toBe(true);
    expect(faces(sheets.devanagari).every((f) => f.family === "Noto Sans Devanagari")).toBe(true);
  });

  it("are linked for the scripts a page's text is written in, not for the language names alone", () => {
    const switcher = LANGUAGES.map((l) => `<a lang="${l.code}">${l.name}</a>`).join("");
    const page = (main: string) => `<html><body><nav>${switcher}</nav><main>${main}</main></body></html>`;
    const covered = LANGUAGES.map((l) => l.name);
    expect(scriptsOf(page("<h1>Shared compute — “public” AI</h1>"), covered)).toEqual([]);
    expect(scriptsOf(page("<h1>Общие вычисления</h1>"), covered)).toEqual([]);
    expect(scriptsOf(page("<h1>人工智能治理</h1>"), covered)).toEqual(["han"]);
    expect(scriptsOf(page("<p>कृत्रिम बुद्धिमत्ता</p>"), covered)).toEqual(["devanagari"]);
    expect(scriptsOf(page("<p>حوكمة الذكاء الاصطناعي</p><p>هوش مصنوعی</p>"), covered)).toEqual(["arabic"]);
    expect(scriptsOf(page("<p>A title in 中文 and العربية only</p>"), covered)).toEqual([]);
    expect(scriptsOf(page("<p>数据主权</p><p>डेटा</p><p>بيانات</p>"), covered)).toEqual(["arabic", "devanagari", "han"]);
  });

  it("are files of our own origin, in the packages, in woff2, shown at once with a fallback and swapped in", () => {
    expect(all.length).toBeGreaterThan(50);
    expect(css).not.toMatch(/https?:|url\(\s*["']?\/\//);
    for (const face of all) {
      expect(face.display).toBe("swap");
      expect(face.weight).toBe("400");
      expect(face.urls).toHaveLength(1);
      expect(face.urls[0]).toMatch(/^\.\.\/\.\.\/node_modules\/@fontsource\/noto-sans-[a-z]+\/files\/[a-z0-9-]+\.woff2$/);
      expect(fs.existsSync(path.resolve(path.dirname(FONT_FILES.han), face.urls[0]!))).toBe(true);
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
