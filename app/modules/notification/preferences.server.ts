// A person's notification preferences (per category, by mail and in the app),
// time zone and digest hour; whether their address is confirmed; one-click
// unsubscribe; and, for a head, whether each of their people can be reached.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { MailMode } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { sendJob } from "~/modules/jobs/boss.server";
import { QUEUES } from "~/modules/jobs/queues";
import { CATEGORIES, CATEGORY_NAMES, DEFAULT_DIGEST_HOUR, DEFAULT_TIME_ZONE, type Category } from "./categories";
import { isTimeZone } from "./format";
import { DIGEST_UNSUBSCRIBE } from "~/modules/mail/constants";

export type CategoryChoice = { email: MailMode; inApp: boolean };
export type Reachability = "confirmed" | "unconfirmed" | "bounced";

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 3600 * 1000;
/** At most this many confirmation mails per person per hour. */
export const CONFIRMATIONS_PER_HOUR = 3;

export async function getSettings(userId: string) {
  const row = await prisma.notificationSettings.findUnique({ where: { userId } });
  return {
    timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
    digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR,
    verifiedEmail: row?.verifiedEmail ?? null,
    emailVerifiedAt: row?.emailVerifiedAt ?? null,
    emailBouncedAt: row?.emailBouncedAt ?? null,
  };
}

/** The settings row, made with its defaults when missing (it holds the unsubscribe key). */
export async function ensureSettings(userId: string) {
  return prisma.notificationSettings.upsert({ where: { userId }, create: { userId }, update: {} });
}

export function reachabilityOf(email: string, s: { verifiedEmail: string | null; emailVerifiedAt: Date | null; emailBouncedAt: Date | null }): Reachability {
  if (s.emailBouncedAt && (!s.emailVerifiedAt || s.emailBouncedAt >= s.emailVerifiedAt)) return "bounced";
  return s.verifiedEmail === email && s.emailVerifiedAt ? "confirmed" : "unconfirmed";
}

/** Every category with the person's choice or its default. */
export async function getPreferences(userId: string): Promise<Record<Category, CategoryChoice>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { category: true, email: true, inApp: true } });
  return Object.fromEntries(
    CATEGORY_NAMES.map((c) => {
      const row = rows.find((r) => r.category === c);
      return [c, row ? { email: row.email, inApp: row.inApp } : { email: CATEGORIES[c].email, inApp: CATEGORIES[c].inApp }];
    }),
  ) as Record<Category, CategoryChoice>;
}

