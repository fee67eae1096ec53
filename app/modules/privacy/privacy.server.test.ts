// Personal data against a real database: a person's export holds their data
// and no secret; erasure removes what identifies them, keeps what their
// delegation did, and leaves an audit chain that verifies; retention removes
// sign-in records and stale invitations after their period.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor, newTotpSecret, TEST_PASSWORD } from "../../../test/factories";
import { ownerUrlOf } from "../../../test/db";
import { GENESIS_HASH, computeEventHashV1, verifyAuditChain } from "~/modules/audit/audit.server";
import { addComment } from "~/modules/comment/comment.server";
import { notify } from "~/modules/notification/notification.server";
import { createProposal, openOrExtendConsultation } from "~/modules/proposal/proposal.server";
import { setUserDisabled } from "~/modules/user/admin.server";
import { createInvitation } from "~/modules/user/invitation.server";
import { attemptLogin } from "~/modules/user/login.server";
import { castBallot, openVote } from "~/modules/vote/vote.server";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { erasePersonalData } from "./erasure.server";
import { exportPersonalData } from "./export.server";
import { sweepPersonalDataRetention } from "./retention.server";

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

async function secretariat() {
  return actorFor(await createUser({ role: "SECRETARIAT", totpSecret: newTotpSecret() }));
}

/** A head of a delegation (one per delegation) who signed in, commented, voted, and has notices, sessions and a second factor. */
async function activeHead(code: string) {
  const br = await createDelegation({ code });
  const email = `ana.${Date.now()}@gov.example.br`;
  const inviter = await secretariat();
  await createInvitation({ actorId: inviter.id, email, role: "DELEGATE", delegationId: br.id });
  const user = await createUser({ role: "HEAD", delegationId: br.id, email, name: "Ana Souza", totpSecret: newTotpSecret() });
  await prisma.invitation.updateMany({ where: { email }, data: { acceptedAt: new Date(), acceptedUserId: user.id } });
  await prisma.recoveryCode.create({ data: { userId: user.id, codeHash: `h-${user.id}` } });
  await prisma.$transaction((tx) => notify(tx, user.id, "security.passwordChanged"));
  await createSession(user.id, true, { userAgent: "Firefox", ipAddress: "203.0.113.7" });
  expect((await attemptLogin({ email, password: TEST_PASSWORD, ip: "203.0.113.7" })).outcome).toBe("signedIn");
  expect((await attemptLogin({ email, password: "wrong password here", ip: "198.51.100.9" })).outcome).toBe("invalid");
  // The record of a refused attempt is written without holding up the answer.
  await vi.waitFor(async () => expect(await prisma.signInRecord.count({ where: { userId: user.id } })).toBe(2));

  const head = await actorFor(user);
  const lead = await delegationActor("IN");
  const proposal = await createProposal({
    actor: lead,
    title: "Open model registry",
    originalLanguage: "en",
    topics: ["DIGITAL_CAPABILITY"],
    sections: [{ key: "s1", heading: "Text", body: "A registry." }],
  });
  await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inHours(200), extend: false });
  await addComment({ actor: head, proposalId: proposal.id, sectionKey: "s1", body: "Brazil supports a registry hosted by members." });
  const vote = await openVote({ actor: await secretariat(), proposalId: proposal.id, rule: "SIMPLE_MAJORITY", quorumPercent: 0, closesAt: inHours(100), endConsultation: true });
  await castBallot({ actor: head, voteId: vote.id, choice: "YES", explanation: "Brazil joins." });
  return { user, head, email, proposal, vote };
}

describe("exporting one's personal data", () => {
  it("holds the account, sign-ins, notices and contributions, and no secret", async () => {
    const { user, email } = await activeHead("RU");
    const data = await exportPersonalData(user.id);
    expect(data.account).toMatchObject({ id: user.id, email, name: "Ana Souza", role: "HEAD", delegation: { code: "RU" } });
    expect(data.security.signIns.map((s) => s.outcome).sort()).toEqual(["PASSWORD_ACCEPTED", "PASSWORD_REFUSED"]);
    expect(data.security.signIns.map((s) => s.ipAddress).sort()).toEqual(["198.51.100.9", "203.0.113.7"]);
    expect(data.security.sessions).toMatchObject([{ userAgent: "Firefox", ipAddress: "203.0.113.7" }]);
    expect(data.security.recoveryCodes).toEqual({ total: 1, used: 0 });
    expect(data.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "security.passwordChanged" })]));
    expect(data.contributions.comments).toMatchObject([{ body: "Brazil supports a registry hosted by members.", sectionKey: "s1" }]);
    expect(data.contributions.ballotsCast).toMatchObject([{ choice: "YES", explanation: "Brazil joins." }]);
    expect(data.invitations.accepted).toMatchObject({ role: "DELEGATE", delegation: "RU" });

    const text = JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    const secrets = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, totpSecret: true } });
    expect(text).not.toContain(secrets.passwordHash);
    expect(text).not.toContain(secrets.totpSecret!);
    expect(text).not.toContain(`h-${user.id}`);
    for (const session of await prisma.session.findMany({ where: { userId: user.id } })) expect(text).not.toContain(session.id);
  });

  it("leaves out whom a person invited", async () => {
    const inviter = await secretariat();
    await createInvitation({ actorId: inviter.id, email: "someone.else@example.org", role: "EXPERT", delegationId: null });
    const data = await exportPersonalData(inviter.id);
    expect(data.invitations.sent).toMatchObject([{ role: "EXPERT" }]);
    expect(JSON.stringify(data)).not.toContain("someone.else@example.org");
  });
});

