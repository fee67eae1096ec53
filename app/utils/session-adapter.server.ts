// Lucia v3's storage, written against Prisma 7 (the published Prisma adapter
// supports Prisma 4/5 only). Session ids are stored as SHA-256 hashes, so a
// leaked table does not hand out live sessions; every method hashes its input.
import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { SESSION_ABSOLUTE_LIFETIME_MS } from "./session-policy";
import type { PrismaClient } from "~/generated/prisma/client";

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly prisma: PrismaClient) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.prisma.session.findUnique({
      where: { id: hashSessionId(sessionId) },
      include: { user: { select: { id: true, disabledAt: true } } },
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
    return [session, { id: row.user.id, attributes: {} }];
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
