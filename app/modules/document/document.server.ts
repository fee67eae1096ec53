// The kernel's reading side for pages (ADR 009): the review after a stale save,
// the conflicts of a review form sent back, and the comparison of two versions.
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { compareContents, type ContentComparison } from "./compare";
import type { ReviewedContent } from "./merge";
import { conflictViews, conflictViewsOf, summarize, type Review } from "./review";
import type { Db, DocumentStore } from "./store.server";
import { SECTION_CONFLICTS } from "./types";
import { DocumentStaleError, type StaleSave } from "./versions.server";

export type { Review } from "./review";
export { saveDocumentVersion, DocumentStaleError, type StaleSave } from "./versions.server";
export { chooseText } from "./language";
export { saveDocumentTranslation } from "./translation.server";

/** The review of a stale save: the merged text, in words and conflict by conflict. */
export function reviewOf(stale: StaleSave): Review {
  return {
    base: stale.base,
    current: stale.current,
    versions: stale.versions,
    summary: summarize(stale.merge),
    conflicts: conflictViews(stale.merge),
    draft: stale.merge.draft,
  };
}

/** Whether a submitted form is a review form with conflicts marked. */
export function hasConflictMarks(reviewed: ReviewedContent): boolean {
  return Boolean(reviewed.fieldConflicts?.length) || reviewed.sections.some((s) => s.conflict);
}

/** The conflicts of a review form that came back (a choice missing, a field invalid), against the version it was based on. */
export async function reviewAgain(db: Db, store: DocumentStore, documentId: string, baseVersion: number, reviewed: ReviewedContent): Promise<Review> {
  const reference = await store.readContent(db, documentId, baseVersion);
  if (!reference) throw notFound();
  return { base: baseVersion, current: baseVersion, versions: [], summary: null, conflicts: conflictViewsOf(reference, reviewed), draft: null };
}

/** Two versions compared word by word, in the original language (the negotiated text). */
export async function compareVersions(db: Db, store: DocumentStore, documentId: string, from: number, to: number): Promise<ContentComparison> {
  const [a, b] = await Promise.all([store.readContent(db, documentId, from), store.readContent(db, documentId, to)]);
  if (!a || !b) throw notFound();
  return compareContents(a, b);
}

/** `?from=` and `?to=` of a history page: version numbers up to `max`, else null. */
export function versionParam(url: URL, name: string, max: number): number | null {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/** The review-relevant part of a form as posted (before or after validation), read leniently. */
export function reviewedFromPayload(payload: unknown, fieldNames: readonly string[]): ReviewedContent & { baseVersion: number | null } {
  const raw = (payload ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const sections = list(raw.sections).map((s) => {
    const x = (s ?? {}) as Record<string, unknown>;
    const conflict = SECTION_CONFLICTS.find((k) => k === x.conflict);
    return { key: str(x.key) || undefined, heading: str(x.heading), body: str(x.body), ...(conflict ? { conflict } : {}) };
  });
  const fields = Object.fromEntries(fieldNames.map((n) => [n, str(raw[n])]));
  const base = Number(raw.baseVersion);
  return {
    baseVersion: Number.isInteger(base) && base >= 1 ? base : null,
    fields,
    sets: {},
    sections,
    fieldConflicts: list(raw.fieldConflicts).filter((n): n is string => typeof n === "string" && fieldNames.includes(n)),
  };
}

/**
 * The review to show after a refused save: a fresh merge after a stale save;
 * the conflicts again when a review form came back (a choice missing, a field
 * invalid); null otherwise.
 */
export async function reviewForRefusedSave(store: DocumentStore, documentId: string, error: unknown, payload: unknown, fieldNames: readonly string[]): Promise<Review | null> {
  if (error instanceof DocumentStaleError) return reviewOf(error.detail);
  const reviewed = reviewedFromPayload(payload, fieldNames);
  if (!hasConflictMarks(reviewed) || reviewed.baseVersion === null) return null;
  return reviewAgain(prisma, store, documentId, reviewed.baseVersion, reviewed);
}
