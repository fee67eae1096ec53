// Saving a new version of a document (ADR 009): the drafter's choices on a
// review page are applied first; then the version is claimed only if the text
// is still the one the save was based on. Otherwise nothing is written and the
// drafter gets a three-way merge of their text with the current one.
import { FieldError, notFound, StaleVersionError } from "~/utils/errors";
import { mergeDocuments, resolveReview, type MergeResult, type ReviewedContent } from "./merge";
import type { DocumentStore } from "./store.server";
import type { Transaction } from "~/utils/db.server";
import type { DocumentContent, SectionDraft, VersionInfo } from "./types";

/** What a stale save carries back to the drafter. */
export type StaleSave = {
  /** The version the drafter's text started from. */
  base: number;
  current: number;
  /** The versions saved meanwhile (who, when, why). */
  versions: VersionInfo[];
  merge: MergeResult;
};

export class DocumentStaleError extends StaleVersionError<StaleSave> {}

/** The message beside a conflict left without a choice. */
export const CHOOSE_MESSAGE = "documents:review.required";

export async function saveDocumentVersion(
  tx: Transaction,
  store: DocumentStore,
  {
    documentId,
    baseVersion,
    authorId,
    changeNote,
    content: submitted,
  }: { documentId: string; baseVersion: number; authorId: string; changeNote: string; content: ReviewedContent },
): Promise<{ number: number; content: DocumentContent<SectionDraft> }> {
  const reference = await store.readContent(tx, documentId, baseVersion);
  if (!reference) throw notFound();
  const { content, missing } = resolveReview(reference, submitted);
  if (missing.length) throw new FieldError(400, Object.fromEntries(missing.map((path) => [path, CHOOSE_MESSAGE])));
  const number = await store.claimNextVersion(tx, documentId, baseVersion);
  if (number === null) {
    const state = await store.lock(tx, documentId);
    if (!state) throw notFound();
    if (state.currentVersion === baseVersion) throw store.closed();
    const [theirs, versions] = await Promise.all([
      store.readContent(tx, documentId, state.currentVersion),
      store.versionsBetween(tx, documentId, baseVersion, state.currentVersion),
    ]);
    throw new DocumentStaleError(state.currentVersion, {
      base: baseVersion,
      current: state.currentVersion,
      versions,
      merge: mergeDocuments(reference, content, theirs!),
    });
  }
  const state = await store.lock(tx, documentId);
  await store.writeVersion(tx, { documentId, number, authorId, changeNote, language: state!.originalLanguage, content });
  return { number, content };
}
