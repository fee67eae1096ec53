// Comments on a proposal, anchored to a section of a version, threaded as
// replies. Hidden by the secretariat with a reason, never deleted.
import type { Stance } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeComment } from "~/modules/notification/proposal-events.server";
import { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX_DEPTH, THREADS_PAGE_SIZE } from "~/modules/proposal/constants";
import { mayComment } from "~/modules/proposal/permissions";
import { assertConsultationOpen, loadAccess, originalSections } from "~/modules/proposal/proposal.server";

export async function addComment({
  actor,
  proposalId,
  sectionKey,
  body,
  stance,
  parentId,
}: {
  actor: CurrentUser;
  proposalId: string;
  sectionKey: string;
  body: string;
  stance?: Stance;
  parentId?: string;
}) {
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayComment(actor, access)) throw forbidden();
    await assertConsultationOpen(tx, proposalId);
    let depth = 0;
    let rootId: string | null = null;
    if (parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: parentId, proposalId, sectionKey },
        select: { id: true, depth: true, rootId: true },
      });
      if (!parent) throw notFound();
      if (parent.depth >= COMMENT_MAX_DEPTH) throw new DomainError(400, "errors.threadTooDeep");
      depth = parent.depth + 1;
      rootId = parent.rootId ?? parent.id;
    } else {
      const current = await originalSections(tx, proposalId, access.currentVersion);
      if (!current.sections.some((s) => s.key === sectionKey)) throw notFound();
    }
    const comment = await tx.comment.create({
      data: {
        proposalId,
        versionNumber: access.currentVersion,
        sectionKey,
        parentId: parentId ?? null,
        rootId,
        depth,
        authorId: actor.id,
        delegationId: actor.delegation?.id ?? null,
        body,
        stance: parentId ? null : (stance ?? null),
      },
    });
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await noticeComment(tx, { actor, proposalId, sectionKey, commentId: comment.id, parentId });
    return comment;
  });
}

export async function editComment({ actor, commentId, body }: { actor: CurrentUser; commentId: string; body: string }) {
  const since = new Date(Date.now() - COMMENT_EDIT_WINDOW_MS);
  const r = await prisma.comment.updateMany({
    where: { id: commentId, authorId: actor.id, hiddenAt: null, createdAt: { gt: since } },
    data: { body, editedAt: new Date() },
  });
  if (r.count !== 1) throw new DomainError(403, "errors.editWindowOver");
}

export async function hideComment({ actor, commentId, reason }: { actor: CurrentUser; commentId: string; reason: string }) {
  if (!can(actor, "moderate")) throw forbidden();
  await prisma.$transaction(async (tx) => {
    const r = await tx.comment.updateMany({
      where: { id: commentId, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenById: actor.id, hiddenReason: reason },
    });
    if (r.count !== 1) throw new DomainError(409, "errors.alreadyHidden");
    const c = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { proposalId: true } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      act: "comment.hidden",
      objectType: "comment",
      objectId: commentId,
      data: { proposalId: c.proposalId, reason },
    });
  });
}

const commentSelect = {
  id: true,
  parentId: true,
  rootId: true,
  depth: true,
  versionNumber: true,
  body: true,
  stance: true,
  createdAt: true,
  editedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  authorId: true,
  author: { select: { name: true } },
  delegation: { select: { code: true } },
} as const;

/**
 * One page of a section's threads: the top comments of the page, then every
 * reply in those threads in a single query (no N+1), however long they are.
 */
export async function listSectionThreads({ proposalId, sectionKey, page, viewer }: { proposalId: string; sectionKey: string; page: number; viewer: CurrentUser }) {
  const where = { proposalId, sectionKey, parentId: null };
  const [tops, total] = await Promise.all([
    prisma.comment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * THREADS_PAGE_SIZE,
      take: THREADS_PAGE_SIZE,
      select: commentSelect,
    }),
    prisma.comment.count({ where }),
  ]);
  const replies = tops.length
    ? await prisma.comment.findMany({
        where: { rootId: { in: tops.map((t) => t.id) } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: commentSelect,
      })
    : [];
  const moderator = can(viewer, "moderate");
  const editableSince = Date.now() - COMMENT_EDIT_WINDOW_MS;
  // Hidden comments keep their place; only the secretariat still reads their text.
  const shape = (c: (typeof tops)[number]) => ({
    ...c,
    body: c.hiddenAt && !moderator ? null : c.body,
    mayEdit: c.authorId === viewer.id && !c.hiddenAt && c.createdAt.getTime() > editableSince,
  });
  return { threads: [...tops, ...replies].map(shape), total, pageSize: THREADS_PAGE_SIZE };
}

/** Comment counts per section, for the proposal page. */
export async function countCommentsBySection(proposalId: string) {
  const rows = await prisma.comment.groupBy({ by: ["sectionKey"], where: { proposalId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.sectionKey, r._count._all])) as Record<string, number>;
}
