// What the review page after a stale save shows (ADR 009), computed from the
// merge: in words, what the others changed, which of the drafter's changes were
// kept, what both did alike; and, for each conflict, both texts with a word
// diff. Pure and browser-safe; the page translates the words.
import { diffWords, type DiffPart } from "~/modules/text/diff";
import type { MergeResult, ReviewedContent, ReviewSection, SectionMerge } from "./merge";
import type { DocumentContent, SectionConflict, VersionInfo } from "./types";

export type Change = "changed" | "added" | "removed" | "moved";
export type NamedChange = { kind: "field" | "section"; name: string; change: Change };
export type SetChanges = { name: string; added: string[]; removed: string[] };

export type FieldConflictView = { name: string; mine: string; theirs: string; diff: DiffPart[] };
export type SectionConflictView = {
  /** The section's place in the review form's list. */
  index: number;
  kind: SectionConflict;
  mine: { heading: string; body: string } | null;
  theirs: { heading: string; body: string } | null;
  heading: DiffPart[];
  body: DiffPart[];
};
export type ConflictViews = { fields: FieldConflictView[]; sections: SectionConflictView[] };

export type MergeSummary = {
  theirs: NamedChange[];
  yours: NamedChange[];
  same: NamedChange[];
  conflicts: NamedChange[];
  sets: { theirs: SetChanges[]; yours: SetChanges[] };
};

const nameOf = (s: SectionMerge) => (s.theirs ?? s.mine ?? s.base)!.heading;

function sectionChanges(s: SectionMerge, side: "Them" | "You"): Change[] {
  const changes: Change[] = [];
  if (s[`addedBy${side}`]) changes.push("added");
  else if (s[`removedBy${side}`]) changes.push("removed");
  else if (s[`changedBy${side}`]) changes.push("changed");
  if (s[`movedBy${side}`]) changes.push("moved");
  return changes;
}

export function summarize(merge: MergeResult): MergeSummary {
  const summary: MergeSummary = { theirs: [], yours: [], same: [], conflicts: [], sets: { theirs: [], yours: [] } };
  for (const f of merge.fields) {
    const named = { kind: "field" as const, name: f.name, change: "changed" as const };
    if (f.conflict) summary.conflicts.push(named);
    else if (f.changedByThem && f.changedByYou && f.mine === f.theirs) summary.same.push(named);
    else {
      if (f.changedByThem) summary.theirs.push(named);
      if (f.changedByYou) summary.yours.push(named);
    }
  }
  for (const s of [...merge.sections, ...merge.removed]) {
    const name = nameOf(s);
    if (s.conflict) {
      summary.conflicts.push({ kind: "section", name, change: s.conflict === "bothChanged" ? "changed" : "removed" });
      continue;
    }
    const theirs = sectionChanges(s, "Them");
    const yours = sectionChanges(s, "You");
    const alike =
      s.removedByThem && s.removedByYou
        ? ["removed" as const]
        : s.changedByThem && s.changedByYou && s.mine && s.theirs && s.mine.heading === s.theirs.heading && s.mine.body === s.theirs.body
          ? ["changed" as const]
          : [];
    for (const change of alike) summary.same.push({ kind: "section", name, change });
    for (const change of theirs) if (!(alike as Change[]).includes(change)) summary.theirs.push({ kind: "section", name, change });
    for (const change of yours) if (!(alike as Change[]).includes(change)) summary.yours.push({ kind: "section", name, change });
  }
  for (const [name, set] of Object.entries(merge.sets)) {
    if (set.addedByThem.length || set.removedByThem.length) summary.sets.theirs.push({ name, added: set.addedByThem, removed: set.removedByThem });
    if (set.addedByYou.length || set.removedByYou.length) summary.sets.yours.push({ name, added: set.addedByYou, removed: set.removedByYou });
  }
  return summary;
}

function sectionView(index: number, kind: SectionConflict, mine: { heading: string; body: string } | null, theirs: { heading: string; body: string } | null): SectionConflictView {
  return {
    index,
    kind,
    mine: mine ? { heading: mine.heading, body: mine.body } : null,
    theirs: theirs ? { heading: theirs.heading, body: theirs.body } : null,
    heading: diffWords(theirs?.heading ?? "", mine?.heading ?? ""),
    body: diffWords(theirs?.body ?? "", mine?.body ?? ""),
  };
}

/** The conflicts of a fresh merge, in the review form's order. */
export function conflictViews(merge: MergeResult): ConflictViews {
  return {
    fields: merge.fields.filter((f) => f.conflict).map((f) => ({ name: f.name, mine: f.mine, theirs: f.theirs, diff: diffWords(f.theirs, f.mine) })),
    sections: merge.sections.flatMap((s, index) => (s.conflict ? [sectionView(index, s.conflict, s.mine, s.theirs)] : [])),
  };
}

/**
 * The conflicts of a review form sent back (a choice missing, a field invalid):
 * "theirs" is the version the review was based on, "mine" what the form holds.
 */
export function conflictViewsOf(reference: DocumentContent, reviewed: ReviewedContent): ConflictViews {
  const current = new Map(reference.sections.map((s) => [s.key, s]));
  return {
    fields: (reviewed.fieldConflicts ?? []).map((name) => {
      const mine = reviewed.fields[name] ?? "";
      const theirs = reference.fields[name] ?? "";
      return { name, mine, theirs, diff: diffWords(theirs, mine) };
    }),
    sections: reviewed.sections.flatMap((s, index) => {
      if (!s.conflict) return [];
      const theirs = (s.key && current.get(s.key)) || null;
      return [sectionView(index, s.conflict, s.conflict === "youRemoved" ? null : s, theirs)];
    }),
  };
}

/** What the review page shows and its form starts from. */
export type Review = {
  base: number;
  current: number;
  versions: VersionInfo[];
  /** What happened, in words (only right after the merge). */
  summary: MergeSummary | null;
  conflicts: ConflictViews;
  /** The review form's starting point (only right after the merge). */
  draft: (DocumentContent<ReviewSection> & { fieldConflicts: string[] }) | null;
};
