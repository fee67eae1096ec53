// Factories shared by tests and the demo seed: the people and delegations the
// seed makes are made by the same code the tests use, so the demo shows what
// the tests exercise. They live under prisma/ because production start seeds
// demo content and must not import anything from test/ (test/factories.ts
// re-exports them beside the test-only ones).
import { Secret } from "otpauth";
import type { DelegationStatus, Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { toCurrentUser } from "~/utils/auth.server";
import { SESSION_USER_SELECT } from "~/utils/session-adapter.server";
import { hashPassword } from "~/modules/user/password.server";

const hashes = new Map<string, Promise<string>>();
/** argon2id is slow on purpose; the same password is hashed once per process. */
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export const TEST_PASSWORD = "correct horse battery staple";

let counter = 0;
/** A string no other call in this process returns (for emails, names). */
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createDelegation({ code, status = "MEMBER" }: { code: string; status?: DelegationStatus }) {
  return prisma.delegation.upsert({ where: { code }, update: {}, create: { code, status } });
}

export async function createUser({
  role = "DELEGATE",
  delegationId = null,
  email = `user-${unique()}@concord.example`,
  name = "Test User",
  password = TEST_PASSWORD,
  locale = "en",
  totpSecret,
}: {
  role?: Role;
  delegationId?: string | null;
  email?: string;
  name?: string;
  password?: string;
  locale?: string;
  /** Base32 secret: the user has TOTP on with this secret. */
  totpSecret?: string;
} = {}) {
  return prisma.user.create({
    data: {
      email,
      name,
      role,
      delegationId,
      locale,
      passwordHash: await cachedHash(password),
      ...(totpSecret ? { totpSecret, totpEnabledAt: new Date() } : {}),
    },
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** A signed-in user as services see it (what requireUser returns). */
export async function actorFor(user: { id: string }) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: SESSION_USER_SELECT });
  const now = new Date();
  return toCurrentUser(row, { id: "test-session", authenticatedAt: now, createdAt: now });
}
