// Reading the columns of tabular files: headers, types from a sample, and the
// files whose columns cannot be told.
import { describe, expect, it } from "vitest";
import { delimitedColumns, jsonLinesColumns, judgeType } from "./columns.server";

describe("columns of tabular files", () => {
  it("judges each column's type from its sampled values", () => {
    expect(judgeType(["1", "-2", " 30 "])).toBe("sc:Integer");
    expect(judgeType(["1", "2.5", "1e3"])).toBe("sc:Float");
    expect(judgeType(["true", "FALSE"])).toBe("sc:Boolean");
    expect(judgeType(["2026-01-31", "2026-02-01T10:00:00Z"])).toBe("sc:Date");
    expect(judgeType(["2026-13-45"])).toBe("sc:Text");
    expect(judgeType(["1", "x"])).toBe("sc:Text");
    expect(judgeType(["", null, undefined])).toBe("sc:Text");
    expect(judgeType([1, 2, null])).toBe("sc:Integer");
    expect(judgeType([1.5, 2])).toBe("sc:Float");
    expect(judgeType([true])).toBe("sc:Boolean");
  });

  it("reads a CSV or TSV header, quoted names and all, with a byte-order mark", () => {
    expect(delimitedColumns('\uFEFFid,"nome, completo",nota\n1,"Silva, Ana",9.5\n2,"Souza",7\n', ",")).toEqual([
      { name: "id", dataType: "sc:Integer" },
      { name: "nome, completo", dataType: "sc:Text" },
      { name: "nota", dataType: "sc:Float" },
    ]);
    expect(delimitedColumns('hi\ten\n"quoted\tcell\n', "\t")).toEqual([
      { name: "hi", dataType: "sc:Text" },
      { name: "en", dataType: "sc:Text" },
    ]);
  });

  it("knows no columns when the header has empty or repeated names", () => {
    expect(delimitedColumns("a,,c\n1,2,3\n", ",")).toBeNull();
    expect(delimitedColumns("a,a\n1,2\n", ",")).toBeNull();
    expect(delimitedColumns("", ",")).toBeNull();
  });

  it("reads the scalar keys of JSON Lines in the order first seen, leaving nested ones out", () => {
    const text = ['{"id":1,"text":"مرحبا","meta":{"a":1}}', "", '{"id":2,"text":"hello","label":true}'].join("\n");
    expect(jsonLinesColumns(text)).toEqual([
      { name: "id", dataType: "sc:Integer" },
      { name: "text", dataType: "sc:Text" },
      { name: "label", dataType: "sc:Boolean" },
    ]);
    expect(jsonLinesColumns('{"id":1}\nnot json\n')).toBeNull();
    expect(jsonLinesColumns("[1,2]\n")).toBeNull();
  });
});
