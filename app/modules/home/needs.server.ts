// "What needs you now", by role and with named objects: ballots to cast,
// amendments to decide, co-drafting, consultations closing on your topics,
// brackets your delegation holds, access requests to decide, assessments to
// submit or review, strategy drafts to publish; the chair's open votes.
// A fixed number of indexed queries, whatever the data (no N+1).
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { nameObjects, objectKey } from "~/modules/notification/objects.server";
import type { ObjectType } from "~/modules/notification/categories";

/** Items per kind at most (the pages behind the links list them all). */
const NEEDS_PER_KIND = 5;
const CLOSING_SOON_DAYS = 7;

export type NeedKind =
  | "ballot"
  | "ballotCast"
  | "voteToChair"
  | "amendment"
  | "coDrafting"
  | "consultation"
  | "bracket"
  | "accessRequest"
  | "assessmentDraft"
  | "assessmentReturned"
  | "assessmentToReview"
  | "strategyDraft";

export type Need = {
  kind: NeedKind;
  object: { type: ObjectType; id: string };
  /** Link target, under the language prefix (`/proposals/x/vote`); the object's slug fills `{slug}`. */
  path: string;
  /** Dates to show in the reader's time zone, and other values of the sentence. */
  at?: Date;
  values?: Record<string, string | number>;
};

export type NamedNeed = Need & { title: string; titleLanguage: string; href: string };

const KIND_ORDER: NeedKind[] = [
  "ballot",
  "ballotCast",
  "voteToChair",
  "amendment",
  "coDrafting",
  "consultation",
  "bracket",
  "accessRequest",
  "assessmentDraft",
  "assessmentReturned",
  "assessmentToReview",
  "strategyDraft",
];

type NeedRow = {
  kind: NeedKind;
  objectType: ObjectType;
  objectId: string;
  at: Date | null;
  sectionKey: string | null;
  delegationCode: string | null;
  requester: string | null;
  voted: number | null;
  eligible: number | null;
};

/**
 * Everything that needs the person, in one query (ten bounded, indexed parts in a
 * UNION ALL; a part the person's role does not call for is switched off by a
 * parameter and never read). The home page runs on every visit: one round trip.
 */
