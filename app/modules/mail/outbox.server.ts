// Delivery of the mail outbox (ADR 011). Rows are claimed with
// FOR UPDATE SKIP LOCKED, so several app servers never send the same row;
// a failure is retried with exponential back-off for up to three days; a
// permanent refusal (5xx) marks the address as bouncing. A sender that dies
// between the SMTP server's acceptance and the row's update leaves the row
// claimed: it is sent again after MAIL_LOCK_MS, with the same Message-ID so the
// receiving side can tell (the one case of "at least once" left).
import type { Prisma } from "~/generated/prisma/client";
import type { MailStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { MAIL_BATCH_SIZE, MAIL_GIVE_UP_MS, MAIL_LOCK_MS, MAIL_MAX_BATCHES_PER_RUN, OUTBOX_PAGE_SIZE, retryDelayMs } from "./constants";
import { renderMails, siteOrigin, type OutboxRow } from "./render.server";
import { configuredTransport, type MailTransport } from "./transport.server";

type ClaimedRow = OutboxRow & { attempts: number; createdAt: Date; disabled: boolean };

async function claimBatch(size: number): Promise<ClaimedRow[]> {
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "MailOutbox" o SET status = 'SENDING', "lockedUntil" = now() + ${MAIL_LOCK_MS} * interval '1 millisecond', attempts = o.attempts + 1
    FROM "User" u
    WHERE u.id = o."userId" AND o.id IN (
      SELECT id FROM "MailOutbox"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now()) OR (status = 'SENDING' AND "lockedUntil" < now())
      ORDER BY "nextAttemptAt" LIMIT ${size} FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o."userId", o.kind, o.category, o."notificationId", o.payload, o.attempts, o."createdAt", (u."disabledAt" IS NOT NULL) AS disabled`;
}

/** A refusal that will not change by trying again (the recipient does not exist, the domain refuses). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

async function finish(id: string, status: MailStatus, fields: Prisma.MailOutboxUpdateManyMutationInput) {
  await prisma.mailOutbox.updateMany({ where: { id, status: "SENDING" }, data: { status, lockedUntil: null, ...fields } });
}

export type DeliveryResult = { sent: number; retried: number; failed: number };

/**
 * Sends what is due, batch after batch, until nothing is due (or a bound is
 * reached; the next tick goes on). Without a transport (no SMTP_URL) nothing
 * is claimed: the mail stays queued for the outbox page.
 */
export async function deliverDueMail({ transport = configuredTransport() }: { transport?: MailTransport | null } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (!transport) return result;
  const host = new URL(siteOrigin()).hostname;
  for (let batch = 0; batch < MAIL_MAX_BATCHES_PER_RUN; batch++) {
    const rows = await claimBatch(MAIL_BATCH_SIZE);
    if (rows.length === 0) break;
    const rendered = await renderMails(rows.filter((r) => !r.disabled));
    for (const row of rows) {
      const mail = rendered.get(row.id);
      if (row.disabled || !mail) {
        await finish(row.id, "FAILED", { lastError: row.disabled ? "account disabled" : "nothing to send (the notice is gone)" });
        result.failed++;
        continue;
      }
      try {
        await transport.sendMail({
          from: getEnv().MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
          messageId: `<${row.id}@${host}>`,
        });
        // The confirmation token leaves the database once mailed.
        await finish(row.id, "SENT", { sentAt: new Date(), lastError: null, ...(row.kind === "ADDRESS_CONFIRMATION" ? { payload: {} } : {}) });
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
        if (isPermanent(error)) {
          await finish(row.id, "FAILED", { lastError: message, bounced: true });
          await prisma.notificationSettings.upsert({
            where: { userId: row.userId },
            create: { userId: row.userId, emailBouncedAt: new Date() },
            update: { emailBouncedAt: new Date() },
          });
          result.failed++;
        } else if (Date.now() - row.createdAt.getTime() > MAIL_GIVE_UP_MS) {
          await finish(row.id, "FAILED", { lastError: message });
          result.failed++;
        } else {
          await finish(row.id, "QUEUED", { lastError: message, nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)) });
          result.retried++;
        }
        logger.warn({ outboxId: row.id, attempts: row.attempts, permanent: isPermanent(error), err: message }, "mail not delivered");
      }
    }
  }
  if (result.sent || result.failed || result.retried) logger.info(result, "mail delivery");
  return result;
}

/** Queued, failed and bounced mail, for the dashboard. */
export async function mailHealth() {
  const [byStatus, bounced, oldestQueued, lastFailure] = await Promise.all([
    prisma.mailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.mailOutbox.count({ where: { bounced: true } }),
    prisma.mailOutbox.findFirst({ where: { status: { in: ["QUEUED", "SENDING"] } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.mailOutbox.findFirst({ where: { status: "FAILED" }, orderBy: { createdAt: "desc" }, select: { createdAt: true, lastError: true } }),
  ]);
  const count = (s: MailStatus) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  return {
    queued: count("QUEUED") + count("SENDING"),
    sent: count("SENT"),
    failed: count("FAILED"),
    bounced,
    oldestQueuedAt: oldestQueued?.createdAt ?? null,
    lastFailure,
    smtpConfigured: configuredTransport() !== null,
  };
}

export const OUTBOX_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;

/** A page of the outbox, newest first, each mail rendered as its recipient gets it. */
export async function listOutbox({ page, status }: { page: number; status?: MailStatus }) {
  const where = status ? { status } : {};
  const [rows, total] = await Promise.all([
    prisma.mailOutbox.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        userId: true,
        kind: true,
        category: true,
        notificationId: true,
        payload: true,
        status: true,
        attempts: true,
        lastError: true,
        bounced: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    prisma.mailOutbox.count({ where }),
  ]);
  const rendered = await renderMails(rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      bounced: r.bounced,
      sentAt: r.sentAt,
      createdAt: r.createdAt,
      mail: rendered.get(r.id) ?? null,
    })),
    total,
    pageSize: OUTBOX_PAGE_SIZE,
  };
}
