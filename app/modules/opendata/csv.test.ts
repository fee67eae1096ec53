// CSV that reads back as written (RFC 4180, UTF-8), and cells a spreadsheet
// would run as formulas shown as text instead.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv } from "./csv";

describe("CSV", () => {
  it("round-trips commas, quotes, line breaks and every script", () => {
    const rows = [
      ["a,b", 'he said "no"', "line 1\nline 2\r\nline 3", "مرحبا، عالم", "你好", "नमस्ते", " padded "],
      ["", "plain", "x", "fa: سلام", "ru: привет", "pt: ação", "id: halo"],
    ];
    const csv = toCsv(["c1", "c2", "c3", "c4", "c5", "c6", "c7"], rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n").length).toBeGreaterThan(3);
    expect(csv).toContain('"he said ""no"""');
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed[0]).toEqual(["c1", "c2", "c3", "c4", "c5", "c6", "c7"]);
    expect(parsed.slice(1)).toEqual(rows);
  });

  it("writes dates as ISO 8601, numbers and booleans as such, nothing for null", () => {
    const csv = toCsv(["a", "b", "c", "d", "e"], [[new Date("2026-01-02T03:04:05.000Z"), 42.5, true, null, undefined]]);
    expect(parse(csv, { bom: true })[1]).toEqual(["2026-01-02T03:04:05.000Z", "42.5", "true", "", ""]);
  });

  it("keeps text that starts like a formula from running in a spreadsheet", () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil.example")')).toBe('\'=HYPERLINK("http://evil.example")');
    for (const start of ["+", "-", "@", "\t"]) expect(neutralizeFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutralizeFormula("1+1")).toBe("1+1");
    const csv = toCsv(["explanation"], [["=1+1"], [-3]]);
    expect(parse(csv, { bom: true }).slice(1)).toEqual([["'=1+1"], ["-3"]]);
  });
});
