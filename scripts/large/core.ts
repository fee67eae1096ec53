// Bulk generation of delegations, people, proposals (versions, texts, sections,
// sponsors), comments, votes and ballots, in set-based SQL (generate_series):
// minutes at the largest scale, not hours.
import type pg from "pg";
import { hashPassword } from "~/modules/user/password.server";

export const BENCH_PASSWORD = "concord-bench-2026";

// 50 states: 20 members, 20 partners, 10 observers.
const CODES = [
  "BR",
  "RU",
  "IN",
  "CN",
  "ZA",
  "EG",
  "ET",
  "IR",
  "AE",
  "ID",
  "SA",
  "AR",
  "MX",
  "TR",
  "NG",
  "DZ",
  "MA",
  "KE",
  "GH",
  "PK",
  "BY",
  "BO",
  "KZ",
  "CU",
  "MY",
  "TH",
  "UG",
  "UZ",
  "VN",
  "LK",
  "BD",
  "NP",
  "PE",
  "CL",
  "CO",
  "VE",
  "TN",
  "SN",
  "CM",
  "ZW",
  "ZM",
  "TZ",
  "AO",
  "MZ",
  "PH",
  "KH",
  "LA",
  "MN",
  "AZ",
  "UY",
];
export const LANGS = ["en", "pt", "zh", "ru", "ar", "hi", "es", "fr", "fa", "id"];

export type Scale = { factor: number; users: number; proposals: number; comments: number; bigThread: number };

export function scaleOf(factor: number): Scale {
  return {
    factor,
    users: Math.max(200, Math.round(5000 * factor)),
    proposals: Math.max(40, Math.round(2000 * factor)),
    comments: Math.max(3000, Math.round(200_000 * factor)),
    // The proposal benchmarked for long threads always has at least 2,000 comments.
    bigThread: 2500,
  };
}

export async function timed(client: pg.Client, label: string, sql: string, params: unknown[] = []) {
  const started = performance.now();
  const r = await client.query(sql, params);
  console.log(`  ${label.padEnd(30)} ${String(r.rowCount ?? 0).padStart(8)} rows  ${Math.round(performance.now() - started)} ms`);
}

/** SQL for a paragraph of governance-sounding text, varied by the integer expression `n`. */
export const body = (n: string) => `'Member States ' || (ARRAY['recognise','affirm','agree','note','welcome'])[1 + ((${n}) % 5)] || ' that ' ||
  (ARRAY['sovereign compute','public datasets','open-weight models','AI evaluation','cross-border data flows','digital public infrastructure'])[1 + ((${n}) % 6)] ||
  ' require shared rules on ' || (ARRAY['access','residency','transparency','capacity building','procurement','safety testing'])[1 + (((${n}) / 7) % 6)] ||
  '. Paragraph ' || (${n}) || ': delegations will report progress annually and review this text after three years.'`;