export async function savePreferences({
  actor,
  categories,
  timeZone,
  digestHour,
}: {
  actor: CurrentUser;
  categories: Record<Category, CategoryChoice>;
  timeZone: string;
  digestHour: number;
}) {
  if (!isTimeZone(timeZone)) throw new DomainError(400, "notifications:errors.timeZone");
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) throw new DomainError(400, "notifications:errors.digestHour");
  const rows = CATEGORY_NAMES.map((category) => ({ category, ...categories[category] }));
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "NotificationPreference" ("userId", category, email, "inApp", "updatedAt")
      SELECT ${actor.id}::uuid, r.category, r.email::"MailMode", r."inApp", now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(category text, email text, "inApp" boolean)
      ON CONFLICT ("userId", category) DO UPDATE SET email = EXCLUDED.email, "inApp" = EXCLUDED."inApp", "updatedAt" = now()`;
    // Notices waiting for a digest whose category is no longer digested are dropped from it (mail off) or stay in the app.
    const noLongerDigested = CATEGORY_NAMES.filter((c) => categories[c].email !== "DIGEST");
    await tx.notification.updateMany({ where: { userId: actor.id, digestPending: true, category: { in: noLongerDigested } }, data: { digestPending: false } });
    await tx.notificationSettings.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, timeZone, digestHour },
      update: { timeZone, digestHour },
    });
  });
}

// --- Confirming an address ---------------------------------------------------

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Mails a link that confirms the account's address (written to the outbox, sent by the mail job). */
export async function requestAddressConfirmation({ actor }: { actor: CurrentUser }) {
  await prisma.$transaction(async (tx) => {
    const recent = await tx.emailConfirmation.count({ where: { userId: actor.id, createdAt: { gt: new Date(Date.now() - 3600_000) } } });
    if (recent >= CONFIRMATIONS_PER_HOUR) throw new DomainError(429, "notifications:errors.tooManyConfirmations");
    const token = randomBytes(32).toString("base64url");
    await tx.emailConfirmation.create({
      data: { userId: actor.id, email: actor.email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS) },
    });
    // The token stays in the outbox only until the mail is sent (then it is removed from the row).
    await tx.mailOutbox.create({ data: { userId: actor.id, kind: "ADDRESS_CONFIRMATION", payload: { token } } });
    await sendJob(tx, QUEUES.mailDeliver.name, {});
  });
}

/** Follows a confirmation link: the address it was sent to is confirmed if it is still the account's. */
export async function confirmAddress({ token }: { token: string }): Promise<{ userId: string; email: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.emailConfirmation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, email: true, expiresAt: true, usedAt: true } });
    if (!row || row.usedAt || row.expiresAt < new Date()) throw new DomainError(410, "notifications:errors.confirmationInvalid");
    const used = await tx.emailConfirmation.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) throw new DomainError(410, "notifications:errors.confirmationInvalid");
    const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } });
    if (user.email !== row.email) throw new DomainError(410, "notifications:errors.confirmationInvalid");
    const now = new Date();
    await tx.notificationSettings.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, verifiedEmail: row.email, emailVerifiedAt: now },
      update: { verifiedEmail: row.email, emailVerifiedAt: now, emailBouncedAt: null },
    });
    return { userId: row.userId, email: row.email };
  });
}

// --- One-click unsubscribe (RFC 8058) ------------------------------------------

export function unsubscribeToken(key: string, userId: string, category: string): string {
  return createHmac("sha256", key).update(`${userId}:${category}`).digest("base64url");
}

/** Checks a link's token; returns the person's name and language for the page. */
export async function checkUnsubscribe({ userId, category, token }: { userId: string; category: string; token: string }) {
  if (!(category in CATEGORIES) && category !== DIGEST_UNSUBSCRIBE) throw new DomainError(400, "notifications:errors.unsubscribeInvalid");
  const settings = await prisma.notificationSettings.findUnique({ where: { userId }, select: { unsubscribeKey: true } });
  const expected = settings ? Buffer.from(unsubscribeToken(settings.unsubscribeKey, userId, category)) : null;
  const given = Buffer.from(token);
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainError(400, "notifications:errors.unsubscribeInvalid");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return { category: category as Category | typeof DIGEST_UNSUBSCRIBE, locale: user.locale };
}

/**
 * Turns mail off for one category, or for every category now sent as a digest
 * (the digest's own link). The app keeps showing the notices.
 */
export async function unsubscribe({ userId, category, token }: { userId: string; category: string; token: string }) {
  const checked = await checkUnsubscribe({ userId, category, token });
  const current = await getPreferences(userId);
  const off = checked.category === DIGEST_UNSUBSCRIBE ? CATEGORY_NAMES.filter((c) => current[c].email === "DIGEST") : [checked.category];
  await prisma.$transaction([
    ...off.map((c) =>
      prisma.notificationPreference.upsert({
        where: { userId_category: { userId, category: c } },
        create: { userId, category: c, email: "OFF", inApp: current[c].inApp },
        update: { email: "OFF" },
      }),
    ),
    prisma.notification.updateMany({ where: { userId, category: { in: off }, digestPending: true }, data: { digestPending: false } }),
  ]);
  return checked;
}

// --- A head's view of their people --------------------------------------------

/** The people of the head's delegation and whether mail reaches them. */
export async function teamReachability(actor: CurrentUser) {
  if (!can(actor, "nameAlternates") || !actor.delegation) throw forbidden();
  const people = await prisma.user.findMany({
    where: { delegationId: actor.delegation.id, disabledAt: null },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true },
  });
  const settings = await prisma.notificationSettings.findMany({
    where: { userId: { in: people.map((p) => p.id) } },
    select: { userId: true, verifiedEmail: true, emailVerifiedAt: true, emailBouncedAt: true },
  });
  return people.map((p) => {
    const s = settings.find((x) => x.userId === p.id);
    return { ...p, reachability: reachabilityOf(p.email, s ?? { verifiedEmail: null, emailVerifiedAt: null, emailBouncedAt: null }) };
  });
}
