import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { setAlternate } from "./team.server";

describe("naming alternates", () => {
  it("lets a head name and withdraw alternates of the own delegation only, audited", async () => {
    const head = await delegationActor("BR", "HEAD");
    const delegate = await createUser({ role: "DELEGATE", delegationId: head.delegation!.id });
    await setAlternate({ actor: head, userId: delegate.id, alternate: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: delegate.id } })).role).toBe("ALTERNATE");
    await setAlternate({ actor: head, userId: delegate.id, alternate: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: delegate.id } })).role).toBe("DELEGATE");
    expect(await prisma.auditEvent.count({ where: { objectId: delegate.id, act: "user.roleChanged" } })).toBe(2);

    const foreign = await createUser({ role: "DELEGATE", delegationId: (await delegationActor("IN")).delegation!.id });
    await expect(setAlternate({ actor: head, userId: foreign.id, alternate: true })).rejects.toMatchObject({ status: 404 });
    const colleague = await actorFor(delegate);
    await expect(setAlternate({ actor: colleague, userId: delegate.id, alternate: true })).rejects.toMatchObject({ status: 403 });
  });
});
