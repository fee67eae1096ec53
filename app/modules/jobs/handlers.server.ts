// What each queue's jobs do (queues.ts names the queues). Every handler is
// idempotent: a job that runs again, or a cron tick that finds nothing due,
// changes nothing.
import { deliverDueMail } from "~/modules/mail/outbox.server";
import { writeDueDigests } from "~/modules/mail/digest.server";
import { remindConsultation } from "~/modules/notification/consultation.server";
import { sweepPersonalDataRetention } from "~/modules/privacy/retention.server";
import { sweepPartialUploads } from "~/modules/storage/storage.server";
import { closeDueVotes, closeVoteIfDue } from "~/modules/vote/vote.server";
import { remindVote } from "~/modules/vote/deadlines.server";
import type { JobHandler } from "./runner.server";
import type { QueueName } from "./queues";

const text = (data: Record<string, unknown>, key: string) => {
  const value = data[key];
  if (typeof value !== "string") throw new Error(`job data lacks ${key}`);
  return value;
};

export const JOB_HANDLERS: Record<QueueName, JobHandler> = {
  "mail-deliver": () => deliverDueMail(),
  "mail-digest": () => writeDueDigests(),
  "vote-close": (data) => closeVoteIfDue(text(data, "voteId")),
  "vote-remind": (data) => remindVote({ voteId: text(data, "voteId"), closesAt: text(data, "closesAt"), hours: Number(data.hours) }),
  "consultation-remind": (data) => remindConsultation({ proposalId: text(data, "proposalId"), endsAt: text(data, "endsAt") }),
  "deadline-sweep": () => closeDueVotes(),
  "upload-sweep": () => sweepPartialUploads(),
  "personal-data-retention": async () => {
    await sweepPersonalDataRetention();
  },
};
