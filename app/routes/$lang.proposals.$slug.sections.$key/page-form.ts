// The section page holds many forms; each keeps its own errors and input.
import { useForm, type SubmissionResult } from "@conform-to/react";

/** What the page's action answers a refused form with: which form (`formId`), and its result. */
export type ActionResult = { intent?: string; result?: SubmissionResult<string[]> } | undefined;

/** A form on this page: its own id, its own errors, the user's input kept. */
export function usePageForm(id: string, actionData: ActionResult, defaultValue?: Record<string, string>) {
  return useForm({ id, lastResult: actionData?.intent === id ? actionData.result : undefined, defaultValue });
}