export async function generateCore(client: pg.Client, scale: Scale) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await timed(
    client,
    "delegations",
    `INSERT INTO "Delegation" (id, code, status, "updatedAt")
     SELECT gen_random_uuid(), code, (CASE WHEN i <= 20 THEN 'MEMBER' WHEN i <= 40 THEN 'PARTNER' ELSE 'OBSERVER' END)::"DelegationStatus", now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(code, i)`,
    [CODES],
  );
  // One head per delegation; delegates, experts and observers spread over delegations; one secretariat.
  await timed(
    client,
    "users",
    `WITH d AS (SELECT id, code, status, row_number() OVER (ORDER BY code) AS n FROM "Delegation")
     INSERT INTO "User" (id, email, name, "passwordHash", role, "delegationId", locale, "updatedAt")
     SELECT gen_random_uuid(), 'head.' || lower(d.code) || '@bench.concord.example', 'Head ' || d.code, $1, 'HEAD', d.id, 'en', now() FROM d
     UNION ALL
     SELECT gen_random_uuid(), 'user' || g || '@bench.concord.example', 'Person ' || g, $1,
            (CASE WHEN d.status = 'OBSERVER' THEN 'OBSERVER' WHEN g % 3 = 0 THEN 'EXPERT' ELSE 'DELEGATE' END)::"Role",
            d.id, ($3::text[])[1 + g % 10], now()
     FROM generate_series(1, $2::int) g JOIN d ON d.n = 1 + g % 50
     UNION ALL
     SELECT gen_random_uuid(), 'secretariat@bench.concord.example', 'Bench Secretariat', $1, 'SECRETARIAT', NULL, 'en', now()`,
    [passwordHash, scale.users - 51, LANGS],
  );
  // Proposals led by member and partner delegations, at every stage; the first one carries the long thread.
  await timed(
    client,
    "proposals",
    `WITH lead AS (
       SELECT d.id, u.id AS head, row_number() OVER (ORDER BY d.code) AS n
       FROM "Delegation" d JOIN "User" u ON u."delegationId" = d.id AND u.role = 'HEAD' WHERE d.status <> 'OBSERVER')
     INSERT INTO "Proposal" (id, slug, "leadDelegationId", "createdById", status, "originalLanguage", topics, "currentVersion", "consultationEndsAt", "lastActivityAt", "createdAt")
     SELECT gen_random_uuid(), 'bench-proposal-' || g, lead.id, lead.head,
            (CASE WHEN g = 1 THEN 'CONSULTATION' WHEN g % 20 < 5 THEN 'DRAFT' WHEN g % 20 < 9 THEN 'CONSULTATION'
                  WHEN g % 20 < 12 THEN 'VOTING' WHEN g % 20 < 19 THEN 'ADOPTED' ELSE 'REJECTED' END)::"ProposalStatus",
            ($2::text[])[1 + g % 10],
            ARRAY[(ARRAY['DATA_OWNERSHIP','DIGITAL_INFRASTRUCTURE','DIGITAL_GOVERNANCE','DIGITAL_CAPABILITY'])[1 + g % 4]]::"DsiDimension"[],
            1 + g % 4,
            now() + interval '30 days',
            now() - (g || ' minutes')::interval,
            now() - ((g + 10000) || ' minutes')::interval
     FROM generate_series(1, $1::int) g JOIN lead ON lead.n = 1 + g % 40`,
    [scale.proposals, LANGS],
  );
  await timed(
    client,
    "proposal versions",
    `INSERT INTO "ProposalVersion" (id, "proposalId", number, "authorId", "changeNote", "createdAt")
     SELECT gen_random_uuid(), p.id, v, p."createdById", CASE WHEN v = 1 THEN '' ELSE 'Revision ' || v END, p."createdAt" + (v || ' hours')::interval
     FROM "Proposal" p, generate_series(1, p."currentVersion") v`,
  );
  // The original text of every version, and a translation of the current version of every third proposal.
  await timed(
    client,
    "proposal texts",
    `INSERT INTO "ProposalText" (id, "versionId", language, kind, title, "authorId")
     SELECT gen_random_uuid(), v.id, p."originalLanguage", 'ORIGINAL'::"TextKind", 'Proposal ' || substr(p.slug, 16) || ' on shared AI governance (v' || v.number || ')', v."authorId"
     FROM "ProposalVersion" v JOIN "Proposal" p ON p.id = v."proposalId"
     UNION ALL
     SELECT gen_random_uuid(), v.id, CASE WHEN p."originalLanguage" = 'en' THEN 'fr' ELSE 'en' END, 'OFFICIAL_TRANSLATION'::"TextKind",
            'Translated proposal ' || substr(p.slug, 16), v."authorId"
     FROM "ProposalVersion" v JOIN "Proposal" p ON p.id = v."proposalId" AND v.number = p."currentVersion"
     WHERE substr(p.slug, 16)::int % 3 = 0`,
  );
  await timed(
    client,
    "proposal sections",
    `INSERT INTO "ProposalSection" (id, "textId", key, position, heading, body)
     SELECT gen_random_uuid(), t.id, 's-' || s, s - 1, 'Section ' || s, ${body("s * 7 + length(t.title)")}
     FROM "ProposalText" t, generate_series(1, 4) s`,
  );
  // Sponsors: two member heads per current version.
  await timed(
    client,
    "sponsors",
    `WITH heads AS (SELECT u.id AS uid, u."delegationId" AS did, row_number() OVER (ORDER BY d.code) AS n
                    FROM "User" u JOIN "Delegation" d ON d.id = u."delegationId" WHERE u.role = 'HEAD' AND d.status = 'MEMBER')
     INSERT INTO "ProposalSponsor" ("versionId", "delegationId", "joinedById")
     SELECT v.id, h.did, h.uid FROM "Proposal" p
     JOIN "ProposalVersion" v ON v."proposalId" = p.id AND v.number = p."currentVersion"
     JOIN heads h ON h.n IN (1 + substr(p.slug, 16)::int % 20, 1 + (substr(p.slug, 16)::int + 7) % 20)
     WHERE h.did <> p."leadDelegationId"`,
  );
}

