// Daily digests: at each person's digest hour in their time zone, the notices
// waiting for it become one mail (grouped by proposal when rendered). A digest
// slot missed while every server was down is caught up at the next run.
import { prisma } from "~/utils/db.server";
import { sendJob } from "~/modules/jobs/boss.server";
import { QUEUES } from "~/modules/jobs/queues";
import { DEFAULT_DIGEST_HOUR, DEFAULT_TIME_ZONE } from "~/modules/notification/categories";

/** A lock key of its own: two digest runs never interleave (the second waits, then finds nothing due). */
const DIGEST_LOCK_KEY = 7_011_001;

/**
 * Writes the digest mails that are due: for each person with notices waiting
 * from before their latest digest slot (today's digest hour in their zone, or
 * yesterday's if that is still ahead) and no digest since. One transaction.
 */
export async function writeDueDigests(): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DIGEST_LOCK_KEY})`;
    const due = await tx.$queryRaw<{ userId: string; ids: string[] }[]>`
      WITH waiting AS (
        SELECT n."userId", array_agg(n.id ORDER BY n."createdAt") AS ids, min(n."createdAt") AS oldest
        FROM "Notification" n WHERE n."digestPending" GROUP BY n."userId"
      ), slots AS (
        SELECT w."userId", w.ids, w.oldest, s."lastDigestAt",
               COALESCE(s."timeZone", ${DEFAULT_TIME_ZONE}) AS tz, COALESCE(s."digestHour", ${DEFAULT_DIGEST_HOUR}) AS hour
        FROM waiting w LEFT JOIN "NotificationSettings" s ON s."userId" = w."userId"
      ), latest AS (
        SELECT "userId", ids, oldest, "lastDigestAt",
               (CASE WHEN date_trunc('day', now() AT TIME ZONE tz) + hour * interval '1 hour' <= now() AT TIME ZONE tz
                     THEN date_trunc('day', now() AT TIME ZONE tz) + hour * interval '1 hour'
                     ELSE date_trunc('day', now() AT TIME ZONE tz) + hour * interval '1 hour' - interval '1 day' END) AT TIME ZONE tz AS slot
        FROM slots
      )
      -- Notices that came after the latest slot wait for the next one.
      SELECT "userId", ids FROM latest WHERE oldest < slot AND ("lastDigestAt" IS NULL OR "lastDigestAt" < slot)`;
    if (due.length === 0) return 0;
    const payloads = due.map((d) => ({ userId: d.userId, payload: { notificationIds: d.ids } }));
    await tx.$executeRaw`
      INSERT INTO "MailOutbox" (id, "userId", kind, payload)
      SELECT gen_random_uuid(), d."userId", 'DIGEST', d.payload
      FROM jsonb_to_recordset(${JSON.stringify(payloads)}::jsonb) AS d("userId" uuid, payload jsonb)`;
    const ids = due.flatMap((d) => d.ids);
    await tx.$executeRaw`UPDATE "Notification" SET "digestPending" = false WHERE id = ANY(${ids}::uuid[])`;
    await tx.$executeRaw`
      INSERT INTO "NotificationSettings" ("userId", "lastDigestAt") SELECT unnest(${due.map((d) => d.userId)}::uuid[]), now()
      ON CONFLICT ("userId") DO UPDATE SET "lastDigestAt" = now()`;
    await sendJob(tx, QUEUES.mailDeliver.name, {});
    return due.length;
  });
}
