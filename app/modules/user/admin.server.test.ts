// The secretariat's acts on people, against a real database: audited, sessions ended.
import { describe, expect, it } from "vitest";
import { createDelegation, createUser, TEST_PASSWORD } from "../../../test/factories";
import { sessionCookieFor } from "../../../test/http";
import { prisma } from "~/utils/db.server";
import { changeUserRole, endUserSessions, setUserDisabled } from "./admin.server";
import { hashPassword } from "./password.server";

describe("administration of people", () => {
  it("ends a user's sessions and disables accounts, audited", async () => {
    const admin = await createUser({ role: "SECRETARIAT" });
    const user = await createUser();
    await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    await endUserSessions({ actorId: admin.id, userId: user.id });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    await sessionCookieFor(user.id);
    await setUserDisabled({ actorId: admin.id, userId: user.id, disabled: true });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(setUserDisabled({ actorId: admin.id, userId: admin.id, disabled: true })).rejects.toMatchObject({ messageKey: "errors.cannotDisableSelf" });
    const acts = await prisma.auditEvent.findMany({ where: { objectId: user.id }, orderBy: { seq: "asc" }, select: { act: true, actorId: true } });
    expect(acts).toEqual([
      { act: "user.sessionsEnded", actorId: admin.id },
      { act: "user.disabled", actorId: admin.id },
    ]);
  });

  it("changes roles within the rules: one head per delegation, enforced by the database too", async () => {
    const admin = await createUser({ role: "SECRETARIAT" });
    const br = await createDelegation({ code: "BR" });
    await createUser({ role: "HEAD", delegationId: br.id });
    const delegate = await createUser({ role: "DELEGATE", delegationId: br.id });
    await expect(changeUserRole({ actorId: admin.id, userId: delegate.id, role: "HEAD", delegationId: br.id })).rejects.toMatchObject({ messageKey: "errors.delegationHasHead" });
    // Bypassing the service, the partial unique index still refuses a second head.
    await expect(prisma.user.update({ where: { id: delegate.id }, data: { role: "HEAD" } })).rejects.toThrow();
    await changeUserRole({ actorId: admin.id, userId: delegate.id, role: "ALTERNATE", delegationId: br.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: delegate.id } })).role).toBe("ALTERNATE");
  });

  it("hashes passwords with argon2id at OWASP's minimum parameters", async () => {
    expect(await hashPassword(TEST_PASSWORD)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
