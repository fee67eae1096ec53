// The comment intents of the section page: comment (or reply), edit one's
// comment, hide a comment (the secretariat, with a reason).
import { redirect } from "@remix-run/node";
import { addComment, editComment, hideComment } from "~/modules/comment/comment.server";
import { CommentSchema, EditCommentSchema, HideCommentSchema } from "~/modules/proposal/schemas";
import { parseForm } from "~/utils/forms.server";
import { refuse, type IntentContext } from "./intent.server";

export async function commentIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, CommentSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    const c = await addComment({ actor: ctx.user, proposalId: ctx.proposal.id, sectionKey: ctx.sectionKey, ...s.value });
    return redirect(`${ctx.here}#c-${c.id}`);
  } catch (e) {
    return refuse(ctx, s, e, "body");
  }
}

export async function editCommentIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, EditCommentSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    await editComment({ actor: ctx.user, commentId: s.value.commentId, body: s.value.body });
    return redirect(`${ctx.here}#c-${s.value.commentId}`);
  } catch (e) {
    return refuse(ctx, s, e, "body");
  }
}

export async function hideCommentIntent(ctx: IntentContext) {
  const s = parseForm(ctx.formData, HideCommentSchema);
  if (s.status !== "success") return refuse(ctx, s);
  try {
    await hideComment({ actor: ctx.user, commentId: s.value.commentId, reason: s.value.reason });
    return redirect(`${ctx.here}#c-${s.value.commentId}`);
  } catch (e) {
    return refuse(ctx, s, e, "reason");
  }
}
