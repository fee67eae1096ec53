// Strategies' tables seen by the document kernel (ADR 009): a version is a
// StrategyVersion (adoption date, dimensions, sectors) with its texts
// (StrategyText: title, summary, issuing authority, a note per dimension, and
// StrategySection). Publication, visibility and succession stay in the domain.
import type { DsiDimension } from "~/generated/prisma/enums";
import type { DocumentStore } from "~/modules/document/store.server";
import type { DocumentContent, SectionDraft } from "~/modules/document/types";
import { keyedSections } from "~/modules/text/sections.server";
import { DomainError } from "~/utils/errors";
import { DSI_DIMENSIONS } from "./constants";

/** The content field holding a dimension's note (`note-DATA_OWNERSHIP`). */
export const noteField = (d: DsiDimension) => `note-${d}`;

/** The translatable fields of a strategy text. */
export const TEXT_FIELDS = ["title", "summary", "issuingAuthority", ...DSI_DIMENSIONS.map(noteField)] as const;

type Tx = Parameters<DocumentStore["writeVersion"]>[0];

/** The words of a version in one language, in the kernel's terms. */
function textFields(text: { title: string; summary: string; issuingAuthority: string; dimensionNotes: { dimension: DsiDimension; summary: string }[] }) {
  return {
    title: text.title,
    summary: text.summary,
    issuingAuthority: text.issuingAuthority,
    ...Object.fromEntries(text.dimensionNotes.map((n) => [noteField(n.dimension), n.summary])),
  };
}

/** Writes one language version of a version; notes only for the dimensions it covers. */
export function createStrategyText(
  tx: Tx,
  {
    versionId,
    language,
    kind,
    authorId,
    fields,
    sections,
    dimensions,
  }: {
    versionId: string;
    language: string;
    kind: "ORIGINAL" | "OFFICIAL_TRANSLATION" | "UNOFFICIAL_TRANSLATION";
    authorId: string;
    fields: Record<string, string>;
    sections: SectionDraft[];
    dimensions: readonly DsiDimension[];
  },
) {
  return tx.strategyText.create({
    data: {
      versionId,
      language,
      kind,
      title: fields.title ?? "",
      summary: fields.summary ?? "",
      issuingAuthority: fields.issuingAuthority ?? "",
      authorId,
      sections: { create: keyedSections(sections) },
      dimensionNotes: {
        create: DSI_DIMENSIONS.filter((d) => dimensions.includes(d) && fields[noteField(d)]).map((d) => ({ dimension: d, summary: fields[noteField(d)]! })),
      },
    },
  });
}

export const strategyStore: DocumentStore = {
  async lock(tx, strategyId) {
    const rows = await tx.$queryRaw<{ currentVersion: number; originalLanguage: string }[]>`
      SELECT "currentVersion", "originalLanguage" FROM "Strategy" WHERE id = ${strategyId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  },

  async claimNextVersion(tx, strategyId, base) {
    // A superseded strategy takes no new version.
    const rows = await tx.$queryRaw<{ currentVersion: number }[]>`
      UPDATE "Strategy" SET "currentVersion" = "currentVersion" + 1, "lastActivityAt" = now()
      WHERE id = ${strategyId}::uuid AND "currentVersion" = ${base} AND status <> 'SUPERSEDED'
      RETURNING "currentVersion"`;
    return rows[0]?.currentVersion ?? null;
  },

  async readContent(db, strategyId, number): Promise<DocumentContent | null> {
    const version = await db.strategyVersion.findUnique({
      where: { strategyId_number: { strategyId, number } },
      select: {
        adoptedOn: true,
        dimensions: true,
        sectors: true,
        texts: {
          where: { kind: "ORIGINAL" },
          select: {
            title: true,
            summary: true,
            issuingAuthority: true,
            dimensionNotes: { select: { dimension: true, summary: true } },
            sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } },
          },
        },
      },
    });
    const text = version?.texts[0];
    if (!version || !text) return null;
    return {
      fields: { ...textFields(text), adoptedOn: version.adoptedOn ? version.adoptedOn.toISOString().slice(0, 10) : "" },
      sets: { dimensions: version.dimensions, sectors: version.sectors },
      sections: text.sections,
    };
  },

  async versionsBetween(db, strategyId, after, upTo) {
    const rows = await db.strategyVersion.findMany({
      where: { strategyId, number: { gt: after, lte: upTo } },
      orderBy: { number: "asc" },
      select: { number: true, changeNote: true, createdAt: true, author: { select: { name: true, delegation: { select: { code: true } } } } },
    });
    return rows.map((v) => ({ number: v.number, changeNote: v.changeNote, createdAt: v.createdAt, authorName: v.author.name, delegationCode: v.author.delegation?.code ?? null }));
  },

  async writeVersion(tx, { documentId, number, authorId, changeNote, language, content }) {
    // Dimensions and sectors in one canonical order, whatever order the form or the merge gave.
    const dimensions = DSI_DIMENSIONS.filter((d) => (content.sets.dimensions ?? []).includes(d));
    const sectors = [...new Set(content.sets.sectors ?? [])];
    const adoptedOn = content.fields.adoptedOn ? new Date(`${content.fields.adoptedOn}T00:00:00Z`) : null;
    const version = await tx.strategyVersion.create({ data: { strategyId: documentId, number, authorId, changeNote, adoptedOn, dimensions, sectors } });
    await createStrategyText(tx, { versionId: version.id, language, kind: "ORIGINAL", authorId, fields: content.fields, sections: content.sections, dimensions });
  },

  async writeTranslation(tx, { documentId, number, language, kind, authorId, translation }) {
    const version = await tx.strategyVersion.findUniqueOrThrow({ where: { strategyId_number: { strategyId: documentId, number } }, select: { id: true, dimensions: true } });
    // A newer translation into the same language replaces the previous one (the audit log keeps its history).
    const existing = await tx.strategyText.findUnique({ where: { versionId_language: { versionId: version.id, language } }, select: { id: true } });
    if (existing) {
      await tx.strategySection.deleteMany({ where: { textId: existing.id } });
      await tx.strategyDimensionNote.deleteMany({ where: { textId: existing.id } });
      await tx.strategyText.delete({ where: { id: existing.id } });
    }
    await createStrategyText(tx, { versionId: version.id, language, kind, authorId, fields: translation.fields, sections: translation.sections, dimensions: version.dimensions });
  },

  closed: () => new DomainError(409, "strategies:errors.wrongStatus"),
};
