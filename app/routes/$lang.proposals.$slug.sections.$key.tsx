// One section under discussion: its text with brackets, the amendments
// proposed to it, and the threaded comments (a page of threads at a time).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { addComment, editComment, hideComment, listSectionThreads } from "~/modules/comment/comment.server";
import { delegationName } from "~/modules/delegation/names";
import { acceptAmendment, listAmendments, proposeAmendment, rejectAmendment } from "~/modules/proposal/amendment.server";
import { listBrackets, openBracket, resolveBracket } from "~/modules/proposal/bracket.server";
import { BRACKET_OUTCOMES, COMMENT_MAX_DEPTH, STANCES } from "~/modules/proposal/constants";
import { getProposalBySlug } from "~/modules/proposal/proposal.server";
import {
  AmendmentSchema,
  BracketSchema,
  CommentSchema,
  DecideAmendmentSchema,
  EditCommentSchema,
  HideCommentSchema,
  ResolveBracketSchema,
} from "~/modules/proposal/schemas";
import { loadProposalPage } from "~/modules/proposal/view.server";
import { renderMarkdown } from "~/modules/text/markdown.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden, notFound } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadProposalPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  const { proposal, current } = page;
  const section = current.text.sections.find((s) => s.key === params.key);
  if (!section) throwAsResponse(notFound());
  const pageNumber = pageParam(new URL(request.url));
  const [brackets, amendments, threads, t] = await Promise.all([
    listBrackets(proposal.id),
    listAmendments({ proposalId: proposal.id, currentVersion: proposal.currentVersion, sectionKey: section.key }),
    listSectionThreads({ proposalId: proposal.id, sectionKey: section.key, page: pageNumber, viewer: user }),
    getFixedT(lang, "proposals"),
  ]);
  const sectionBrackets = brackets.filter((b) => b.sectionKey === section.key);
  const ownDelegation = user.delegation?.id;
  return json({
    lang,
    ...page,
    section: {
      key: section.key,
      heading: section.heading,
      html: renderMarkdown(section.body, {
        brackets: sectionBrackets
          .filter((b) => b.status === "OPEN")
          .map((b) => ({ id: b.id, passage: b.passage, label: t("brackets.heldBy", { delegation: delegationName(b.holderDelegation.code, lang) }) })),
      }),
      body: section.body,
    },
    brackets: sectionBrackets.map((b) => ({
      ...b,
      mayResolve: b.status === "OPEN" && (page.may.isLead || (page.may.bracket && b.holderDelegationId === ownDelegation)),
    })),
    amendments: amendments.map((a) => ({ ...a, bodyHtml: renderMarkdown(a.body) })),
    comments: threads.threads.map((c) => ({ ...c, html: c.body === null ? null : renderMarkdown(c.body) })),
    commentTotal: threads.total,
    commentPageSize: threads.pageSize,
    pageNumber,
    title: `${section.heading} · ${current.text.title} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const sectionKey = params.key ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/${lang}/proposals/${proposal.slug}/sections/${sectionKey}`;
  // Each form on the page is told apart by its id, so its errors show beside it.
  const formId = String(formData.get("formId") ?? intent);
  const fail = (submission: Parameters<typeof invalidForm>[0], error?: unknown, field?: string) =>
    error === undefined ? invalidForm(submission, { intent: formId }) : domainErrorReply(submission, error, { intent: formId, field });

  switch (intent) {
    case "comment": {
      const s = parseForm(formData, CommentSchema);
      if (s.status !== "success") return fail(s);
      try {
        const c = await addComment({ actor: user, proposalId: proposal.id, sectionKey, ...s.value });
        return redirect(`${here}#c-${c.id}`);
      } catch (e) {
        return fail(s, e, "body");
      }
    }
    case "editComment": {
      const s = parseForm(formData, EditCommentSchema);
      if (s.status !== "success") return fail(s);
      try {
        await editComment({ actor: user, commentId: s.value.commentId, body: s.value.body });
        return redirect(`${here}#c-${s.value.commentId}`);
      } catch (e) {
        return fail(s, e, "body");
      }
    }
    case "hideComment": {
      const s = parseForm(formData, HideCommentSchema);
      if (s.status !== "success") return fail(s);
      try {
        await hideComment({ actor: user, commentId: s.value.commentId, reason: s.value.reason });
        return redirect(`${here}#c-${s.value.commentId}`);
      } catch (e) {
        return fail(s, e, "reason");
      }
    }
    case "amend": {
      const s = parseForm(formData, AmendmentSchema);
      if (s.status !== "success") return fail(s);
      try {
        await proposeAmendment({ actor: user, proposalId: proposal.id, sectionKey, ...s.value });
        return redirect(`${here}#amendments`);
      } catch (e) {
        return fail(s, e);
      }
    }
    case "acceptAmendment":
    case "rejectAmendment": {
      const s = parseForm(formData, DecideAmendmentSchema);
      if (s.status !== "success") return fail(s);
      try {
        if (s.value.intent === "acceptAmendment") {
          await acceptAmendment({ actor: user, amendmentId: s.value.amendmentId, reason: s.value.reason });
          return redirect(`/${lang}/proposals/${proposal.slug}/versions?from=${proposal.currentVersion}&to=${proposal.currentVersion + 1}`);
        }
        await rejectAmendment({ actor: user, amendmentId: s.value.amendmentId, reason: s.value.reason });
        return redirect(`${here}#amendments`);
      } catch (e) {
        return fail(s, e, "reason");
      }
    }
    case "bracket": {
      const s = parseForm(formData, BracketSchema);
      if (s.status !== "success") return fail(s);
      try {
        await openBracket({ actor: user, proposalId: proposal.id, sectionKey, ...s.value });
        return redirect(`${here}#brackets`);
      } catch (e) {
        return fail(s, e, "passage");
      }
    }
    case "resolveBracket": {
      const s = parseForm(formData, ResolveBracketSchema);
      if (s.status !== "success") return fail(s);
      try {
        await resolveBracket({ actor: user, bracketId: s.value.bracketId, outcome: s.value.outcome, note: s.value.note });
        return redirect(`${here}#brackets`);
      } catch (e) {
        return fail(s, e);
      }
    }
    default:
      throwAsResponse(forbidden());
  }
}

type ActionResult = { intent?: string; result?: SubmissionResult<string[]> } | undefined;

/** A form on this page: its own id, its own errors, the user's input kept. */
function usePageForm(id: string, actionData: ActionResult, defaultValue?: Record<string, string>) {
  return useForm({ id, lastResult: actionData?.intent === id ? actionData.result : undefined, defaultValue });
}

type CommentView = ReturnType<typeof useLoaderData<typeof loader>>["comments"][number];

function CommentForm({ id, parentId, actionData, withStance, submitLabel }: { id: string; parentId?: string; actionData: ActionResult; withStance?: boolean; submitLabel: string }) {
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

function CommentItem({ c, all, data, actionData }: { c: CommentView; all: CommentView[]; data: ReturnType<typeof useLoaderData<typeof loader>>; actionData: ActionResult }) {
  const { t } = useTranslation("proposals");
  const { lang, may } = data;
  const replies = all.filter((r) => r.parentId === c.id);
  const [editForm, editFields] = usePageForm(`edit-${c.id}`, actionData, { body: c.body ?? "" });
  const [hideForm, hideFields] = usePageForm(`hide-${c.id}`, actionData);
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
              <Form method="post" {...getFormProps(editForm)} className="stack">
                <input type="hidden" name="intent" value="editComment" />
                <input type="hidden" name="formId" value={`edit-${c.id}`} />
                <input type="hidden" name="commentId" value={c.id} />
                <FormErrors id={editForm.errorId} errors={editForm.errors} />
                <TextareaField label={t("comments.yourComment")} meta={editFields.body} rows={4} />
                <button type="submit" className="button">
                  {t("comments.saveEdit")}
                </button>
              </Form>
            </details>
          ) : null}
          {may.moderate && !c.hiddenAt ? (
            <details>
              <summary>{t("comments.hide")}</summary>
              <Form method="post" {...getFormProps(hideForm)} className="stack">
                <input type="hidden" name="intent" value="hideComment" />
                <input type="hidden" name="formId" value={`hide-${c.id}`} />
                <input type="hidden" name="commentId" value={c.id} />
                <FormErrors id={hideForm.errorId} errors={hideForm.errors} />
                <InputField label={t("comments.hideReason")} meta={hideFields.reason} required />
                <button type="submit" className="button button-danger">
                  {t("comments.hideSubmit")}
                </button>
              </Form>
            </details>
          ) : null}
        </div>
      </article>
      {replies.length ? (
        <ol className="replies">
          {replies.map((r) => (
            <CommentItem key={r.id} c={r} all={all} data={data} actionData={actionData} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export default function SectionPage() {
  const { t } = useTranslation(["proposals", "common"]);
  const data = useLoaderData<typeof loader>();
  const { lang, proposal, current, may, section, brackets, amendments, comments, commentTotal, commentPageSize, pageNumber } = data;
  const actionData = useActionData<typeof action>() as ActionResult;
  const [amendForm, amendFields] = usePageForm("amend", actionData, { heading: section.heading, body: section.body });
  const [bracketForm, bracketFields] = usePageForm("bracket", actionData);
  const tops = comments.filter((c) => c.parentId === null);
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <p>
        <Link to={`/${lang}/proposals/${proposal.slug}#${section.key}`}>← {t("proposals:section.backToText")}</Link>
      </p>
      <section className="card proposal-section" lang={current.text.language} aria-labelledby="section-heading">
        <h2 id="section-heading" dir="auto">
          {section.heading}
        </h2>
        <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: section.html }} />
      </section>

      <section id="brackets" aria-labelledby="brackets-heading">
        <h2 id="brackets-heading">{t("proposals:brackets.heading")}</h2>
        {brackets.length === 0 ? <p className="muted">{t("proposals:brackets.none")}</p> : null}
        <ul role="list" className="bracket-list">
          {brackets.map((b) => (
            <li key={b.id} className="card">
              <p>
                <strong dir="auto">[{b.passage}]</strong> — {t("proposals:brackets.heldBy", { delegation: delegationName(b.holderDelegation.code, lang) })}{" "}
                <span className={`status status-${b.status.toLowerCase()}`}>{t(`proposals:brackets.status.${b.status}`)}</span>
              </p>
              <p dir="auto">{b.note}</p>
              <p className="muted">
                {t("proposals:brackets.opened", { name: b.openedBy.name, number: b.openedInVersion })} <FormattedDate value={b.openedAt} lang={lang} withTime />
                {b.resolvedAt ? (
                  <>
                    {" "}
                    · {t("proposals:brackets.resolved", { name: b.resolvedBy?.name ?? "" })} <FormattedDate value={b.resolvedAt} lang={lang} withTime />
                    {b.resolutionNote ? ` — ${b.resolutionNote}` : ""}
                  </>
                ) : null}
              </p>
              {b.mayResolve ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="resolveBracket" />
                  <input type="hidden" name="bracketId" value={b.id} />
                  <label htmlFor={`outcome-${b.id}`}>{t("proposals:brackets.outcome")}</label>
                  <select id={`outcome-${b.id}`} name="outcome">
                    {BRACKET_OUTCOMES.map((o) => (
                      <option key={o} value={o}>
                        {t(`proposals:brackets.status.${o}`)}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`note-${b.id}`} className="visually-hidden">
                    {t("proposals:brackets.resolutionNote")}
                  </label>
                  <input id={`note-${b.id}`} name="note" placeholder={t("proposals:brackets.resolutionNote")} />
                  <button type="submit" className="button button-secondary">
                    {t("proposals:brackets.resolve")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {may.bracket ? (
          <details className="card">
            <summary>{t("proposals:brackets.add")}</summary>
            <Form method="post" {...getFormProps(bracketForm)} className="stack">
              <input type="hidden" name="intent" value="bracket" />
              <input type="hidden" name="formId" value="bracket" />
              <FormErrors id={bracketForm.errorId} errors={bracketForm.errors} />
              <InputField label={t("proposals:brackets.passage")} hint={t("proposals:brackets.passageHint")} meta={bracketFields.passage} dir="auto" required />
              <TextareaField label={t("proposals:brackets.note")} meta={bracketFields.note} rows={3} />
              <button type="submit" className="button">
                {t("proposals:brackets.submit")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section id="amendments" aria-labelledby="amendments-heading">
        <h2 id="amendments-heading">{t("proposals:amendments.heading")}</h2>
        {amendments.length === 0 ? <p className="muted">{t("proposals:amendments.none")}</p> : null}
        <ul role="list">
          {amendments.map((a) => (
            <li key={a.id} className="card amendment">
              <p>
                <strong>{t("proposals:amendments.from", { delegation: delegationName(a.delegation.code, lang), name: a.author.name })}</strong> ·{" "}
                <span className={`status status-${a.status.toLowerCase()}`}>{t(`proposals:amendments.status.${a.status}`)}</span> ·{" "}
                {t("proposals:amendments.against", { number: a.baseVersion })}
                {a.outdated ? <strong className="flag"> {t("proposals:amendments.outdated")}</strong> : null}
              </p>
              <div lang={proposal.originalLanguage} className="amendment-text">
                <p dir="auto">
                  <strong>{a.heading}</strong>
                </p>
                <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
              </div>
              <p dir="auto">
                <em>{t("proposals:amendments.rationale")}</em> {a.rationale}
              </p>
              {a.decisionReason ? (
                <p dir="auto">
                  <em>{t("proposals:amendments.decision")}</em> {a.decisionReason}
                </p>
              ) : null}
              {a.status === "PENDING" && may.lead ? (
                <div className="button-row">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="acceptAmendment" />
                    <input type="hidden" name="formId" value={`decide-${a.id}`} />
                    <input type="hidden" name="amendmentId" value={a.id} />
                    <button type="submit" className="button">
                      {t("proposals:amendments.accept")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="rejectAmendment" />
                    <input type="hidden" name="formId" value={`decide-${a.id}`} />
                    <input type="hidden" name="amendmentId" value={a.id} />
                    <label htmlFor={`reason-${a.id}`}>{t("proposals:amendments.reason")}</label>
                    <input id={`reason-${a.id}`} name="reason" required />
                    <button type="submit" className="button button-secondary">
                      {t("proposals:amendments.reject")}
                    </button>
                  </Form>
                </div>
              ) : null}
              {actionData?.intent === `decide-${a.id}` ? <FormErrors errors={Object.values(actionData.result?.error ?? {}).flat().filter((e): e is string => typeof e === "string")} /> : null}
            </li>
          ))}
        </ul>
        {may.amend ? (
          <details className="card" open={actionData?.intent === "amend"}>
            <summary>{t("proposals:amendments.propose")}</summary>
            <Form method="post" {...getFormProps(amendForm)} className="stack">
              <input type="hidden" name="intent" value="amend" />
              <input type="hidden" name="formId" value="amend" />
              <FormErrors id={amendForm.errorId} errors={amendForm.errors} />
              <div lang={proposal.originalLanguage}>
                <InputField label={t("proposals:editor.heading")} meta={amendFields.heading} dir="auto" required />
                <TextareaField label={t("proposals:amendments.newText")} hint={t("proposals:editor.bodyHint")} meta={amendFields.body} rows={8} />
              </div>
              <TextareaField label={t("proposals:amendments.rationale")} meta={amendFields.rationale} rows={3} />
              <button type="submit" className="button">
                {t("proposals:amendments.submit")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("proposals:section.comments", { count: commentTotal })}</h2>
        {!proposal.consultationOpen ? <p className="muted">{t("proposals:comments.closed")}</p> : null}
        <ol className="comments">
          {tops.map((c) => (
            <CommentItem key={c.id} c={c} all={comments} data={data} actionData={actionData} />
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
    </div>
  );
}

export const meta = titleMeta;
