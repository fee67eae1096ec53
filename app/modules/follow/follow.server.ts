// Following a proposal, a strategy, a dataset, a model or a DSI dimension:
// the follower hears of what happens to it (app/modules/notification). The
// delegations that lead or co-draft a proposal follow it without asking.
import type { FollowTarget } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound, forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { FOLLOW_LIST_MAX } from "./constants";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object exists and the person may see it (nobody follows what they cannot read). */
async function assertFollowable(actor: CurrentUser, target: FollowTarget, id: string) {
  if (target === "DSI_DIMENSION") {
    if (!(DSI_DIMENSIONS as readonly string[]).includes(id)) throw notFound();
    return;
  }
  if (!UUID.test(id)) throw notFound();
  const members = can(actor, "readMembersOnly");
  switch (target) {
    case "PROPOSAL":
      if (!members) throw forbidden();
      if (!(await prisma.proposal.count({ where: { id } }))) throw notFound();
      return;
    case "STRATEGY": {
      const s = await prisma.strategy.findUnique({ where: { id }, select: { visibility: true, publishedVersion: true, delegationId: true } });
      const own = s?.delegationId === actor.delegation?.id;
      if (!s || (!own && (s.publishedVersion === null || (s.visibility === "MEMBERS" && !members)))) throw notFound();
      return;
    }
    case "DATASET":
      if (!(await prisma.dataset.count({ where: { id } }))) throw notFound();
      return;
    case "MODEL":
      if (!(await prisma.aiModel.count({ where: { id } }))) throw notFound();
      return;
  }
}

export async function follow({ actor, target, id }: { actor: CurrentUser; target: FollowTarget; id: string }) {
  await assertFollowable(actor, target, id);
  await prisma.follow.upsert({
    where: { userId_targetType_targetId: { userId: actor.id, targetType: target, targetId: id } },
    create: { userId: actor.id, targetType: target, targetId: id },
    update: {},
  });
}

export async function unfollow({ actor, target, id }: { actor: CurrentUser; target: FollowTarget; id: string }) {
  await prisma.follow.deleteMany({ where: { userId: actor.id, targetType: target, targetId: id } });
}

export async function isFollowing(userId: string | undefined, target: FollowTarget, id: string): Promise<boolean> {
  if (!userId) return false;
  return (await prisma.follow.count({ where: { userId, targetType: target, targetId: id } })) > 0;
}

/** The DSI dimensions the person follows. */
export async function followedDimensions(userId: string): Promise<string[]> {
  const rows = await prisma.follow.findMany({ where: { userId, targetType: "DSI_DIMENSION" }, select: { targetId: true } });
  return rows.map((r) => r.targetId);
}

/** What the person follows, newest first (bounded). */
export async function listFollows(userId: string) {
  return prisma.follow.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: FOLLOW_LIST_MAX,
    select: { targetType: true, targetId: true, createdAt: true },
  });
}

/** Follows exactly these DSI dimensions (those not listed are no longer followed). */
export async function setFollowedDimensions({ actor, dimensions }: { actor: CurrentUser; dimensions: string[] }) {
  const wanted = [...new Set(dimensions)].filter((d) => (DSI_DIMENSIONS as readonly string[]).includes(d));
  await prisma.$transaction([
    prisma.follow.deleteMany({ where: { userId: actor.id, targetType: "DSI_DIMENSION", targetId: { notIn: wanted } } }),
    prisma.follow.createMany({ data: wanted.map((d) => ({ userId: actor.id, targetType: "DSI_DIMENSION" as const, targetId: d })), skipDuplicates: true }),
  ]);
}

/** Whether the person follows a proposal, and whether they follow it anyway (their delegation leads or co-drafts it). */
export async function proposalFollowState(user: CurrentUser, proposalId: string): Promise<{ following: boolean; automatic: boolean }> {
  const delegationId = user.delegation?.id;
  const [following, drafts] = await Promise.all([
    isFollowing(user.id, "PROPOSAL", proposalId),
    delegationId && can(user, "draftForDelegation")
      ? prisma.proposal.count({ where: { id: proposalId, OR: [{ leadDelegationId: delegationId }, { coDrafters: { some: { delegationId } } }] } })
      : Promise.resolve(0),
  ]);
  return { following, automatic: drafts > 0 };
}
