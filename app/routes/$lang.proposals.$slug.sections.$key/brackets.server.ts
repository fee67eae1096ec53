// The bracket intents of the section page: put a passage in brackets (held by
// one's delegation); resolve a bracket (kept, changed or dropped).
import { redirect } from "@remix-run/node";
import { openBracket, resolveBracket } from "~/modules/proposal/bracket.server";
import { BracketSchema, ResolveBracketSchema } from "~/modules/proposal/schemas";
import { parseForm } from "~/utils/forms.server";
import { refuse, type IntentContext } from "./intent.server";

export async function bracketIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, BracketSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    await openBracket({ actor: ctx.user, proposalId: ctx.proposal.id, sectionKey: ctx.sectionKey, ...s.value });
    return redirect(`${ctx.here}#brackets`);
  } catch (e) {
    return refuse(ctx, s, e, "passage");
  }
}

export async function resolveBracketIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, ResolveBracketSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    await resolveBracket({ actor: ctx.user, bracketId: s.value.bracketId, outcome: s.value.outcome, note: s.value.note });
    return redirect(`${ctx.here}#brackets`);
  } catch (e) {
    return refuse(ctx, s, e);
  }
}
