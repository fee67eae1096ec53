// Comparing any two versions of a document word by word: each field, each set
// (what was added and removed), and the sections aligned by key. Pure.
import { diffSections, diffWords, type DiffPart, type SectionDiff } from "~/modules/text/diff";
import type { DocumentContent } from "./types";

export type ContentComparison = {
  fields: Record<string, DiffPart[]>;
  /** Each field's value in both versions (for values shown whole, such as dates). */
  values: Record<string, [string, string]>;
  sets: Record<string, { added: string[]; removed: string[] }>;
  sections: SectionDiff[];
};

export function compareContents(from: DocumentContent, to: DocumentContent): ContentComparison {
  const names = [...new Set([...Object.keys(to.fields), ...Object.keys(from.fields)])];
  const setNames = [...new Set([...Object.keys(to.sets), ...Object.keys(from.sets)])];
  return {
    fields: Object.fromEntries(names.map((n) => [n, diffWords(from.fields[n] ?? "", to.fields[n] ?? "")])),
    values: Object.fromEntries(names.map((n) => [n, [from.fields[n] ?? "", to.fields[n] ?? ""]])),
    sets: Object.fromEntries(
      setNames.map((n) => {
        const a = from.sets[n] ?? [];
        const b = to.sets[n] ?? [];
        return [n, { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) }];
      }),
    ),
    sections: diffSections(from.sections, to.sections),
  };
}