export async function needsOf(user: CurrentUser): Promise<Need[]> {
  const delegationId = user.delegation?.id ?? null;
  const drafts = Boolean(delegationId) && can(user, "draftForDelegation");
  const leads = Boolean(delegationId) && can(user, "publishForDelegation");
  const casts = Boolean(delegationId) && can(user, "castBallot");
  const chairs = can(user, "chairVote");
  const members = can(user, "readMembersOnly");
  const assesses = user.role === "HEAD" && Boolean(delegationId);
  const reviews = can(user, "administer");
  const now = new Date();
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000);
  const d = delegationId;
  const n = NEEDS_PER_KIND;

  const rows = await prisma.$queryRaw<NeedRow[]>`
    WITH follows AS (
      SELECT "targetType", "targetId" FROM "Follow"
      WHERE ${members} AND "userId" = ${user.id}::uuid AND "targetType" IN ('PROPOSAL', 'DSI_DIMENSION')
    )
    (SELECT CASE WHEN EXISTS (SELECT 1 FROM "Ballot" b WHERE b."voteId" = v.id AND b."delegationId" = ${d}::uuid) THEN 'ballotCast' ELSE 'ballot' END AS kind,
            'proposal' AS "objectType", v."proposalId"::text AS "objectId", v."closesAt" AS at,
            NULL AS "sectionKey", NULL AS "delegationCode", NULL AS requester, NULL::int AS voted, NULL::int AS eligible
       FROM "Vote" v
      WHERE ${casts} AND v.status = 'OPEN' AND v."closesAt" > ${now}
        AND EXISTS (SELECT 1 FROM "VoteEligibility" e WHERE e."voteId" = v.id AND e."delegationId" = ${d}::uuid)
      ORDER BY v."closesAt" LIMIT ${n})
    UNION ALL
    (SELECT 'voteToChair', 'proposal', v."proposalId"::text, v."closesAt", NULL, NULL, NULL,
            (SELECT count(*)::int FROM "Ballot" b WHERE b."voteId" = v.id), v."eligibleCount"
       FROM "Vote" v WHERE ${chairs} AND v.status = 'OPEN' ORDER BY v."closesAt" LIMIT ${n})
    UNION ALL
    (SELECT 'amendment', 'proposal', a."proposalId"::text, NULL, a."sectionKey", dl.code, NULL, NULL, NULL
       FROM "Amendment" a JOIN "Proposal" p ON p.id = a."proposalId" JOIN "Delegation" dl ON dl.id = a."delegationId"
      WHERE ${drafts} AND a.status = 'PENDING' AND p."leadDelegationId" = ${d}::uuid AND p.status = 'CONSULTATION'
      ORDER BY a."createdAt" LIMIT ${n})
    UNION ALL
    (SELECT 'coDrafting', 'proposal', c."proposalId"::text, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "ProposalCoDrafter" c JOIN "Proposal" p ON p.id = c."proposalId"
      WHERE ${drafts} AND c."delegationId" = ${d}::uuid AND p.status IN ('DRAFT', 'CONSULTATION')
      ORDER BY c."invitedAt" DESC LIMIT ${n})
    UNION ALL
    -- Consultations closing within a week on what the person follows (the texts, their DSI
    -- topics, their delegation's texts); all of them if they follow nothing.
    (SELECT 'consultation', 'proposal', p.id::text, p."consultationEndsAt", NULL, NULL, NULL, NULL, NULL
       FROM "Proposal" p
      WHERE ${members} AND p.status = 'CONSULTATION' AND p."consultationEndsAt" > ${now} AND p."consultationEndsAt" <= ${soon}
        AND (NOT EXISTS (SELECT 1 FROM follows)
             OR p.id::text IN (SELECT "targetId" FROM follows WHERE "targetType" = 'PROPOSAL')
             OR p.topics::text[] && ARRAY(SELECT "targetId" FROM follows WHERE "targetType" = 'DSI_DIMENSION')
             OR p."leadDelegationId" = ${d}::uuid
             OR EXISTS (SELECT 1 FROM "ProposalCoDrafter" c WHERE c."proposalId" = p.id AND c."delegationId" = ${d}::uuid))
      ORDER BY p."consultationEndsAt" LIMIT ${n})
    UNION ALL
    -- The oldest open bracket per text.
    (SELECT 'bracket', 'proposal', b."proposalId"::text, NULL, b."sectionKey", NULL, NULL, NULL, NULL
       FROM (SELECT DISTINCT ON (b."proposalId") b."proposalId", b."sectionKey", b."openedAt"
               FROM "Bracket" b JOIN "Proposal" p ON p.id = b."proposalId"
              WHERE ${drafts} AND b."holderDelegationId" = ${d}::uuid AND b.status = 'OPEN' AND p.status IN ('DRAFT', 'CONSULTATION')
              ORDER BY b."proposalId", b."openedAt") b
      ORDER BY b."openedAt" LIMIT ${n})
    UNION ALL
    (SELECT 'accessRequest', 'dataset', r."datasetId"::text, NULL, NULL, NULL, u.name, NULL, NULL
       FROM "DatasetAccessRequest" r JOIN "Dataset" ds ON ds.id = r."datasetId" JOIN "User" u ON u.id = r."requesterId"
      WHERE ${leads} AND r.status = 'PENDING' AND ds."stewardDelegationId" = ${d}::uuid
      ORDER BY r."createdAt" LIMIT ${n})
    UNION ALL
    (SELECT CASE WHEN a."returnNote" IS NOT NULL THEN 'assessmentReturned' ELSE 'assessmentDraft' END, 'dsi', a.id::text, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "DsiAssessment" a WHERE ${assesses} AND a."delegationId" = ${d}::uuid AND a.status = 'DRAFT'
      ORDER BY a.year DESC LIMIT ${n})
    UNION ALL
    (SELECT 'assessmentToReview', 'dsi', a.id::text, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "DsiAssessment" a WHERE ${reviews} AND a.status = 'SUBMITTED' ORDER BY a."submittedAt" LIMIT ${n})
    UNION ALL
    (SELECT 'strategyDraft', 'strategy', s.id::text, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "Strategy" s
      WHERE ${leads} AND s."delegationId" = ${d}::uuid AND s.status <> 'SUPERSEDED'
        AND (s."publishedVersion" IS NULL OR s."publishedVersion" < s."currentVersion")
      ORDER BY s."lastActivityAt" DESC LIMIT ${n})`;

  // Parts come back in the order written (an Append); kept explicitly, and stable within a part.
  rows.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return rows.map((r): Need => {
    const object = { type: r.objectType, id: r.objectId };
    const at = r.at ?? undefined;
    switch (r.kind) {
      case "ballot":
      case "ballotCast":
        return { kind: r.kind, object, path: "/proposals/{slug}/vote", at };
      case "voteToChair":
        return { kind: r.kind, object, path: "/proposals/{slug}/vote", at, values: { voted: r.voted ?? 0, eligible: r.eligible ?? 0 } };
      case "amendment":
        return { kind: r.kind, object, path: `/proposals/{slug}/sections/${encodeURIComponent(r.sectionKey!)}#amendments`, values: { delegationCode: r.delegationCode! } };
      case "bracket":
        return { kind: r.kind, object, path: `/proposals/{slug}/sections/${encodeURIComponent(r.sectionKey!)}#brackets` };
      case "consultation":
        return { kind: r.kind, object, path: "/proposals/{slug}", at };
      case "coDrafting":
        return { kind: r.kind, object, path: "/proposals/{slug}" };
      case "accessRequest":
        return { kind: r.kind, object, path: "/datasets/{slug}/access", values: { name: r.requester! } };
      case "assessmentDraft":
      case "assessmentReturned":
      case "assessmentToReview":
        return { kind: r.kind, object, path: "/strategies/dsi/{slug}" };
      case "strategyDraft":
        return { kind: r.kind, object, path: "/strategies/{slug}" };
    }
  });
}

/** The person's needs with their objects named in `lang` and their links. */
export async function getNeeds(user: CurrentUser, lang: string): Promise<NamedNeed[]> {
  const needs = await needsOf(user);
  const named = await nameObjects(
    needs.map((n) => ({ objectType: n.object.type, objectId: n.object.id })),
    lang,
  );
  return needs.flatMap((n) => {
    const o = named.get(objectKey(n.object.type, n.object.id));
    if (!o) return [];
    const slug = n.object.type === "dsi" ? `${o.slug}/${o.year}` : encodeURIComponent(o.slug);
    return [{ ...n, title: o.title, titleLanguage: o.language, href: `/${lang}${n.path.replace("{slug}", slug)}` }];
  });
}
