// The shapes of a versioned multilingual document (proposals, strategies), shared
// by the kernel's services, its pure merge and comparison, and the components.
// Browser-safe: no Prisma, no zod.

export type TextKind = "ORIGINAL" | "OFFICIAL_TRANSLATION" | "UNOFFICIAL_TRANSLATION";
export type TranslationKind = Exclude<TextKind, "ORIGINAL">;

/** One language version of a version: the original, or an official or unofficial translation. */
export type LanguageVersion = { language: string; kind: TextKind };

/** A section as stored: its key is stable across versions and languages. */
export type SectionText = { key: string; heading: string; body: string };
/** A section as an editor sends it: a new one has no key yet. */
export type SectionDraft = { key?: string; heading: string; body: string };

/**
 * What one save of the original language writes, in the kernel's terms: named
 * one-value fields (title, summary, a date…), named sets (dimensions, sectors)
 * and ordered sections. Each document type maps its own tables to and from it.
 */
export type DocumentContent<S extends SectionDraft = SectionText> = {
  fields: Record<string, string>;
  sets: Record<string, string[]>;
  sections: S[];
};

/** Who saved a version, when, and why. */
export type VersionInfo = {
  number: number;
  authorName: string;
  /** The author's delegation (ISO code), if any. */
  delegationCode: string | null;
  createdAt: Date;
  changeNote: string;
};

/** How a drafter settles a conflict on the review page. */
export const RESOLUTIONS = ["current", "edited", "remove"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * What kind of conflict a section is in: both sides changed it differently, the
 * other side removed what you changed, or you removed what the other side changed.
 */
export const SECTION_CONFLICTS = ["bothChanged", "theyRemoved", "youRemoved"] as const;
export type SectionConflict = (typeof SECTION_CONFLICTS)[number];

/** The choices offered for each kind of conflict (a field conflict is always `bothChanged`). */
export const RESOLUTION_CHOICES: Record<SectionConflict, readonly Resolution[]> = {
  bothChanged: ["current", "edited"],
  theyRemoved: ["current", "edited"],
  youRemoved: ["current", "remove"],
};
