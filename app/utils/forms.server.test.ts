import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boundLists, LIST_DEFAULT_MAX, listLimits, nameToPath, parseForm } from "./forms.server";

const Section = z.object({ heading: z.string(), body: z.string() });
const Schema = z.object({
  title: z.string(),
  topics: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.string()).max(4)),
  sections: z
    .array(Section.extend({ notes: z.array(z.string()) }))
    .min(1)
    .max(3),
});

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("nameToPath", () => {
  it.each([
    ["title", ["title"]],
    ["sections[2].heading", ["sections", 2, "heading"]],
    ["a[0][1].b", ["a", 0, 1, "b"]],
    ["sections[99999999999999].x", ["sections", 99999999999999, "x"]],
  ])("reads %s", (name, path) => expect(nameToPath(name)).toEqual(path));

  it.each(["", "[0]", "a[]", "a..b", "a.", "a[x]", ".a"])("refuses %j", (name) => expect(nameToPath(name)).toBeNull());
});

describe("listLimits", () => {
  it("reads each list's maximum through preprocess, nesting and defaults", () => {
    const limits = listLimits(Schema);
    expect(limits.get("topics")).toBe(4);
    expect(limits.get("sections")).toBe(3);
    expect(limits.get("sections[].notes")).toBe(LIST_DEFAULT_MAX);
  });
});

describe("boundLists", () => {
  const limits = listLimits(Schema);

  it("closes gaps in indexes, keeping order", () => {
    const { formData, overflow } = boundLists(
      form([
        ["sections[2].heading", "b"],
        ["sections[0].heading", "a"],
        ["sections[2].body", "bb"],
        ["title", "t"],
      ]),
      limits,
    );
    expect(overflow).toEqual([]);
    expect([...formData.entries()]).toEqual([
      ["sections[1].heading", "b"],
      ["sections[0].heading", "a"],
      ["sections[1].body", "bb"],
      ["title", "t"],
    ]);
  });

  it("refuses an index past the maximum and never echoes it", () => {
    const { formData, overflow } = boundLists(
      form([
        ["sections[99999].heading", "h"],
        ["sections[0].heading", "a"],
      ]),
      limits,
    );
    expect(overflow).toEqual([{ name: "sections", max: 3 }]);
    expect([...formData.keys()]).toEqual(["sections[0].heading"]);
  });

  it("bounds nested lists per instance and repeated fields by count", () => {
    const entries: [string, string][] = [];
    for (let i = 0; i < 60; i++) entries.push([`sections[1].notes[${i}]`, "n"]);
    for (let i = 0; i < 9; i++) entries.push(["topics", `t${i}`]);
    const { formData, overflow } = boundLists(form(entries), limits);
    expect(overflow).toEqual(
      expect.arrayContaining([
        { name: "sections[1].notes", max: LIST_DEFAULT_MAX },
        { name: "topics", max: 4 },
      ]),
    );
    expect(formData.getAll("topics")).toHaveLength(4);
    expect([...formData.keys()].filter((k) => k.startsWith("sections[0].notes"))).toHaveLength(LIST_DEFAULT_MAX);
  });

  it("drops names a list parser could misread", () => {
    const { formData } = boundLists(
      form([
        ["sections[x].heading", "h"],
        ["a[]", "1"],
        ["plain", "p"],
      ]),
      limits,
    );
    expect([...formData.keys()]).toEqual(["plain"]);
  });
});

describe("parseForm", () => {
  it("refuses a huge index at once, with the message beside the list and a small echo", () => {
    const started = performance.now();
    const submission = parseForm(
      form([
        ["title", "t"],
        ["sections[99999].heading", "h"],
        ["sections[99999].body", "b"],
      ]),
      Schema,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error?.sections).toEqual(['validation.tooMany|{"count":3}']);
    const reply = submission.reply();
    expect(JSON.stringify(reply).length).toBeLessThan(500);
  });

  it("parses a valid form after closing gaps", () => {
    const submission = parseForm(
      form([
        ["title", "t"],
        ["topics", "a"],
        ["sections[2].heading", "h"],
        ["sections[2].body", "b"],
        ["sections[2].notes[3]", "n"],
      ]),
      Schema,
    );
    expect(submission.status === "error" ? submission.error : undefined).toBeUndefined();
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.sections).toEqual([{ heading: "h", body: "b", notes: ["n"] }]);
  });
});
