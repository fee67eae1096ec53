// Access requests for datasets "on request": a user asks with a purpose; the
// steward delegation's head (or an alternate) approves or denies with a note;
// the requester is notified in the app; an approval lets that user download
// that dataset. One open or granted request per user and dataset (a unique
// index), and a request is decided once (a conditional update).
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { notifyEvent } from "~/modules/notification/events.server";
import { ACCESS_REQUESTS_PAGE_SIZE } from "./constants";
import { hasAccessGrant } from "./dataset.server";
import { mayDecideAccess, mayRequestAccess } from "./permissions";

export async function requestAccess({ actor, datasetId, purpose }: { actor: CurrentUser; datasetId: string; purpose: string }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const d = await tx.dataset.findUnique({ where: { id: datasetId }, select: { id: true, slug: true, stewardDelegationId: true, access: true } });
      if (!d) throw notFound();
      if (d.access !== "ON_REQUEST") throw new DomainError(409, "research:errors.notOnRequest");
      if (!mayRequestAccess(actor, d, await hasAccessGrant(actor.id, d.id))) throw new DomainError(409, "research:errors.alreadyHasAccess");
      const request = await tx.datasetAccessRequest.create({ data: { datasetId, requesterId: actor.id, purpose }, select: { id: true } });
      // The steward's head and alternates decide: they are told.
      await notifyEvent(tx, {
        kind: "dataset.accessRequested",
        actorId: actor.id,
        object: { type: "dataset", id: d.id },
        data: { name: actor.name },
        to: [{ delegations: [d.stewardDelegationId], roles: ["HEAD", "ALTERNATE"] }],
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: actor.delegation?.id,
        act: "dataset.accessRequested",
        objectType: "dataset",
        objectId: datasetId,
        data: { requestId: request.id },
      });
      return request;
    });
  } catch (error) {
    // The unique index: a request is already open (two submissions at once yield one).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError(409, "research:errors.alreadyRequested");
    throw error;
  }
}

export async function decideAccess({ actor, requestId, approve, note }: { actor: CurrentUser; requestId: string; approve: boolean; note?: string }) {
  return prisma.$transaction(async (tx) => {
    const r = await tx.datasetAccessRequest.findUnique({
      where: { id: requestId },
      select: { id: true, requesterId: true, dataset: { select: { id: true, slug: true, stewardDelegationId: true, access: true } } },
    });
    if (!r) throw notFound();
    if (!mayDecideAccess(actor, r.dataset)) throw forbidden();
    const status = approve ? "APPROVED" : "DENIED";
    const changed = await tx.datasetAccessRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status, decidedById: actor.id, decidedAt: new Date(), decisionNote: note?.trim() ? note : null },
    });
    if (changed.count !== 1) throw new DomainError(409, "research:errors.requestDecided");
    await notifyEvent(tx, { kind: approve ? "dataset.accessApproved" : "dataset.accessDenied", object: { type: "dataset", id: r.dataset.id }, to: [{ users: [r.requesterId] }] });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: r.dataset.stewardDelegationId,
      act: approve ? "dataset.accessApproved" : "dataset.accessDenied",
      objectType: "dataset",
      objectId: r.dataset.id,
      data: { requestId, requesterId: r.requesterId },
    });
    return { slug: r.dataset.slug, status };
  });
}

/** The steward's view: pending requests first (oldest first), then decided ones (newest first). */
export async function listAccessRequests({ viewer, datasetId, page }: { viewer: CurrentUser; datasetId: string; page: number }) {
  const d = await prisma.dataset.findUnique({ where: { id: datasetId }, select: { stewardDelegationId: true, access: true } });
  if (!d) throw notFound();
  if (!mayDecideAccess(viewer, d) && viewer.delegation?.id !== d.stewardDelegationId) throw forbidden();
  const select = {
    id: true,
    purpose: true,
    status: true,
    createdAt: true,
    decidedAt: true,
    decisionNote: true,
    requester: { select: { name: true, role: true, delegation: { select: { code: true } } } },
    decidedBy: { select: { name: true } },
  } satisfies Prisma.DatasetAccessRequestSelect;
  const [pending, decided, decidedTotal] = await Promise.all([
    prisma.datasetAccessRequest.findMany({ where: { datasetId, status: "PENDING" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select }),
    prisma.datasetAccessRequest.findMany({
      where: { datasetId, status: { not: "PENDING" } },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ACCESS_REQUESTS_PAGE_SIZE,
      take: ACCESS_REQUESTS_PAGE_SIZE,
      select,
    }),
    prisma.datasetAccessRequest.count({ where: { datasetId, status: { not: "PENDING" } } }),
  ]);
  return { pending, decided, decidedTotal, pageSize: ACCESS_REQUESTS_PAGE_SIZE };
}

/** How many requests wait for this head's decision, over all datasets of their delegation. */
export async function countPendingRequestsFor(viewer: CurrentUser | null): Promise<number> {
  if (!viewer?.delegation) return 0;
  return prisma.datasetAccessRequest.count({ where: { status: "PENDING", dataset: { stewardDelegationId: viewer.delegation.id } } });
}

/** Requests waiting for a decision on one dataset. */
export async function countPendingForDataset(datasetId: string): Promise<number> {
  return prisma.datasetAccessRequest.count({ where: { datasetId, status: "PENDING" } });
}
