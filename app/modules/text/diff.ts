import { diffArrays } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type SectionText = { key: string; heading: string; body: string };
export type SectionDiff = {
  key: string;
  change: "added" | "removed" | "changed" | "unchanged";
  heading: DiffPart[];
  body: DiffPart[];
};

// A token is a word (letters, combining marks, digits, and the joiners Persian writes inside
// words), a run of whitespace, or any other single character. Han, Hiragana and Katakana are
// written without spaces, so each of their characters is a token of its own.
// jsdiff's own diffWords is not used: its word tokenizer only knows Latin letters (Arabic,
// Cyrillic or Devanagari come out letter by letter), and it does not keep the whitespace of both
// sides. A fixed regex (rather than Intl.Segmenter) gives the same diff on server and browser.
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}\u200C\u200D])+|\s+|./gsu;

/**
 * Word-level diff that keeps every character: the "same" and "added" parts joined give `after`,
 * the "same" and "removed" parts joined give `before`.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts = diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? []).map((change): DiffPart => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value.join(""),
  }));
  return groupChanges(parts);
}

// Within a changed stretch, one removed part then one added part. A lone run of whitespace kept
// between two changes joins them, so "a b" → "x y" reads as one replacement, not two.
function groupChanges(parts: DiffPart[]): DiffPart[] {
  const grouped: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) grouped.push({ kind: "removed", text: removed });
    if (added) grouped.push({ kind: "added", text: added });
    removed = added = "";
  };
  parts.forEach((part, i) => {
    // jsdiff never yields two "same" parts in a row, so a "same" part's neighbours are changes.
    const joins = part.kind === "same" && i > 0 && i < parts.length - 1 && /^\s+$/.test(part.text);
    if (part.kind === "same" && !joins) {
      flush();
      grouped.push(part);
      return;
    }
    if (part.kind !== "added") removed += part.text;
    if (part.kind !== "removed") added += part.text;
  });
  flush();
  return grouped;
}

const whole = (kind: "added" | "removed", text: string): DiffPart[] => (text ? [{ kind, text }] : []);

/**
 * Sections aligned by key, in the order of `after`; a removed section stays where it was in
 * `before` (after the section that preceded it there).
 */
export function diffSections(before: SectionText[], after: SectionText[]): SectionDiff[] {
  const old = new Map(before.map((section) => [section.key, section]));
  const kept = new Set(after.map((section) => section.key));

  // Removed sections, grouped by the key of the kept section before them (null: at the start).
  const removedAfter = new Map<string | null, SectionDiff[]>();
  let previous: string | null = null;
  for (const section of before) {
    if (kept.has(section.key)) {
      previous = section.key;
      continue;
    }
    const removed: SectionDiff = {
      key: section.key,
      change: "removed",
      heading: whole("removed", section.heading),
      body: whole("removed", section.body),
    };
    removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), removed]);
  }

  const result = [...(removedAfter.get(null) ?? [])];
  for (const section of after) {
    result.push(compare(old.get(section.key), section), ...(removedAfter.get(section.key) ?? []));
  }
  return result;
}

function compare(before: SectionText | undefined, after: SectionText): SectionDiff {
  if (!before) {
    return { key: after.key, change: "added", heading: whole("added", after.heading), body: whole("added", after.body) };
  }
  const unchanged = before.heading === after.heading && before.body === after.body;
  return {
    key: after.key,
    change: unchanged ? "unchanged" : "changed",
    heading: diffWords(before.heading, after.heading),
    body: diffWords(before.body, after.body),
  };
}
