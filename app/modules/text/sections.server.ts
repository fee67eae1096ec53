// Shared by every versioned text (proposals, strategies): readable slugs and
// stable section keys.
import { randomBytes } from "node:crypto";
import { DomainError } from "~/utils/errors";

export type SectionDraft = { key?: string; heading: string; body: string };

/** A URL slug from a title (Latin letters and digits), with a random suffix; `fallback` for titles in other scripts. */
export function slugFor(title: string, fallback: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const suffix = randomBytes(3).toString("hex");
  return base ? `${base}-${suffix}` : `${fallback}-${suffix}`;
}

/** Keys for new sections; existing keys kept; duplicates refused. */
export function keyedSections(sections: SectionDraft[]) {
  const seen = new Set<string>();
  return sections.map((s, position) => {
    const key = s.key ?? `s-${randomBytes(4).toString("hex")}`;
    if (seen.has(key)) throw new DomainError(400, "errors.duplicateSection");
    seen.add(key);
    return { key, position, heading: s.heading, body: s.body };
  });
}