export async function generateComments(client: pg.Client, scale: Scale) {
  // The long thread: the first proposal gets bigThread comments (a fifth of them replies) on its first section.
  await timed(
    client,
    "comments (long thread)",
    `WITH p AS (SELECT id, "currentVersion" FROM "Proposal" WHERE slug = 'bench-proposal-1'),
          people AS (SELECT id, "delegationId", row_number() OVER (ORDER BY email) AS n FROM "User" WHERE role <> 'SECRETARIAT'),
          pc AS (SELECT count(*) AS c FROM people)
     INSERT INTO "Comment" (id, "proposalId", "versionNumber", "sectionKey", "authorId", "delegationId", body, stance, "createdAt")
     SELECT gen_random_uuid(), p.id, p."currentVersion", 's-1', people.id, people."delegationId",
            'Comment ' || g || ': ' || ${body("g")}, (ARRAY['SUPPORT','NEUTRAL','CONCERN', NULL])[1 + g % 4]::"Stance",
            now() - ((100000 - g) || ' seconds')::interval
     FROM p, pc, generate_series(1, $1::int) g JOIN people ON true
     WHERE people.n = 1 + g % pc.c`,
    [Math.round(scale.bigThread * 0.8)],
  );
  await timed(
    client,
    "replies (long thread)",
    `WITH tops AS (SELECT id, "proposalId", "versionNumber", row_number() OVER (ORDER BY "createdAt") AS n FROM "Comment"
                   WHERE "proposalId" = (SELECT id FROM "Proposal" WHERE slug = 'bench-proposal-1') AND "parentId" IS NULL),
          people AS (SELECT id, "delegationId", row_number() OVER (ORDER BY email) AS n FROM "User" WHERE role <> 'SECRETARIAT'),
          pc AS (SELECT count(*) AS c FROM people)
     INSERT INTO "Comment" (id, "proposalId", "versionNumber", "sectionKey", "parentId", "rootId", depth, "authorId", "delegationId", body, "createdAt")
     SELECT gen_random_uuid(), tops."proposalId", tops."versionNumber", 's-1', tops.id, tops.id, 1, people.id, people."delegationId",
            'Reply ' || g || ': we agree in part.', now() - ((50000 - g) || ' seconds')::interval
     FROM generate_series(1, $1::int) g CROSS JOIN pc JOIN tops ON tops.n = 1 + (g * 7) % 500 JOIN people ON people.n = 1 + (g * 13) % pc.c`,
    [Math.round(scale.bigThread * 0.2)],
  );
  await timed(
    client,
    "comments (other proposals)",
    `WITH p AS (SELECT id, "currentVersion", row_number() OVER (ORDER BY slug) AS n FROM "Proposal" WHERE slug <> 'bench-proposal-1'),
          np AS (SELECT count(*) AS c FROM p),
          people AS (SELECT id, "delegationId", row_number() OVER (ORDER BY email) AS n FROM "User" WHERE role <> 'SECRETARIAT'),
          pc AS (SELECT count(*) AS c FROM people)
     INSERT INTO "Comment" (id, "proposalId", "versionNumber", "sectionKey", "authorId", "delegationId", body, stance, "createdAt")
     SELECT gen_random_uuid(), p.id, p."currentVersion", 's-' || (1 + g % 4), people.id, people."delegationId",
            'Comment ' || g || ': ' || ${body("g")}, (ARRAY['SUPPORT','NEUTRAL','CONCERN', NULL])[1 + g % 4]::"Stance",
            now() - (g || ' seconds')::interval
     FROM generate_series(1, $1::int) g CROSS JOIN np CROSS JOIN pc JOIN p ON p.n = 1 + g % np.c JOIN people ON people.n = 1 + g % pc.c`,
    [Math.max(0, scale.comments - scale.bigThread)],
  );
}

