// The amendment intents of the section page: propose new text for the section;
// the lead accepts it (a new version, credited) or rejects it with a reason.
import { redirect } from "@remix-run/node";
import { acceptAmendment, proposeAmendment, rejectAmendment } from "~/modules/proposal/amendment.server";
import { AmendmentSchema, DecideAmendmentSchema } from "~/modules/proposal/schemas";
import { parseForm } from "~/utils/forms.server";
import { refuse, type IntentContext } from "./intent.server";

export async function amendIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, AmendmentSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    await proposeAmendment({ actor: ctx.user, proposalId: ctx.proposal.id, sectionKey: ctx.sectionKey, ...s.value });
    return redirect(`${ctx.here}#amendments`);
  } catch (e) {
    return refuse(ctx, s, e);
  }
}

/** Accepting or rejecting: one form schema, told apart by its intent. */
export async function decideAmendmentIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, DecideAmendmentSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    if (s.value.intent === "acceptAmendment") {
      const { version } = await acceptAmendment({ actor: ctx.user, amendmentId: s.value.amendmentId, reason: s.value.reason });
      return redirect(`/${ctx.lang}/proposals/${ctx.proposal.slug}/versions?from=${version - 1}&to=${version}`);
    }
    await rejectAmendment({ actor: ctx.user, amendmentId: s.value.amendmentId, reason: s.value.reason });
    return redirect(`${ctx.here}#amendments`);
  } catch (e) {
    return refuse(ctx, s, e, "reason");
  }
}
