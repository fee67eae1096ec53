// Lucia v3's storage, written against Prisma 7 (the published Prisma adapter
// supports Prisma 4/5 only). Session ids are stored as SHA-256 hashes, so a
// leaked table does not hand out live sessions; every method hashes its input.
import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { SESSION_ABSOLUTE_LIFETIME_MS } from "./session-policy";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** What a request knows of the signed-in person (the user attributes Lucia hands back). */
export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  totpEnabledAt: true,
  disabledAt: true,
  delegation: { select: { id: true, code: true, status: true } },
  notificationSettings: { select: { timeZone: true } },
  // The header's badge: unread notices shown in the app, counted in the same query
  // (an index range on Notification(userId, readAt, …)).
  _count: { select: { notifications: { where: { inApp: true, readAt: null } } } },
} satisfies Prisma.UserSelect;

export type SessionUserAttributes = Omit<Prisma.UserGetPayload<{ select: typeof SESSION_USER_SELECT }>, "disabledAt">;

export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly prisma: PrismaClient) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.prisma.session.findUnique({
      where: { id: hashSessionId(sessionId) },
      // The person comes with the session, in the same query (relations are joined): one
      // round trip per signed-in request instead of three.
      include: { user: { select: SESSION_USER_SELECT } },
    });
    if (!row || row.user.disabledAt) return [null, null];
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: {
        createdAt: row.createdAt,
        secondFactorVerified: row.secondFactorVerified,
        authenticatedAt: row.authenticatedAt,
      },
    };
    const { disabledAt: _disabled, ...profile } = row.user;
    return [session, { id: row.user.id, attributes: profile }];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.prisma.session.findMany({ where: { userId } });
    return rows.map((row) => ({
      id: row.id, // the hash: the raw id cannot be recovered
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: {
        createdAt: row.createdAt,
        secondFactorVerified: row.secondFactorVerified,
        authenticatedAt: row.authenticatedAt,
      },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = session.attributes;
    await this.prisma.session.create({
      data: {
        id: hashSessionId(session.id),
        userId: session.userId,
        expiresAt: session.expiresAt,
        secondFactorVerified: attributes.secondFactorVerified ?? false,
        userAgent: attributes.userAgent?.slice(0, 300) ?? null,
        ipAddress: attributes.ipAddress ?? null,
      },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    // Sliding expiry never passes the absolute lifetime counted from creation.
    await this.prisma.$executeRaw`
      UPDATE "Session"
      SET "expiresAt" = LEAST(${expiresAt}::timestamptz, "createdAt" + ${SESSION_ABSOLUTE_LIFETIME_MS} * interval '1 millisecond')
      WHERE id = ${hashSessionId(sessionId)}`;
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: hashSessionId(sessionId) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}
