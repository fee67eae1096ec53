// The comment threads of a section (a page at a time), replies, edits, hiding
// by the secretariat, and the form for a new comment (handlers in comments.server.ts).
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { COMMENT_MAX_DEPTH, STANCES } from "~/modules/proposal/constants";
import { usePageForm, type ActionResult } from "./page-form";
import type { SectionPageData } from "./route";

type CommentView = SectionPageData["comments"][number];

function CommentForm({
  id,
  parentId,
  actionData,
  withStance,
  submitLabel,
}: {
  id: string;
  parentId?: string;
  actionData: ActionResult;
  withStance?: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation("proposals");
  const [form, fields] = usePageForm(id, actionData);
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="formId" value={id} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField label={parentId ? t("comments.reply") : t("comments.yourComment")} hint={t("editor.bodyHint")} meta={fields.body} rows={parentId ? 3 : 5} />
      {withStance ? (
        <SelectField
          label={t("comments.stance")}
          meta={fields.stance}
          options={[{ value: "", label: t("comments.noStance") }, ...STANCES.map((s) => ({ value: s, label: t(`stance.${s}`) }))]}
        />
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** Changing one's own comment (its form is built only where the person may). */
function EditCommentForm({ c, actionData }: { c: CommentView; actionData: ActionResult }) {
  const { t } = useTranslation("proposals");
  const [form, fields] = usePageForm(`edit-${c.id}`, actionData, { body: c.body ?? "" });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="editComment" />
      <input type="hidden" name="formId" value={`edit-${c.id}`} />
      <input type="hidden" name="commentId" value={c.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField label={t("comments.yourComment")} meta={fields.body} rows={4} />
      <button type="submit" className="button">
        {t("comments.saveEdit")}
      </button>
    </Form>
  );
}

/** Hiding a comment, with a reason (the secretariat). */
function HideCommentForm({ c, actionData }: { c: CommentView; actionData: ActionResult }) {
  const { t } = useTranslation("proposals");
  const [form, fields] = usePageForm(`hide-${c.id}`, actionData);
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="hideComment" />
      <input type="hidden" name="formId" value={`hide-${c.id}`} />
      <input type="hidden" name="commentId" value={c.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField label={t("comments.hideReason")} meta={fields.reason} required />
      <button type="submit" className="button button-danger">
        {t("comments.hideSubmit")}
      </button>
    </Form>
  );
}

type Thread = { c: CommentView; replies: Thread[] };

/** The page's comments as threads, in the order they came: one pass, not a search per comment. */
function threadsOf(comments: CommentView[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, { c, replies: [] as Thread[] }]));
  const tops: Thread[] = [];
  for (const thread of byId.values()) {
    const parent = thread.c.parentId === null ? undefined : byId.get(thread.c.parentId);
    if (parent) parent.replies.push(thread);
    else if (thread.c.parentId === null) tops.push(thread);
  }
  return tops;
}

function CommentItem({ thread, data, actionData }: { thread: Thread; data: SectionPageData; actionData: ActionResult }) {
  const { t } = useTranslation("proposals");
  const { lang, may } = data;
  const { c, replies } = thread;
  return (
    <li id={`c-${c.id}`} className={c.hiddenAt ? "comment hidden-comment" : "comment"}>
      <article aria-label={t("comments.by", { name: c.author.name })}>
        <p className="comment-meta">
          <strong>{c.author.name}</strong>
          {c.delegation ? ` (${delegationName(c.delegation.code, lang)})` : ""} · <FormattedDate value={c.createdAt} lang={lang} withTime />
          {c.stance ? <span className={`stance stance-${c.stance.toLowerCase()}`}> {t(`stance.${c.stance}`)}</span> : null}
          {c.editedAt ? <span className="muted"> · {t("comments.edited")}</span> : null}
          <span className="muted"> · {t("comments.onVersion", { number: c.versionNumber })}</span>
        </p>
        {c.hiddenAt ? (
          <p className="muted" role="note">
            {t("comments.hidden", { reason: c.hiddenReason })}
          </p>
        ) : null}
        {c.html !== null ? <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: c.html }} /> : null}
        <div className="comment-actions">
          {may.comment && c.depth < COMMENT_MAX_DEPTH ? (
            <details>
              <summary>{t("comments.reply")}</summary>
              <CommentForm id={`reply-${c.id}`} parentId={c.id} actionData={actionData} submitLabel={t("comments.sendReply")} />
            </details>
          ) : null}
          {c.mayEdit ? (
            <details>
              <summary>{t("comments.edit")}</summary>
              <EditCommentForm c={c} actionData={actionData} />
            </details>
          ) : null}
          {may.moderate && !c.hiddenAt ? (
            <details>
              <summary>{t("comments.hide")}</summary>
              <HideCommentForm c={c} actionData={actionData} />
            </details>
          ) : null}
        </div>
      </article>
      {replies.length ? (
        <ol className="replies">
          {replies.map((r) => (
            <CommentItem key={r.c.id} thread={r} data={data} actionData={actionData} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentsPanel({ data, actionData }: { data: SectionPageData; actionData: ActionResult }) {
  const { t } = useTranslation(["proposals", "common"]);
  const { proposal, may, comments, commentTotal, commentPageSize, pageNumber } = data;
  const tops = threadsOf(comments);
  return (
    <section id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("proposals:section.comments", { count: commentTotal })}</h2>
      {!proposal.consultationOpen ? <p className="muted">{t("proposals:comments.closed")}</p> : null}
      <ol className="comments">
        {tops.map((thread) => (
          <CommentItem key={thread.c.id} thread={thread} data={data} actionData={actionData} />
        ))}
      </ol>
      <Pagination page={pageNumber} pageSize={commentPageSize} total={commentTotal} />
      {may.comment ? (
        <div className="card">
          <h3>{t("proposals:comments.new")}</h3>
          <CommentForm id="comment" actionData={actionData} withStance submitLabel={t("proposals:comments.send")} />
        </div>
      ) : null}
    </section>
  );
}
