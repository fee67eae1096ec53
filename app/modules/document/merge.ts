// The three-way merge of a stale save (ADR 009). A drafter started from version
// `base`; meanwhile others saved `theirs`; the drafter now sends `mine`. Each
// field and each section (by key) merges on its own, the way a careful merge
// tool does: a part only one side changed takes that side's text; a part both
// sides changed the same way takes it once; a part both sides changed
// differently is a conflict, settled by the drafter on the review page. Sections
// added, removed or moved on either side merge the same way. Pure and
// browser-safe: the services call it, the tests pin every case.
import { diffArrays } from "diff";
import { RESOLUTION_CHOICES, type DocumentContent, type Resolution, type SectionConflict, type SectionDraft, type SectionText } from "./types";

export type FieldMerge = {
  name: string;
  base: string;
  mine: string;
  theirs: string;
  /** The merged value; in a conflict, the drafter's own (offered for editing). */
  merged: string;
  changedByThem: boolean;
  changedByYou: boolean;
  conflict: boolean;
};

export type SetMerge = {
  merged: string[];
  addedByThem: string[];
  removedByThem: string[];
  addedByYou: string[];
  removedByYou: string[];
};

export type SectionMerge = {
  /** The section's key, or `+n` for the drafter's n-th section that has none yet. */
  id: string;
  base: SectionText | null;
  mine: SectionDraft | null;
  theirs: SectionText | null;
  /** What the review form starts from: the merged text, or in a conflict the text offered for editing; null when removed. */
  draft: SectionDraft | null;
  addedByThem: boolean;
  addedByYou: boolean;
  removedByThem: boolean;
  removedByYou: boolean;
  changedByThem: boolean;
  changedByYou: boolean;
  movedByThem: boolean;
  movedByYou: boolean;
  conflict: SectionConflict | null;
};

/** A section of the review form: conflicts carry their kind, so the form asks for a choice. */
export type ReviewSection = SectionDraft & { conflict?: SectionConflict };

export type MergeResult = {
  fields: FieldMerge[];
  sets: Record<string, SetMerge>;
  /** Every section still in the text (or in a conflict), in the merged order. */
  sections: SectionMerge[];
  /** Sections removed without a conflict. */
  removed: SectionMerge[];
  conflicts: number;
  /** The review form's starting point. */
  draft: DocumentContent<ReviewSection> & { fieldConflicts: string[] };
};

type Merged<T> = { value: T; conflict: boolean };

/** One value, three ways. */
function mergeValue<T>(base: T, mine: T, theirs: T): Merged<T> {
  if (mine === theirs) return { value: mine, conflict: false };
  if (mine === base) return { value: theirs, conflict: false };
  if (theirs === base) return { value: mine, conflict: false };
  return { value: mine, conflict: true };
}

const sameSection = (a: SectionDraft, b: SectionDraft) => a.heading === b.heading && a.body === b.body;

/** Keys whose place among the sections both texts share changed (by a longest common subsequence). */
function movedKeys(base: string[], side: string[]): Set<string> {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const before = base.filter((k) => inSide.has(k));
  const after = side.filter((k) => inBase.has(k));
  const moved = new Set<string>();
  for (const part of diffArrays(before, after)) if (part.added) part.value.forEach((k) => moved.add(k));
  return moved;
}

function mergeFields(base: Record<string, string>, mine: Record<string, string>, theirs: Record<string, string>): FieldMerge[] {
  const names = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  return names.map((name) => {
    const b = base[name] ?? "";
    const m = mine[name] ?? "";
    const t = theirs[name] ?? "";
    const merged = mergeValue(b, m, t);
    return { name, base: b, mine: m, theirs: t, merged: merged.value, changedByThem: t !== b, changedByYou: m !== b, conflict: merged.conflict };
  });
}

