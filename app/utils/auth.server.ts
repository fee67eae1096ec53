// Sign-in sessions. Lucia v3 (in maintenance) stays behind this one module:
// routes and services call the functions below, never Lucia itself.
import { Lucia, TimeSpan } from "lucia";
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { getEnv } from "./env.server";
import { PrismaSessionAdapter, hashSessionId, type SessionUserAttributes } from "./session-adapter.server";
import { RECENT_AUTHENTICATION_MS, SECOND_FACTOR_WINDOW_MS, SESSION_COOKIE_NAMES, SESSION_EXTEND_INTERVAL_MS, SESSION_IDLE_TIMEOUT_MS } from "./session-policy";
import type { Language } from "./i18n";
import { can, requiresSecondFactor, type Act } from "./permissions";
import { securityEvent } from "./logger.server";
import type { DelegationStatus, Role } from "~/generated/prisma/enums";
import { DEFAULT_TIME_ZONE } from "~/modules/notification/categories";

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseSessionAttributes: {
      createdAt?: Date;
      secondFactorVerified?: boolean;
      authenticatedAt?: Date;
      userAgent?: string | null;
      ipAddress?: string | null;
    };
    DatabaseUserAttributes: SessionUserAttributes;
  }
}

const secureCookies = !getEnv().INSECURE_COOKIES;

export const SESSION_COOKIE_NAME = secureCookies ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];

const lucia = new Lucia(new PrismaSessionAdapter(prisma), {
  sessionExpiresIn: new TimeSpan(SESSION_IDLE_TIMEOUT_MS / 1000, "s"),
  sessionCookie: {
    name: SESSION_COOKIE_NAME,
    // Lucia's `expires: false` means a 400-day cookie: `sessionCookie()` below writes a
    // browser-session cookie instead; the server decides expiry (session-policy).
    expires: false,
    attributes: { secure: secureCookies, sameSite: "lax", path: "/" },
  },
  getSessionAttributes: (attributes) => attributes,
  getUserAttributes: (attributes) => attributes,
});

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  totpEnabled: boolean;
  delegation: { id: string; code: string; status: DelegationStatus } | null;
  /** IANA time zone of the person's dates (notification settings; UTC when never set). */
  timeZone: string;
  /** Unread notices shown in the app, as the request began (the header's badge). */
  unreadNotifications: number;
  session: { id: string; authenticatedAt: Date; createdAt: Date };
};

/** The person as every request sees them, from a row read with `SESSION_USER_SELECT`. */
export function toCurrentUser(row: SessionUserAttributes & { id: string }, session: CurrentUser["session"]): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    totpEnabled: row.totpEnabledAt !== null,
    delegation: row.delegation,
    timeZone: row.notificationSettings?.timeZone ?? DEFAULT_TIME_ZONE,
    unreadNotifications: row._count.notifications,
    session,
  };
}

type SessionState = { kind: "anonymous" } | { kind: "pendingSecondFactor"; sessionId: string; userId: string } | { kind: "signedIn"; user: CurrentUser };

