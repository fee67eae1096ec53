// How a document type plugs its own tables into the kernel (ADR 009). Proposals
// and strategies keep their tables and rules; each implements this small
// interface, and the kernel does the rest: versions with author, time and
// change note, the stale-save check and merge, translations under a lock.
import type { prisma, Transaction } from "~/utils/db.server";
import type { DomainError } from "~/utils/errors";
import type { DocumentContent, SectionDraft, SectionText, TranslationKind, VersionInfo } from "./types";

export type Db = Transaction | typeof prisma;

/** A translation: the translatable fields (a subset of the content's) and every section of the original, by key. */
export type TranslationContent = { fields: Record<string, string>; sections: SectionText[] };

export interface DocumentStore {
  /**
   * Locks the document's row until the transaction ends (`SELECT … FOR UPDATE`)
   * and says which version is current and in which language it is written;
   * null when there is no such document.
   */
  lock(tx: Transaction, documentId: string): Promise<{ currentVersion: number; originalLanguage: string } | null>;
  /**
   * Makes `base + 1` the current version if `base` still is, and the document
   * still takes new versions (one conditional UPDATE); the new number, or null.
   */
  claimNextVersion(tx: Transaction, documentId: string, base: number): Promise<number | null>;
  /** The original-language content of a version; null when it does not exist. */
  readContent(db: Db, documentId: string, number: number): Promise<DocumentContent | null>;
  /** Versions after `after`, up to `upTo`, oldest first: who saved them, when, why. */
  versionsBetween(db: Db, documentId: string, after: number, upTo: number): Promise<VersionInfo[]>;
  /** Writes version `number` (claimed) with its original-language content. */
  writeVersion(
    tx: Transaction,
    input: { documentId: string; number: number; authorId: string; changeNote: string; language: string; content: DocumentContent<SectionDraft> },
  ): Promise<void>;
  /** Writes a translation of version `number`, replacing the one in that language if any. */
  writeTranslation(
    tx: Transaction,
    input: { documentId: string; number: number; language: string; kind: TranslationKind; authorId: string; translation: TranslationContent },
  ): Promise<void>;
  /** The refusal when the document takes no new version any more (voting, superseded…). */
  closed(): DomainError;
}