describe("erasing a departed person's personal data", () => {
  it("replaces name and email by a stable pseudonym, removes what identifies them, and keeps their delegation's record", async () => {
    const { user, email, proposal, vote } = await activeHead("BR");
    const admin = await secretariat();
    const result = await erasePersonalData({ actor: admin, userId: user.id });

    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(result.pseudonym).toMatch(/^Former head of delegation of Brazil #\d+$/);
    expect(after).toMatchObject({ name: result.pseudonym, email: `erased-${user.id}@erased.invalid`, totpSecret: null, totpEnabledAt: null });
    expect(after.erasedAt).toBeInstanceOf(Date);
    expect(after.disabledAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.signInRecord.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email } })).toBe(0);
    expect(await prisma.rateLimit.count({ where: { key: { contains: email } } })).toBe(0);
    // Nothing anywhere in the database still holds the address.
    const owner = new pg.Client({ connectionString: ownerUrlOf(process.env.DATABASE_URL!) });
    await owner.connect();
    try {
      for (const table of ["User", "Invitation", "AuditEvent", "Notification", "rate_limit", "SignInRecord"]) {
        const { rows } = await owner.query(`SELECT 1 FROM "${table}" t WHERE t::text ILIKE $1`, [`%${email}%`]);
        expect({ table, rows: rows.length }).toEqual({ table, rows: 0 });
      }
    } finally {
      await owner.end();
    }

    // The governance record stays, attributed to the pseudonym.
    const comment = await prisma.comment.findFirstOrThrow({ where: { proposalId: proposal.id }, include: { author: { select: { name: true } } } });
    expect(comment).toMatchObject({ body: "Brazil supports a registry hosted by members.", author: { name: result.pseudonym } });
    const ballot = await prisma.ballot.findFirstOrThrow({ where: { voteId: vote.id }, include: { castBy: { select: { name: true } } } });
    expect(ballot).toMatchObject({ choice: "YES", castById: user.id, castBy: { name: result.pseudonym } });
    expect(await prisma.auditEvent.count({ where: { act: "user.erased", objectId: user.id } })).toBe(1);
    // The audit chain verifies after erasure.
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // The account never signs in again, and cannot be re-enabled or moved.
    expect((await attemptLogin({ email, password: TEST_PASSWORD, ip: "203.0.113.7" })).outcome).toBe("invalid");
    await expect(setUserDisabled({ actorId: admin.id, userId: user.id, disabled: false })).rejects.toMatchObject({ status: 409, messageKey: "privacy:errors.accountErased" });
    // Erasing twice is refused.
    await expect(erasePersonalData({ actor: admin, userId: user.id })).rejects.toMatchObject({ status: 409, messageKey: "privacy:errors.alreadyErased" });
  });

  it("numbers pseudonyms per delegation, stably", async () => {
    const admin = await secretariat();
    const eg = await createDelegation({ code: "EG" });
    const first = await createUser({ role: "DELEGATE", delegationId: eg.id });
    const second = await createUser({ role: "EXPERT", delegationId: eg.id });
    const noDelegation = await createUser({ role: "EXPERT" });
    const [a, b] = await Promise.all([erasePersonalData({ actor: admin, userId: first.id }), erasePersonalData({ actor: admin, userId: second.id })]);
    // Two erasures at once take the two next numbers of the delegation, one each.
    expect(a.pseudonym).toMatch(/^Former delegate of Egypt #[12]$/);
    expect(b.pseudonym).toMatch(/^Former expert of Egypt #[12]$/);
    expect(new Set([a.pseudonym.at(-1), b.pseudonym.at(-1)])).toEqual(new Set(["1", "2"]));
    expect((await erasePersonalData({ actor: admin, userId: noDelegation.id })).pseudonym).toMatch(/^Former expert #\d+$/);
  });

  it("is for the secretariat, not for oneself, and asks for a recent password", async () => {
    const admin = await secretariat();
    const target = await delegationActor("ZA");
    await expect(erasePersonalData({ actor: await delegationActor("ZA", "HEAD"), userId: target.id })).rejects.toMatchObject({ status: 403 });
    await expect(erasePersonalData({ actor: admin, userId: admin.id })).rejects.toMatchObject({ status: 400, messageKey: "privacy:errors.cannotEraseSelf" });
    const stale = { ...admin, session: { ...admin.session, authenticatedAt: new Date(Date.now() - 24 * 3_600_000) } };
    await expect(erasePersonalData({ actor: stale, userId: target.id })).rejects.toMatchObject({ status: 403, messageKey: "errors.reauthenticate" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).erasedAt).toBeNull();
  });

  it("redacts the address from audit events written before chain version 2, and the chain still verifies", async () => {
    const owner = new pg.Client({ connectionString: ownerUrlOf(process.env.DATABASE_URL!) });
    await owner.connect();
    const email = `legacy.${Date.now()}@example.org`;
    const user = await createUser({ role: "DELEGATE", delegationId: (await createDelegation({ code: "ID" })).id, email });
    try {
      // An old installation's events: version 1, the address inside the hashed data. Written as the owner, triggers held off.
      await owner.query("BEGIN");
      await owner.query("SET LOCAL session_replication_role = replica");
      await owner.query(`DELETE FROM "AuditEvent"`);
      let prevHash = GENESIS_HASH;
      for (const [n, data] of [
        [1, { email, role: "DELEGATE" }],
        [2, { from: "MEMBER", to: "PARTNER" }],
      ] as const) {
        const event = {
          occurredAt: new Date(Date.UTC(2026, 9, 1, 0, 0, n)),
          actorId: null,
          delegationId: null,
          act: n === 1 ? "invitation.created" : "delegation.statusChanged",
          objectType: "x",
          objectId: `o${n}`,
          data,
        };
        const hash = computeEventHashV1(prevHash, event);
        await owner.query(`INSERT INTO "AuditEvent" ("occurredAt", act, "objectType", "objectId", data, "prevHash", hash, "chainVersion") VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`, [
          event.occurredAt,
          event.act,
          event.objectType,
          event.objectId,
          JSON.stringify(data),
          prevHash,
          hash,
        ]);
        prevHash = hash;
      }
      await owner.query("COMMIT");
    } finally {
      await owner.end();
    }
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 2, redacted: 0 });
    const result = await erasePersonalData({ actor: await secretariat(), userId: user.id });
    expect(result.auditEventsRedacted).toBe(1);
    const events = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events[0]!.data).toEqual({ redacted: true });
    expect(events.at(-1)).toMatchObject({ act: "user.erased", chainVersion: 2 });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: events.length, redacted: 1 });
  });
});

