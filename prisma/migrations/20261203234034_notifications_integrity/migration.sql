-- Hand-written migration. It runs in one transaction with its _prisma_migrations
-- row: no BEGIN/COMMIT here, and nothing that cannot run in a transaction
-- (CREATE INDEX CONCURRENTLY).

-- Rows of the notification tables belong to a person (accounts are disabled, not deleted, but integrity holds anyway).
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE CASCADE;
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE CASCADE;
ALTER TABLE "EmailConfirmation" ADD CONSTRAINT "EmailConfirmation_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE CASCADE;
ALTER TABLE "MailOutbox" ADD CONSTRAINT "MailOutbox_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE CASCADE;
ALTER TABLE "MailOutbox" ADD CONSTRAINT "MailOutbox_notificationId_fkey"
  FOREIGN KEY ("notificationId") REFERENCES "Notification"(id) ON DELETE CASCADE;

ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_digest_hour" CHECK ("digestHour" BETWEEN 0 AND 23);
ALTER TABLE "MailOutbox" ADD CONSTRAINT "MailOutbox_notice_has_notification" CHECK ((kind = 'NOTICE') = ("notificationId" IS NOT NULL));

-- The unread count in the header of every page, and the notification centre: only notices shown in the app.
CREATE INDEX "Notification_unread_in_app" ON "Notification" ("userId") WHERE "inApp" AND "readAt" IS NULL;
CREATE INDEX "Notification_centre" ON "Notification" ("userId", "createdAt" DESC) WHERE "inApp";
-- Notices waiting for a daily digest.
CREATE INDEX "Notification_digest_pending" ON "Notification" ("userId", "createdAt") WHERE "digestPending";
-- Mail waiting to be sent (or stuck with a dead sender): what the mail job scans.
CREATE INDEX "MailOutbox_due" ON "MailOutbox" ("nextAttemptAt") WHERE status IN ('QUEUED', 'SENDING');
-- The mail a notice caused (the outbox page shows it).
CREATE INDEX "MailOutbox_notificationId" ON "MailOutbox" ("notificationId");
