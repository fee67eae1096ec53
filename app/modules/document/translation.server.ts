// Saving a translation of the current version (ADR 009). The document's row is
// locked first, so no new version slips in between the check and the write,
// and two saves of the same translation wait for each other: the second
// replaces the first instead of failing on the unique (version, language) index.
import { DomainError, notFound, StaleVersionError } from "~/utils/errors";
import type { Transaction } from "~/utils/db.server";
import type { DocumentStore, TranslationContent } from "./store.server";
import type { DocumentContent, TranslationKind } from "./types";

export async function saveDocumentTranslation(
  tx: Transaction,
  store: DocumentStore,
  {
    documentId,
    version,
    language,
    kind,
    authorId,
    translation,
  }: { documentId: string; version: number; language: string; kind: TranslationKind; authorId: string; translation: TranslationContent },
): Promise<{ original: DocumentContent }> {
  const state = await store.lock(tx, documentId);
  if (!state) throw notFound();
  if (language === state.originalLanguage) throw new DomainError(400, "errors.translationIsOriginal");
  if (version !== state.currentVersion) throw new StaleVersionError(state.currentVersion, undefined);
  const original = await store.readContent(tx, documentId, version);
  if (!original) throw notFound();
  // A translation follows the original's sections exactly; a different list means the original moved on.
  if (translation.sections.map((s) => s.key).join(",") !== original.sections.map((s) => s.key).join(",")) {
    throw new StaleVersionError(state.currentVersion, undefined);
  }
  await store.writeTranslation(tx, { documentId, number: version, language, kind, authorId, translation });
  return { original };
}
