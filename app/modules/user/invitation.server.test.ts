// Invitations against a real database: single use, expiry, only a hash stored,
// and every act in the audit log.
import { describe, expect, it } from "vitest";
import { createDelegation, createUser } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { INVITATION_LIFETIME_MS } from "~/utils/session-policy";
import { verifyPassword } from "./password.server";
import { acceptInvitation, createInvitation, findOpenInvitation, hashToken, revokeInvitation } from "./invitation.server";

async function secretariat() {
  return createUser({ role: "SECRETARIAT" });
}

describe("invitations", () => {
  it("stores only the token's hash and expires after 7 days", async () => {
    const admin = await secretariat();
    const br = await createDelegation({ code: "BR" });
    const { token, invitationId } = await createInvitation({ actorId: admin.id, email: "new@concord.example", role: "DELEGATE", delegationId: br.id });
    const row = await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.abs(row.expiresAt.getTime() - (Date.now() + INVITATION_LIFETIME_MS))).toBeLessThan(5000);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
  });

  it("creates the account with the invited role and delegation, once", async () => {
    const admin = await secretariat();
    const za = await createDelegation({ code: "ZA" });
    const { token, invitationId } = await createInvitation({ actorId: admin.id, email: "thandi@concord.example", role: "DELEGATE", delegationId: za.id });
    const { userId } = await acceptInvitation({ token, name: "Thandi  ", password: "a long enough password", locale: "en" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: "thandi@concord.example", role: "DELEGATE", delegationId: za.id });
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);
    await expect(acceptInvitation({ token, name: "Again", password: "another long password", locale: "en" })).rejects.toMatchObject({
      messageKey: "errors.invitationInvalid",
    });
    expect(await prisma.user.count({ where: { email: "thandi@concord.example" } })).toBe(1);
    const acts = await prisma.auditEvent.findMany({
      where: { OR: [{ objectId: invitationId }, { objectId: userId }] },
      orderBy: { seq: "asc" },
      select: { act: true },
    });
    expect(acts.map((a) => a.act)).toEqual(["invitation.created", "invitation.accepted"]);
  });

  it("refuses an expired or withdrawn invitation", async () => {
    const admin = await secretariat();
    const expired = await createInvitation({ actorId: admin.id, email: "late@concord.example", role: "EXPERT", delegationId: null });
    await prisma.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findOpenInvitation(expired.token)).toBeNull();
    await expect(acceptInvitation({ token: expired.token, name: "Late", password: "a long enough password", locale: "en" })).rejects.toBeInstanceOf(DomainError);

    const withdrawn = await createInvitation({ actorId: admin.id, email: "withdrawn@concord.example", role: "EXPERT", delegationId: null });
    await revokeInvitation({ actorId: admin.id, invitationId: withdrawn.invitationId });
    await expect(acceptInvitation({ token: withdrawn.token, name: "W", password: "a long enough password", locale: "en" })).rejects.toMatchObject({
      messageKey: "errors.invitationInvalid",
    });
    expect(await prisma.user.count({ where: { email: { in: ["late@concord.example", "withdrawn@concord.example"] } } })).toBe(0);
  });

  it("accepts each invitation once even when two accepts race", async () => {
    const admin = await secretariat();
    const { token } = await createInvitation({ actorId: admin.id, email: "race@concord.example", role: "EXPERT", delegationId: null });
    const results = await Promise.allSettled([
      acceptInvitation({ token, name: "One", password: "a long enough password", locale: "en" }),
      acceptInvitation({ token, name: "Two", password: "a long enough password", locale: "en" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: "race@concord.example" } })).toBe(1);
  });

  it("keeps roles consistent with delegations", async () => {
    const admin = await secretariat();
    const cn = await createDelegation({ code: "CN" });
    await expect(createInvitation({ actorId: admin.id, email: "x@concord.example", role: "DELEGATE", delegationId: null })).rejects.toMatchObject({
      messageKey: "errors.roleNeedsDelegation",
    });
    await expect(createInvitation({ actorId: admin.id, email: "y@concord.example", role: "SECRETARIAT", delegationId: cn.id })).rejects.toMatchObject({
      messageKey: "errors.secretariatHasNoDelegation",
    });
    await createUser({ role: "HEAD", delegationId: cn.id });
    await expect(createInvitation({ actorId: admin.id, email: "z@concord.example", role: "HEAD", delegationId: cn.id })).rejects.toMatchObject({
      messageKey: "errors.delegationHasHead",
    });
    await expect(createInvitation({ actorId: admin.id, email: admin.email, role: "EXPERT", delegationId: null })).rejects.toMatchObject({
      messageKey: "errors.emailTaken",
    });
    expect(await prisma.invitation.count({ where: { email: { in: ["x@concord.example", "y@concord.example", "z@concord.example", admin.email] } } })).toBe(0);
  });
});
