// Personal access tokens for the API (ADR 017): named, scoped, expiring,
// shown once, stored as their SHA-256, revocable, listed with their last use.
// A token acts for its owner, within its scopes, with the permissions the owner
// has at the time of each request: a disabled owner or a role change takes
// effect at once.
import { createHash, randomBytes } from "node:crypto";
import type { ApiScope } from "~/generated/prisma/enums";
import { toCurrentUser, type CurrentUser } from "~/utils/auth.server";
import { SESSION_USER_SELECT } from "~/utils/session-adapter.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";
import { can, requiresSecondFactor } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { confirmPassword } from "~/modules/user/account.server";
import { ACTIVE_TOKENS_MAX, TOKEN_HINT_LENGTH, TOKEN_PREFIX, TOKEN_RANDOM_BYTES, TOKENS_LISTED_MAX, type ApiScopeName } from "./constants";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The last use is written at most this often, not on every request. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

const TO_DB: Record<ApiScopeName, ApiScope> = { read: "READ", "evaluations:write": "EVALUATIONS_WRITE" };
const FROM_DB: Record<ApiScope, ApiScopeName> = { READ: "read", EVALUATIONS_WRITE: "evaluations:write" };

/** SHA-256 (hex) of a secret: what the database keeps. A secret of 256 random bits needs no slow hash. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const SECRET_PATTERN = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/** Whether a string has the shape of a secret (checked before any database lookup). */
export function looksLikeTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** Whether the owner may hold a token with this scope at all. */
export function mayHoldScope(user: CurrentUser, scope: ApiScopeName): boolean {
  return scope === "read" ? can(user, "manageOwnAccount") : can(user, "submitResearch");
}

/**
 * Makes a token for the actor after checking their password again (a new
 * credential is a sensitive act). Returns the secret, which is never stored
 * and never shown again.
 */
export async function createApiToken({
  actor,
  name,
  scopes,
  lifetimeDays,
  password,
  now = new Date(),
}: {
  actor: CurrentUser;
  name: string;
  scopes: ApiScopeName[];
  lifetimeDays: number;
  password: string;
  now?: Date;
}) {
  if (!can(actor, "manageOwnAccount")) throw new DomainError(403, "errors.forbidden");
  const wanted = [...new Set(scopes)];
  if (wanted.some((scope) => !mayHoldScope(actor, scope))) throw new DomainError(403, "api:errors.scopeNotAllowed");
  await confirmPassword({ userId: actor.id, password });
  const secret = TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS);
  const token = await prisma.$transaction(async (tx) => {
    // One person's token creations queue up, so two at once cannot pass the count together.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id}::uuid FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= ACTIVE_TOKENS_MAX) throw new DomainError(409, "api:errors.tooManyTokens", { count: ACTIVE_TOKENS_MAX });
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name,
        scopes: wanted.map((s) => TO_DB[s]),
        tokenHash: hashTokenSecret(secret),
        hint: secret.slice(0, TOKEN_HINT_LENGTH),
        expiresAt,
        createdAt: now,
      },
      select: { id: true, name: true, hint: true, expiresAt: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id ?? null,
      act: "apiToken.created",
      objectType: "apiToken",
      objectId: created.id,
      data: { name, scopes: wanted, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { secret, token: { ...token, scopes: wanted } };
}

export type TokenStatus = "active" | "expired" | "revoked";

/** The actor's tokens, newest first, with their state and last use; never the secret or its hash. */
export async function listApiTokens(userId: string, now = new Date()) {
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: TOKENS_LISTED_MAX,
    select: { id: true, name: true, scopes: true, hint: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
  return rows.map((r) => ({
    ...r,
    scopes: r.scopes.map((s) => FROM_DB[s]),
    status: (r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active") as TokenStatus,
  }));
}

/** Revokes one of the actor's own tokens; the owner's id in the filter keeps it to their own. */
export async function revokeApiToken({ actor, tokenId }: { actor: CurrentUser; tokenId: string }) {
  await prisma.$transaction(async (tx) => {
    const changed = await tx.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (changed.count !== 1) throw notFound();
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: actor.delegation?.id ?? null,
      act: "apiToken.revoked",
      objectType: "apiToken",
      objectId: tokenId,
    });
  });
}

export type TokenCaller = { user: CurrentUser; token: { id: string; scopes: ApiScopeName[] } };

/**
 * The owner and scopes behind a secret, or null when it is unknown, revoked or
 * expired, or its owner is disabled (or must use a second factor and has none).
 * Notes the use, at most once a minute.
 */
export async function authenticateApiToken(secret: string, now = new Date()): Promise<TokenCaller | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdAt: true,
      user: { select: SESSION_USER_SELECT },
    },
  });
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  const { user } = token;
  if (user.disabledAt || (requiresSecondFactor(user.role) && !user.totpEnabledAt)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await prisma.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    token: { id: token.id, scopes: token.scopes.map((s) => FROM_DB[s]) },
    // A token never counts as a recent sign-in: acts that ask for one (ballots, passwords) stay closed to it.
    user: toCurrentUser(user, { id: `token:${token.id}`, authenticatedAt: new Date(0), createdAt: token.createdAt }),
  };
}
