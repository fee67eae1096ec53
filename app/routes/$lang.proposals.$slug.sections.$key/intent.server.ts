// What every intent handler of the section page gets: the form, the actor, the
// proposal and section, and how to answer a refused form (its errors beside
// its own form on the page, told apart by `formId`).
import type { Submission } from "@conform-to/react";
import type { CurrentUser } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";

export type IntentContext = {
  formData: FormData;
  user: CurrentUser;
  proposal: { id: string; slug: string; currentVersion: number };
  sectionKey: string;
  lang: string;
  /** This page's path. */
  here: string;
  /** The form that was sent: its errors show beside it. */
  formId: string;
};

type Refusable = Parameters<typeof invalidForm>[0] & Pick<Submission<unknown>, "status">;

/** A refused form: invalid input, or a domain rule (beside `field` unless the error names its own). */
export function refuse(ctx: IntentContext, submission: Refusable, error?: unknown, field?: string) {
  return error === undefined ? invalidForm(submission, { intent: ctx.formId }) : domainErrorReply(submission, error, { intent: ctx.formId, field });
}