function readSessionCookie(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

// The session is resolved once per request (loaders run in parallel) and kept on the
// request's load context. A registered symbol, because the HTTP layer (server/) and
// the built app each load their own copy of this module.
const SESSION_STATE = Symbol.for("concord.sessionState");
type Holder = { [SESSION_STATE]?: Promise<SessionState> };

/**
 * After an action the loaders run again in the same request: an action that
 * changed who the user is (second factor set up, password changed) must not
 * leave them the state read before it. The action guard calls this.
 */
export function forgetSessionState(context: AppLoadContext | undefined): void {
  if (context) delete (context as Holder)[SESSION_STATE];
}

/** Resolves the request's session once per request. */
export function getSessionState(request: Request, context?: AppLoadContext): Promise<SessionState> {
  const holder = (context ?? request) as Holder;
  holder[SESSION_STATE] ??= resolveSession(request);
  return holder[SESSION_STATE];
}

async function resolveSession(request: Request): Promise<SessionState> {
  const sessionId = readSessionCookie(request);
  if (!sessionId) return { kind: "anonymous" };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return { kind: "anonymous" };
  const now = Date.now();
  if (!session.secondFactorVerified) {
    if (now - (session.createdAt?.getTime() ?? 0) > SECOND_FACTOR_WINDOW_MS) return { kind: "anonymous" };
    return { kind: "pendingSecondFactor", sessionId, userId: session.userId };
  }
  // Lucia slides expiry only past half its span; slide it about every minute instead, so
  // the idle timeout is really the one named in session-policy.
  const remaining = session.expiresAt.getTime() - now;
  if (!session.fresh && SESSION_IDLE_TIMEOUT_MS - remaining > SESSION_EXTEND_INTERVAL_MS) {
    await new PrismaSessionAdapter(prisma).updateSessionExpiration(sessionId, new Date(now + SESSION_IDLE_TIMEOUT_MS));
  }
  return {
    kind: "signedIn",
    user: toCurrentUser(user, { id: hashSessionId(sessionId), authenticatedAt: session.authenticatedAt ?? new Date(0), createdAt: session.createdAt ?? new Date(0) }),
  };
}

export async function getUser(request: Request, context?: AppLoadContext): Promise<CurrentUser | null> {
  const state = await getSessionState(request, context);
  return state.kind === "signedIn" ? state.user : null;
}

function safeRedirectTarget(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here.
 * Roles that must use a second factor are sent to set one up before anything else.
 */
export async function requireUser(request: Request, context: AppLoadContext | undefined, lang: Language, { allowMissingSecondFactor = false } = {}): Promise<CurrentUser> {
  const user = await getUser(request, context);
  if (!user) {
    const params = new URLSearchParams({ redirectTo: safeRedirectTarget(request) });
    throw redirect(`/${lang}/login?${params}`);
  }
  if (!allowMissingSecondFactor && requiresSecondFactor(user.role) && !user.totpEnabled) {
    throw redirect(`/${lang}/account/two-factor`);
  }
  return user;
}

/** The signed-in user if the permission table allows the act; otherwise 403. */
export async function requirePermission(request: Request, context: AppLoadContext | undefined, lang: Language, act: Act): Promise<CurrentUser> {
  const user = await requireUser(request, context, lang);
  if (!can(user, act)) {
    securityEvent("permission.denied", { userId: user.id, act, path: new URL(request.url).pathname });
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

export function hasRecentAuthentication(user: CurrentUser, now = Date.now()): boolean {
  return now - user.session.authenticatedAt.getTime() <= RECENT_AUTHENTICATION_MS;
}

type ClientInfo = { userAgent?: string | null; ipAddress?: string | null };

/** Starts a session after the password step; it counts only once the second factor (if any) is done. */
export async function createSession(userId: string, secondFactorVerified: boolean, client: ClientInfo): Promise<string> {
  const session = await lucia.createSession(userId, {
    secondFactorVerified,
    userAgent: client.userAgent ?? null,
    ipAddress: client.ipAddress ?? null,
  });
  return sessionCookie(session.id);
}

/**
 * The session cookie as a browser-session cookie: no Max-Age or Expires, so it
 * never outlives the browser; the session itself ends on the server after
 * SESSION_IDLE_TIMEOUT_MS idle or SESSION_ABSOLUTE_LIFETIME_MS in all.
 */
function sessionCookie(sessionId: string): string {
  const cookie = lucia.createSessionCookie(sessionId);
  return `${cookie.name}=${cookie.value}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
}

/** The second factor succeeded: the pending session becomes a full one. */
export async function completeSecondFactor(sessionId: string): Promise<void> {
  await prisma.session.update({
    where: { id: hashSessionId(sessionId) },
    data: { secondFactorVerified: true, authenticatedAt: new Date() },
  });
}

/** The user proved again who they are (password re-entered): sensitive acts are open for a while. */
export async function markReauthenticated(sessionHash: string): Promise<void> {
  await prisma.session.update({ where: { id: sessionHash }, data: { authenticatedAt: new Date() } });
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = readSessionCookie(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

export async function deleteExpiredSessions(): Promise<void> {
  await lucia.deleteExpiredSessions();
}