describe("retention", () => {
  it("removes sign-in records, expired sessions and counters, and never-accepted invitations after their period; again changes nothing", async () => {
    const user = await createUser({ role: "DELEGATE", delegationId: (await createDelegation({ code: "ET" })).id });
    const now = new Date();
    const monthsAgo = (m: number) => new Date(new Date(now).setUTCMonth(now.getUTCMonth() - m));
    await prisma.signInRecord.createMany({
      data: [
        { userId: user.id, outcome: "PASSWORD_ACCEPTED", occurredAt: monthsAgo(13) },
        { userId: user.id, outcome: "PASSWORD_REFUSED", occurredAt: monthsAgo(11) },
      ],
    });
    await prisma.session.create({ data: { id: `expired-${user.id}`, userId: user.id, expiresAt: new Date(now.getTime() - 1000) } });
    await prisma.session.create({ data: { id: `live-${user.id}`, userId: user.id, expiresAt: new Date(now.getTime() + 3_600_000) } });
    await prisma.rateLimit.create({ data: { key: `login_acct_m:gone-${user.id}@example.org`, points: 3, expire: BigInt(now.getTime() - 1000) } });
    const inviter = await secretariat();
    const stale = await createInvitation({ actorId: inviter.id, email: `never.joined.${user.id}@example.org`, role: "EXPERT", delegationId: null });
    await prisma.invitation.update({ where: { id: stale.invitationId }, data: { expiresAt: monthsAgo(14) } });
    const recent = await createInvitation({ actorId: inviter.id, email: `maybe.later.${user.id}@example.org`, role: "EXPERT", delegationId: null });

    const removed = await sweepPersonalDataRetention({ now });
    expect(removed).toMatchObject({ signIns: 1, invitations: 1 });
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(removed.rateCounters).toBeGreaterThanOrEqual(1);
    expect(await prisma.signInRecord.findMany({ where: { userId: user.id }, select: { outcome: true } })).toEqual([{ outcome: "PASSWORD_REFUSED" }]);
    expect(await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: `live-${user.id}` }]);
    expect(await prisma.invitation.findUnique({ where: { id: stale.invitationId } })).toBeNull();
    expect(await prisma.invitation.findUnique({ where: { id: recent.invitationId } })).not.toBeNull();
    // The invitation's event stays, without the address of the person who never joined.
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { act: "invitation.created", objectId: stale.invitationId } });
    expect(event.data).toEqual({ redacted: true });
    expect((await verifyAuditChain()).ok).toBe(true);

    expect(await sweepPersonalDataRetention({ now })).toMatchObject({ signIns: 0, sessions: 0, invitations: 0, auditEventsRedacted: 0 });
    // A shorter period, configured: the younger record goes too.
    expect((await sweepPersonalDataRetention({ now, months: 6 })).signIns).toBe(1);
  });
});
