// Proposals' tables seen by the document kernel (ADR 009): a version is a
// ProposalVersion with its texts (ProposalText + ProposalSection); the content
// is the title and the sections. Sponsors, credits and amendments stay here.
import type { DocumentStore } from "~/modules/document/store.server";
import { keyedSections } from "~/modules/text/sections.server";
import { DomainError } from "~/utils/errors";

export const proposalStore: DocumentStore = {
  async lock(tx, proposalId) {
    const rows = await tx.$queryRaw<{ currentVersion: number; originalLanguage: string }[]>`
      SELECT "currentVersion", "originalLanguage" FROM "Proposal" WHERE id = ${proposalId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  },

  async claimNextVersion(tx, proposalId, base) {
    const rows = await tx.$queryRaw<{ currentVersion: number }[]>`
      UPDATE "Proposal" SET "currentVersion" = "currentVersion" + 1, "lastActivityAt" = now()
      WHERE id = ${proposalId}::uuid AND "currentVersion" = ${base} AND status IN ('DRAFT', 'CONSULTATION')
      RETURNING "currentVersion"`;
    return rows[0]?.currentVersion ?? null;
  },

  async readContent(db, proposalId, number) {
    const text = await db.proposalText.findFirst({
      where: { kind: "ORIGINAL", version: { proposalId, number } },
      select: { title: true, sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } } },
    });
    return text ? { fields: { title: text.title }, sets: {}, sections: text.sections } : null;
  },

  async versionsBetween(db, proposalId, after, upTo) {
    const rows = await db.proposalVersion.findMany({
      where: { proposalId, number: { gt: after, lte: upTo } },
      orderBy: { number: "asc" },
      select: { number: true, changeNote: true, createdAt: true, author: { select: { name: true, delegation: { select: { code: true } } } } },
    });
    return rows.map((v) => ({ number: v.number, changeNote: v.changeNote, createdAt: v.createdAt, authorName: v.author.name, delegationCode: v.author.delegation?.code ?? null }));
  },

  async writeVersion(tx, { documentId, number, authorId, changeNote, language, content }) {
    await writeProposalVersion(tx, { proposalId: documentId, number, authorId, changeNote, title: content.fields.title ?? "", language, sections: content.sections });
  },

  async writeTranslation(tx, { documentId, number, language, kind, authorId, translation }) {
    const version = await tx.proposalVersion.findUniqueOrThrow({ where: { proposalId_number: { proposalId: documentId, number } }, select: { id: true } });
    // A newer translation of the same version replaces the previous one (its history is in the audit log).
    const existing = await tx.proposalText.findUnique({ where: { versionId_language: { versionId: version.id, language } }, select: { id: true } });
    if (existing) {
      await tx.proposalSection.deleteMany({ where: { textId: existing.id } });
      await tx.proposalText.delete({ where: { id: existing.id } });
    }
    await tx.proposalText.create({
      data: {
        versionId: version.id,
        language,
        kind,
        title: translation.fields.title ?? "",
        authorId,
        sections: { create: translation.sections.map((s, position) => ({ key: s.key, position, heading: s.heading, body: s.body })) },
      },
    });
  },

  closed: () => new DomainError(409, "errors.wrongStage"),
};

type Tx = Parameters<DocumentStore["writeVersion"]>[0];

/** Writes version `number` with the original-language text; the sponsors of the previous version carry over. */
export async function writeProposalVersion(
  tx: Tx,
  {
    proposalId,
    number,
    authorId,
    changeNote,
    title,
    language,
    sections,
    creditedDelegationId = null,
    amendmentId = null,
  }: {
    proposalId: string;
    number: number;
    authorId: string;
    changeNote: string;
    title: string;
    language: string;
    sections: { key?: string; heading: string; body: string }[];
    creditedDelegationId?: string | null;
    amendmentId?: string | null;
  },
) {
  const version = await tx.proposalVersion.create({
    data: { proposalId, number, authorId, changeNote, creditedDelegationId, amendmentId },
  });
  await tx.proposalText.create({
    data: { versionId: version.id, language, kind: "ORIGINAL", title, authorId, sections: { create: keyedSections(sections) } },
  });
  await tx.$executeRaw`
    INSERT INTO "ProposalSponsor" ("versionId", "delegationId", "joinedById", "joinedAt")
    SELECT ${version.id}::uuid, s."delegationId", s."joinedById", s."joinedAt"
    FROM "ProposalSponsor" s JOIN "ProposalVersion" v ON v.id = s."versionId"
    WHERE v."proposalId" = ${proposalId}::uuid AND v.number = ${number - 1}`;
  return version;
}
