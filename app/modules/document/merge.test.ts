// Every case of the three-way merge, on plain data.
import { describe, expect, it } from "vitest";
import { mergeDocuments, resolveReview } from "./merge";
import type { DocumentContent, SectionDraft, SectionText } from "./types";

const s = (key: string, heading: string, body = `${heading} text.`): SectionText => ({ key, heading, body });
const doc = (sections: SectionText[], fields: Record<string, string> = { title: "Title" }, sets: Record<string, string[]> = {}): DocumentContent => ({
  fields,
  sets,
  sections,
});
const mine = (sections: SectionDraft[], fields: Record<string, string> = { title: "Title" }, sets: Record<string, string[]> = {}): DocumentContent<SectionDraft> => ({
  fields,
  sets,
  sections,
});

const BASE = doc([s("a", "Principles"), s("b", "Financing"), s("c", "Review")]);
const texts = (r: ReturnType<typeof mergeDocuments>) => r.draft.sections.map((x) => `${x.key ?? "new"}:${x.heading}:${x.body}`);
const keys = (r: ReturnType<typeof mergeDocuments>) => r.draft.sections.map((x) => x.key ?? "new");

describe("sections changed on one side or both", () => {
  it("keeps their change to one section and yours to another", () => {
    const theirs = doc([s("a", "Principles", "Their principles."), s("b", "Financing"), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles"), s("b", "Financing", "My financing."), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(0);
    expect(texts(r)).toEqual(["a:Principles:Their principles.", "b:Financing:My financing.", "c:Review:Review text."]);
    expect(r.sections.find((x) => x.id === "a")).toMatchObject({ changedByThem: true, changedByYou: false, conflict: null });
    expect(r.sections.find((x) => x.id === "b")).toMatchObject({ changedByThem: false, changedByYou: true, conflict: null });
  });

  it("takes the same change made on both sides once, without a conflict", () => {
    const same = [s("a", "Principles", "Agreed wording."), s("b", "Financing"), s("c", "Review")];
    const r = mergeDocuments(BASE, mine(same), doc(same));
    expect(r.conflicts).toBe(0);
    expect(texts(r)[0]).toBe("a:Principles:Agreed wording.");
    expect(r.sections[0]).toMatchObject({ changedByThem: true, changedByYou: true, conflict: null });
  });

  it("merges a heading changed on one side with a body changed on the other", () => {
    const theirs = doc([s("a", "Core principles", "Principles text."), s("b", "Financing"), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles", "My body."), s("b", "Financing"), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(0);
    expect(texts(r)[0]).toBe("a:Core principles:My body.");
  });

  it("makes a section both sides changed differently a conflict, offering your text for editing", () => {
    const theirs = doc([s("a", "Principles", "Their wording."), s("b", "Financing"), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles", "My wording."), s("b", "Financing"), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(1);
    expect(r.sections[0]).toMatchObject({ conflict: "bothChanged", mine: { body: "My wording." }, theirs: { body: "Their wording." } });
    expect(r.draft.sections[0]).toEqual({ key: "a", heading: "Principles", body: "My wording.", conflict: "bothChanged" });
  });
});

describe("fields", () => {
  it("keeps a title only they changed, and makes a title both changed differently a conflict", () => {
    const theirs = doc(BASE.sections, { title: "Their title", summary: "S" });
    const clean = mergeDocuments(doc(BASE.sections, { title: "Title", summary: "S" }), mine(BASE.sections, { title: "Title", summary: "My summary" }), theirs);
    expect(clean.draft.fields).toEqual({ title: "Their title", summary: "My summary" });
    expect(clean.draft.fieldConflicts).toEqual([]);
    const clash = mergeDocuments(BASE, mine(BASE.sections, { title: "My title" }), theirs);
    expect(clash.draft.fieldConflicts).toEqual(["title"]);
    expect(clash.fields.find((f) => f.name === "title")).toMatchObject({ conflict: true, mine: "My title", theirs: "Their title", merged: "My title" });
    expect(clash.conflicts).toBe(1);
  });

  it("merges sets element by element", () => {
    const base = doc(BASE.sections, {}, { dimensions: ["DATA", "SKILLS"] });
    const r = mergeDocuments(base, mine(BASE.sections, {}, { dimensions: ["DATA"] }), doc(BASE.sections, {}, { dimensions: ["DATA", "SKILLS", "INFRA"] }));
    expect(r.draft.sets.dimensions).toEqual(["DATA", "INFRA"]);
    expect(r.sets.dimensions).toMatchObject({ addedByThem: ["INFRA"], removedByYou: ["SKILLS"] });
    expect(r.conflicts).toBe(0);
  });
});

describe("sections added, removed or moved", () => {
  it("adds sections from both sides, each after the section it followed", () => {
    const theirs = doc([s("a", "Principles"), s("t", "Their new"), s("b", "Financing"), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles"), s("b", "Financing"), { heading: "My new", body: "Mine." }, s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(0);
    expect(keys(r)).toEqual(["a", "t", "b", "new", "c"]);
    expect(r.sections.find((x) => x.id === "+2")).toMatchObject({ addedByYou: true });
    expect(r.sections.find((x) => x.id === "t")).toMatchObject({ addedByThem: true });
  });

  it("puts a section you added first at the top", () => {
    const r = mergeDocuments(BASE, mine([{ heading: "Preamble", body: "P." }, ...BASE.sections]), BASE);
    expect(keys(r)).toEqual(["new", "a", "b", "c"]);
  });

  it("removes what one side removed and the other left alone, and what both removed", () => {
    const theirs = doc([s("a", "Principles"), s("b", "Financing")]);
    const r = mergeDocuments(BASE, mine([s("b", "Financing"), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(0);
    expect(keys(r)).toEqual(["b"]);
    expect(r.removed.map((x) => [x.id, x.removedByThem, x.removedByYou])).toEqual(
      expect.arrayContaining([
        ["a", false, true],
        ["c", true, false],
      ]),
    );
    const both = mergeDocuments(BASE, mine([s("a", "Principles"), s("b", "Financing")]), theirs);
    expect(keys(both)).toEqual(["a", "b"]);
    expect(both.removed[0]).toMatchObject({ id: "c", removedByThem: true, removedByYou: true });
  });

  it("makes a section they removed but you changed a conflict, kept in your place", () => {
    const theirs = doc([s("a", "Principles"), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles"), s("b", "Financing", "More money."), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(1);
    expect(keys(r)).toEqual(["a", "b", "c"]);
    expect(r.draft.sections[1]).toEqual({ key: "b", heading: "Financing", body: "More money.", conflict: "theyRemoved" });
  });

  it("makes a section you removed but they changed a conflict, offering their text", () => {
    const theirs = doc([s("a", "Principles"), s("b", "Financing", "Their money."), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles"), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(1);
    expect(r.draft.sections[1]).toEqual({ key: "b", heading: "Financing", body: "Their money.", conflict: "youRemoved" });
  });

  it("keeps your move and their change to the same section", () => {
    const theirs = doc([s("a", "Principles"), s("b", "Financing", "Their money."), s("c", "Review")]);
    const r = mergeDocuments(BASE, mine([s("b", "Financing"), s("a", "Principles"), s("c", "Review")]), theirs);
    expect(r.conflicts).toBe(0);
    expect(texts(r)).toEqual(["b:Financing:Their money.", "a:Principles:Principles text.", "c:Review:Review text."]);
    expect(r.sections.filter((x) => x.movedByYou).map((x) => x.id)).toHaveLength(1);
    expect(r.sections[0]).toMatchObject({ changedByThem: true });
  });

  it("keeps their move and your change", () => {
    const theirs = doc([s("c", "Review"), s("a", "Principles"), s("b", "Financing")]);
    const r = mergeDocuments(BASE, mine([s("a", "Principles", "Mine."), s("b", "Financing"), s("c", "Review")]), theirs);
    expect(texts(r)).toEqual(["c:Review:Review text.", "a:Principles:Mine.", "b:Financing:Financing text."]);
    expect(r.sections[0]).toMatchObject({ movedByThem: true });
  });

  it("leaves a section both moved where they put it", () => {
    const theirs = doc([s("a", "Principles"), s("b", "Financing"), s("c", "Review")].reverse());
    const r = mergeDocuments(BASE, mine([s("b", "Financing"), s("a", "Principles"), s("c", "Review")]), theirs);
    expect(keys(r)).toEqual(["c", "b", "a"]);
    expect(r.conflicts).toBe(0);
  });
});

describe("the drafter's choices on the review page", () => {
  const reference = doc([s("a", "Principles", "Their wording."), s("b", "Financing", "Their money.")], { title: "Their title" });

  it("lists every conflict without a choice, or with one its kind does not allow", () => {
    const { missing } = resolveReview(reference, {
      fields: { title: "My title" },
      sets: {},
      fieldConflicts: ["title"],
      fieldResolutions: {},
      sections: [
        { key: "a", heading: "Principles", body: "Mine.", conflict: "bothChanged" },
        { key: "b", heading: "Financing", body: "Their money.", conflict: "bothChanged", resolution: "remove" },
      ],
    });
    expect(missing).toEqual(["fieldResolutions.title", "sections[0].resolution", "sections[1].resolution"]);
  });

  it("takes the current text, the edited text, or removes the section, as chosen", () => {
    const { content, missing } = resolveReview(reference, {
      fields: { title: "My title" },
      sets: {},
      fieldConflicts: ["title"],
      fieldResolutions: { title: "current" },
      sections: [
        { key: "a", heading: "Principles", body: "Combined wording.", conflict: "bothChanged", resolution: "edited" },
        { key: "b", heading: "Financing", body: "Their money.", conflict: "youRemoved", resolution: "remove" },
        { key: "c", heading: "Mine only", body: "Kept.", conflict: "theyRemoved", resolution: "current" },
        { heading: "New", body: "New text." },
      ],
    });
    expect(missing).toEqual([]);
    expect(content.fields.title).toBe("Their title");
    expect(content.sections).toEqual([
      { key: "a", heading: "Principles", body: "Combined wording." },
      { heading: "New", body: "New text." },
    ]);
  });
});