export async function generateVotes(client: pg.Client, _scale: Scale) {
  // A vote on every proposal in VOTING, ADOPTED or REJECTED; all 20 members eligible.
  await timed(
    client,
    "votes",
    `INSERT INTO "Vote" (id, "proposalId", "versionNumber", rule, "quorumPercent", "openedById", "openedAt", "closesAt", status, "closedAt", outcome, "eligibleCount")
     SELECT gen_random_uuid(), p.id, p."currentVersion",
            (ARRAY['SIMPLE_MAJORITY','TWO_THIRDS','CONSENSUS'])[1 + substr(p.slug, 16)::int % 3]::"VoteRule", 50,
            (SELECT id FROM "User" WHERE role = 'SECRETARIAT' LIMIT 1), now() - interval '10 days',
            CASE WHEN p.status = 'VOTING' THEN now() + interval '10 days' ELSE now() - interval '3 days' END,
            (CASE WHEN p.status = 'VOTING' THEN 'OPEN' ELSE 'CLOSED' END)::"VoteStatus",
            CASE WHEN p.status = 'VOTING' THEN NULL ELSE now() - interval '3 days' END,
            (CASE p.status WHEN 'ADOPTED' THEN 'ADOPTED' WHEN 'REJECTED' THEN 'REJECTED' END)::"VoteOutcome",
            20
     FROM "Proposal" p WHERE p.status IN ('VOTING', 'ADOPTED', 'REJECTED')`,
  );
  await timed(
    client,
    "vote eligibility",
    `INSERT INTO "VoteEligibility" ("voteId", "delegationId")
     SELECT v.id, d.id FROM "Vote" v CROSS JOIN "Delegation" d WHERE d.status = 'MEMBER'`,
  );
  // Ballots: adopted texts mostly yes (and a reservation now and then), rejected mostly no; open votes half cast.
  await timed(
    client,
    "ballots",
    `WITH v AS (SELECT v.id, v.rule, v.status, p.status AS pstatus, row_number() OVER (ORDER BY v.id) AS vn
                FROM "Vote" v JOIN "Proposal" p ON p.id = v."proposalId"),
          h AS (SELECT u.id AS uid, u."delegationId" AS did, row_number() OVER (ORDER BY d.code) AS n
                FROM "User" u JOIN "Delegation" d ON d.id = u."delegationId" WHERE u.role = 'HEAD' AND d.status = 'MEMBER'),
          cast_ AS (
            SELECT v.*, h.uid, h.did, h.n,
              (CASE WHEN v.rule = 'CONSENSUS' THEN (CASE WHEN v.pstatus = 'REJECTED' AND h.n = 1 THEN 'OBJECT' WHEN h.n % 6 = 0 THEN 'ABSTAIN' ELSE 'YES' END)
                    WHEN v.pstatus = 'REJECTED' THEN (CASE WHEN h.n % 3 = 0 THEN 'YES' ELSE 'NO' END)
                    ELSE (CASE WHEN h.n % 5 = 0 THEN 'NO' WHEN h.n % 7 = 0 THEN 'ABSTAIN' ELSE 'YES' END) END) AS choice
            FROM v JOIN h ON (v.status = 'CLOSED' OR h.n % 2 = 0))
     INSERT INTO "Ballot" (id, "voteId", "delegationId", choice, explanation, reservations, "castById", "castAt", nonce, receipt)
     SELECT gen_random_uuid(), id, did, choice::"BallotChoice",
            CASE WHEN n % 4 = 0 THEN 'Explanation of vote by delegation ' || n || '.' END,
            CASE WHEN n = 3 AND pstatus = 'ADOPTED' THEN '[{"sectionKey":"s-2","text":"Our delegation reads section 2 as voluntary."}]'::jsonb ELSE '[]'::jsonb END,
            uid, now() - interval '5 days', md5(id::text || did::text), encode(sha256(convert_to(id::text || did::text || choice, 'UTF8')), 'hex')
     FROM cast_`,
  );
  await timed(
    client,
    "tallies",
    `UPDATE "Vote" v SET "tallyYes" = t.yes, "tallyNo" = t.no, "tallyAbstain" = t.abstain, "tallyObject" = t.object
     FROM (SELECT "voteId", count(*) FILTER (WHERE choice = 'YES') AS yes, count(*) FILTER (WHERE choice = 'NO') AS no,
                  count(*) FILTER (WHERE choice = 'ABSTAIN') AS abstain, count(*) FILTER (WHERE choice = 'OBJECT') AS object
           FROM "Ballot" GROUP BY "voteId") t
     WHERE t."voteId" = v.id AND v.status = 'CLOSED'`,
  );
}
