// Notices of governance events: who hears of what, written set-based in the
// transaction of the act (one INSERT … SELECT for the notices and one for the
// mail outbox, whatever the number of recipients), each person's preferences
// for the category applied in the same statement.
import { Prisma } from "~/generated/prisma/client";
import type { DsiDimension, FollowTarget, Role } from "~/generated/prisma/enums";
import type { Transaction } from "~/utils/db.server";
import { sendJob } from "~/modules/jobs/boss.server";
import { QUEUES } from "~/modules/jobs/queues";
import { CATEGORIES, EVENT_KINDS, type EventKind, type ObjectType } from "./categories";

/** A set of people, described so the database can find them in one query. */
export type Recipients =
  /** These people. */
  | { users: string[] }
  /** The people of these delegations (with these roles, or all). */
  | { delegations: string[]; roles?: Role[] }
  /** Heads and alternates of the delegations eligible in a vote (only those whose delegation has not voted yet). */
  | { voters: string; notVotedOnly?: boolean }
  /** Those who draft a proposal: heads, alternates and delegates of the lead and co-drafting delegations. */
  | { drafters: string }
  /** Those who follow an object. */
  | { followers: FollowTarget; id: string }
  /** Those who follow any of these DSI dimensions. */
  | { dimensionFollowers: DsiDimension[] };

export type NoticeEvent = {
  kind: EventKind;
  /** The person who acted: never notified of their own act. */
  actorId?: string | null;
  object: { type: ObjectType; id: string };
  /** The proposal concerned (digests group by it). */
  proposalId?: string | null;
  /** Values the notice shows besides its object's name (a slug, a date, an outcome, a delegation's code). */
  data?: Record<string, string | number | boolean | null>;
  to: Recipients[];
  /** People in these sets are left out (they heard of it by another notice of the same act). */
  except?: Recipients[];
  /** Only people who may read members-only content (proposals, members-only results). */
  membersOnly?: boolean;
};

const LEADING_ROLES: Role[] = ["HEAD", "ALTERNATE"];
const DRAFTING_ROLES: Role[] = ["HEAD", "ALTERNATE", "DELEGATE"];

function recipientSql(r: Recipients): Prisma.Sql {
  if ("users" in r) return Prisma.sql`SELECT unnest(${r.users}::uuid[]) AS id`;
  if ("delegations" in r) {
    const roles = r.roles ?? null;
    return Prisma.sql`SELECT u.id FROM "User" u WHERE u."delegationId" = ANY(${r.delegations}::uuid[])
      AND (${roles}::text[] IS NULL OR u.role::text = ANY(${roles}::text[]))`;
  }
  if ("voters" in r) {
    return Prisma.sql`SELECT u.id FROM "VoteEligibility" e JOIN "User" u ON u."delegationId" = e."delegationId"
      WHERE e."voteId" = ${r.voters}::uuid AND u.role::text = ANY(${LEADING_ROLES}::text[])
      AND (${r.notVotedOnly ?? false} = false OR NOT EXISTS (
        SELECT 1 FROM "Ballot" b WHERE b."voteId" = e."voteId" AND b."delegationId" = e."delegationId"))`;
  }
  if ("drafters" in r) {
    return Prisma.sql`SELECT u.id FROM "User" u WHERE u.role::text = ANY(${DRAFTING_ROLES}::text[]) AND u."delegationId" IN (
      SELECT p."leadDelegationId" FROM "Proposal" p WHERE p.id = ${r.drafters}::uuid
      UNION ALL SELECT c."delegationId" FROM "ProposalCoDrafter" c WHERE c."proposalId" = ${r.drafters}::uuid)`;
  }
  if ("followers" in r) {
    return Prisma.sql`SELECT f."userId" AS id FROM "Follow" f WHERE f."targetType" = ${r.followers}::"FollowTarget" AND f."targetId" = ${r.id}`;
  }
  return Prisma.sql`SELECT f."userId" AS id FROM "Follow" f
    WHERE f."targetType" = 'DSI_DIMENSION' AND f."targetId" = ANY(${r.dimensionFollowers}::text[])`;
}

function union(sets: Recipients[]): Prisma.Sql {
  return sets.length ? Prisma.join(sets.map(recipientSql), " UNION ") : Prisma.sql`SELECT NULL::uuid AS id WHERE false`;
}

/**
 * Who may read members-only content, in SQL (the rule `readMembersOnly` of
 * app/utils/permissions.ts: the secretariat, anyone in a delegation, experts).
 */
const MAY_READ_MEMBERS_ONLY = Prisma.sql`(u.role = 'SECRETARIAT' OR u."delegationId" IS NOT NULL OR u.role = 'EXPERT')`;

/**
 * Writes the notices of one event and queues its immediate mail, in the
 * caller's transaction. Returns how many notices and mails were written.
 */
export async function notifyEvent(tx: Transaction, event: NoticeEvent): Promise<{ notices: number; mails: number }> {
  const category = EVENT_KINDS[event.kind];
  const defaults = CATEGORIES[category];
  const data = JSON.stringify(event.data ?? {});
  const rows = await tx.$queryRaw<{ notices: number; mails: number }[]>`
    WITH recipients AS (
      SELECT DISTINCT r.id FROM (${union(event.to)}) r
      EXCEPT SELECT x.id FROM (${union(event.except ?? [])}) x
    ), chosen AS (
      SELECT u.id AS "userId",
             COALESCE(p."inApp", ${defaults.inApp}) AS "inApp",
             COALESCE(p.email, ${defaults.email}::"MailMode") AS email
      FROM recipients r
      JOIN "User" u ON u.id = r.id
      LEFT JOIN "NotificationPreference" p ON p."userId" = u.id AND p.category = ${category}
      WHERE u."disabledAt" IS NULL
        AND u.id IS DISTINCT FROM ${event.actorId ?? null}::uuid
        AND (${event.membersOnly ?? false} = false OR ${MAY_READ_MEMBERS_ONLY})
    ), notices AS (
      INSERT INTO "Notification" (id, "userId", kind, category, "objectType", "objectId", "proposalId", data, "inApp", "digestPending")
      SELECT gen_random_uuid(), c."userId", ${event.kind}, ${category}, ${event.object.type}, ${event.object.id}::uuid,
             ${event.proposalId ?? null}::uuid, ${data}::jsonb, c."inApp", c.email = 'DIGEST'
      FROM chosen c WHERE c."inApp" OR c.email <> 'OFF'
      RETURNING id, "userId"
    ), mails AS (
      INSERT INTO "MailOutbox" (id, "userId", kind, category, "notificationId")
      SELECT gen_random_uuid(), n."userId", 'NOTICE', ${category}, n.id
      FROM notices n JOIN chosen c ON c."userId" = n."userId" WHERE c.email = 'IMMEDIATE'
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM mails) AS mails`;
  const result = rows[0] ?? { notices: 0, mails: 0 };
  // The mail job wakes when the act commits (and not at all if it rolls back).
  if (result.mails > 0) await sendJob(tx, QUEUES.mailDeliver.name, {});
  return result;
}

/**
 * Claims a timed notice (a reminder for one deadline) so that it is sent once,
 * whoever runs it and however often: the first caller's transaction gets true.
 */
export async function claimNotice(tx: Transaction, key: string): Promise<boolean> {
  const claimed = await tx.$executeRaw`INSERT INTO "NoticeClaim" (key) VALUES (${key}) ON CONFLICT DO NOTHING`;
  return claimed === 1;
}