function mergeSets(base: Record<string, string[]>, mine: Record<string, string[]>, theirs: Record<string, string[]>): Record<string, SetMerge> {
  const names = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  return Object.fromEntries(
    names.map((name) => {
      const b = new Set(base[name] ?? []);
      const m = new Set(mine[name] ?? []);
      const t = new Set(theirs[name] ?? []);
      const all = [...new Set([...(theirs[name] ?? []), ...(mine[name] ?? []), ...(base[name] ?? [])])];
      // An element stays as the other side has it unless this side changed it.
      const merged = all.filter((x) => (m.has(x) === b.has(x) ? t.has(x) : m.has(x)));
      return [
        name,
        {
          merged,
          addedByThem: all.filter((x) => t.has(x) && !b.has(x)),
          removedByThem: all.filter((x) => !t.has(x) && b.has(x)),
          addedByYou: all.filter((x) => m.has(x) && !b.has(x)),
          removedByYou: all.filter((x) => !m.has(x) && b.has(x)),
        },
      ];
    }),
  );
}

function mergeSection(id: string, base: SectionText | null, mine: SectionDraft | null, theirs: SectionText | null): SectionMerge {
  const entry: SectionMerge = {
    id,
    base,
    mine,
    theirs,
    draft: null,
    addedByThem: !base && Boolean(theirs),
    addedByYou: !base && Boolean(mine),
    removedByThem: Boolean(base) && !theirs,
    removedByYou: Boolean(base) && !mine,
    changedByThem: Boolean(base && theirs) && !sameSection(base!, theirs!),
    changedByYou: Boolean(base && mine) && !sameSection(base!, mine!),
    movedByThem: false,
    movedByYou: false,
    conflict: null,
  };
  const key = base?.key ?? theirs?.key ?? mine?.key;
  const withKey = (s: SectionDraft): SectionDraft => (key ? { key, heading: s.heading, body: s.body } : { heading: s.heading, body: s.body });
  if (base && mine && theirs) {
    const heading = mergeValue(base.heading, mine.heading, theirs.heading);
    const body = mergeValue(base.body, mine.body, theirs.body);
    if (heading.conflict || body.conflict) {
      entry.conflict = "bothChanged";
      entry.draft = withKey(mine);
    } else {
      entry.draft = withKey({ heading: heading.value, body: body.value });
    }
  } else if (base && mine) {
    // The other side removed it: gone, unless this side changed it meanwhile.
    if (entry.changedByYou) {
      entry.conflict = "theyRemoved";
      entry.draft = withKey(mine);
    }
  } else if (base && theirs) {
    if (entry.changedByThem) {
      entry.conflict = "youRemoved";
      entry.draft = withKey(theirs);
    }
  } else if (mine && theirs) {
    // The same key added on both sides (only a hand-made form can do this): one text, or a conflict.
    entry.draft = withKey(mine);
    if (!sameSection(mine, theirs)) entry.conflict = "bothChanged";
  } else if (mine || theirs) {
    entry.draft = withKey((mine ?? theirs)!);
  }
  return entry;
}

/** Merges the drafter's text (`mine`, based on `base`) with the current one (`theirs`). */
export function mergeDocuments(base: DocumentContent, mine: DocumentContent<SectionDraft>, theirs: DocumentContent): MergeResult {
  const fields = mergeFields(base.fields, mine.fields, theirs.fields);
  const sets = mergeSets(base.sets, mine.sets, theirs.sets);

  const mineIds = mine.sections.map((s, i) => s.key ?? `+${i}`);
  const baseIds = base.sections.map((s) => s.key);
  const theirIds = theirs.sections.map((s) => s.key);
  const baseBy = new Map(base.sections.map((s) => [s.key, s]));
  const mineBy = new Map(mine.sections.map((s, i) => [mineIds[i]!, s]));
  const theirBy = new Map(theirs.sections.map((s) => [s.key, s]));
  const movedByYou = movedKeys(baseIds, mineIds);
  const movedByThem = movedKeys(baseIds, theirIds);

  const entries = new Map<string, SectionMerge>();
  for (const id of new Set([...theirIds, ...mineIds, ...baseIds])) {
    const entry = mergeSection(id, baseBy.get(id) ?? null, mineBy.get(id) ?? null, theirBy.get(id) ?? null);
    entry.movedByYou = movedByYou.has(id);
    entry.movedByThem = movedByThem.has(id);
    entries.set(id, entry);
  }
  const present = new Set([...entries.values()].filter((e) => e.draft !== null).map((e) => e.id));

  // The order: theirs, with what this side added or moved placed after the
  // section that precedes it in this side's text. A section both sides moved
  // stays where the other side put it (the summary says so).
  let order = theirIds.filter((id) => present.has(id));
  // (A section whose predecessors on this side are all gone follows its predecessor in the base.)
  const precedingIn = (list: string[], id: string) => list.slice(0, Math.max(0, list.indexOf(id))).reverse();
  const place = (id: string) => {
    const anchor = [...precedingIn(mineIds, id), ...(baseBy.has(id) ? precedingIn(baseIds, id) : [])].find((p) => order.includes(p));
    order.splice(anchor === undefined ? 0 : order.indexOf(anchor) + 1, 0, id);
  };
  for (const id of mineIds) {
    if (!present.has(id)) continue;
    const entry = entries.get(id)!;
    if (!order.includes(id)) place(id);
    else if (entry.movedByYou && !entry.movedByThem) {
      order = order.filter((x) => x !== id);
      place(id);
    }
  }

  const sections = order.map((id) => entries.get(id)!);
  const removed = [...entries.values()].filter((e) => e.draft === null);
  const fieldConflicts = fields.filter((f) => f.conflict).map((f) => f.name);
  return {
    fields,
    sets,
    sections,
    removed,
    conflicts: fieldConflicts.length + sections.filter((s) => s.conflict).length,
    draft: {
      fields: Object.fromEntries(fields.map((f) => [f.name, f.merged])),
      sets: Object.fromEntries(Object.entries(sets).map(([name, s]) => [name, s.merged])),
      sections: sections.map((s) => (s.conflict ? { ...s.draft!, conflict: s.conflict } : s.draft!)),
      fieldConflicts,
    },
  };
}

/** A reviewed submission: conflicts marked by the review form, with the drafter's choices. */
export type ReviewedContent = DocumentContent<ReviewSection & { resolution?: Resolution }> & {
  fieldConflicts?: string[];
  fieldResolutions?: Record<string, Resolution | undefined>;
};

/**
 * Applies the drafter's choices on the review page against the version the
 * review was based on (`reference`): "current" takes that version's text,
 * "edited" the text in the form, "remove" drops the section. Every conflict
 * needs a choice the kind of conflict allows; the paths of those without one
 * come back in `missing`, so the form can say so beside each.
 */
export function resolveReview(reference: DocumentContent, reviewed: ReviewedContent): { content: DocumentContent<SectionDraft>; missing: string[] } {
  const missing: string[] = [];
  const fields = { ...reviewed.fields };
  for (const name of reviewed.fieldConflicts ?? []) {
    const choice = reviewed.fieldResolutions?.[name];
    if (choice === "current") fields[name] = reference.fields[name] ?? "";
    else if (choice !== "edited") missing.push(`fieldResolutions.${name}`);
  }
  const current = new Map(reference.sections.map((s) => [s.key, s]));
  const sections: SectionDraft[] = [];
  reviewed.sections.forEach((section, index) => {
    const { conflict, resolution, ...text } = section;
    if (!conflict) {
      sections.push(text);
      return;
    }
    if (!resolution || !RESOLUTION_CHOICES[conflict].includes(resolution)) {
      missing.push(`sections[${index}].resolution`);
      sections.push(text);
      return;
    }
    if (resolution === "edited") sections.push(text);
    else if (resolution === "current") {
      const theirs = text.key ? current.get(text.key) : undefined;
      if (theirs) sections.push(theirs);
    }
  });
  return { content: { fields, sets: reviewed.sets, sections }, missing };
}
