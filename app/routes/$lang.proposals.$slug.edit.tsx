// Saving a new version. A save based on an older version is never applied over
// what others saved (ADR 009): the drafter gets the three-way merge of their
// text with the current one — what happened in words, conflicts with both texts
// — and saves the merged text on top of the current version.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FieldConflict, ReviewSummary } from "~/components/document/conflict-view";
import { SectionsEditor } from "~/components/document/sections-editor";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { FormErrors, InputField } from "~/components/ui/form";
import { DocumentStaleError } from "~/modules/document/document.server";
import type { Review } from "~/modules/document/review";
import { getProposalBySlug, getVersionText, saveVersion } from "~/modules/proposal/proposal.server";
import { SaveVersionSchema } from "~/modules/proposal/schemas";
import { loadEditorPage, proposalReview } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadEditorPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.original.title} · Concord` });
}

type Answer = {
  result: SubmissionResult<string[]>;
  review: Review | null;
  conflict?: { version: number; authorName: string; title: string; sections: { key: string; heading: string; body: string }[] };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const submission = parseForm(await request.formData(), SaveVersionSchema);
  // Adding, removing or moving a section (without JavaScript): the changed form, the review kept.
  if (submission.status === undefined) return json<Answer>({ result: submission.reply(), review: await proposalReview(proposal.id, null, submission.payload) });
  if (submission.status !== "success") {
    const answer = invalidForm(submission, { context: { form: "saveVersion" } });
    return json<Answer>({ result: (await answer.json()).result, review: await proposalReview(proposal.id, null, submission.payload) }, { status: 400 });
  }
  try {
    await saveVersion({ actor: user, proposalId: proposal.id, ...submission.value });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const review = await proposalReview(proposal.id, error, submission.payload);
    if (error instanceof DocumentStaleError) {
      // The current text too, as it is (for clients that show it whole).
      const current = await getVersionText({ proposalId: proposal.id, number: error.currentVersion, language: proposal.originalLanguage });
      return json<Answer>(
        {
          result: submission.reply({ formErrors: ["errors.staleVersion"] }),
          review,
          conflict: { version: current.version.number, authorName: current.version.authorName, title: current.text.title, sections: current.text.sections },
        },
        { status: 409 },
      );
    }
    const answer = domainErrorReply(submission, error);
    return json<Answer>({ result: (await answer.json()).result, review }, { status: answer.status });
  }
  return redirect(`/${lang}/proposals/${proposal.slug}?saved=1`);
}

export default function EditProposal() {
  const { t } = useTranslation(["proposals", "documents", "common"]);
  const { lang, proposal, current, may, original } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const review = answer?.review ?? null;
  // Right after a merge the form starts again from the merged text, based on the
  // current version; otherwise it shows what was sent back.
  const fresh = Boolean(review?.draft);
  const base = review ? (review.draft ? review.current : review.base) : proposal.currentVersion;
  const defaults = review?.draft
    ? { baseVersion: String(base), title: review.draft.fields.title ?? "", changeNote: "", sections: review.draft.sections }
    : { baseVersion: String(base), title: original.title, changeNote: "", sections: original.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })) };
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={false} may={may} />
      <h2>{t("proposals:editor.newVersion", { number: base + 1 })}</h2>
      {review ? <ReviewSummary review={review} labels={{ field: () => t("proposals:editor.title"), setValue: (_, v) => v }} lang={lang} /> : null}
      <Editor
        key={`edit-${base}-${fresh ? "merge" : "form"}`}
        id={`edit-proposal-${base}`}
        base={base}
        defaults={defaults}
        lastResult={fresh ? undefined : answer?.result}
        review={review}
        textLanguage={proposal.originalLanguage}
      />
    </div>
  );
}

type FormOptions = Parameters<typeof useForm<z.input<typeof SaveVersionSchema>>>[0];

function Editor({
  id,
  base,
  defaults,
  lastResult,
  review,
  textLanguage,
}: {
  id: string;
  base: number;
  defaults: FormOptions["defaultValue"];
  lastResult?: SubmissionResult<string[]>;
  review: Pick<Review, "conflicts"> | null;
  textLanguage: string;
}) {
  const { t } = useTranslation(["proposals", "documents"]);
  const [form, fields] = useForm<z.input<typeof SaveVersionSchema>>({ id, lastResult, defaultValue: defaults });
  const titleConflict = review?.conflicts.fields.find((f) => f.name === "title");
  const resolutions = fields.fieldResolutions.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="baseVersion" value={base} />
      {titleConflict ? (
        <FieldConflict view={titleConflict} label={t("proposals:editor.title")} current={base} errors={resolutions.title.errors} textLanguage={textLanguage} />
      ) : null}
      <div lang={textLanguage}>
        <InputField label={t("proposals:editor.title")} meta={fields.title} dir="auto" required />
      </div>
      <SectionsEditor form={form} sections={fields.sections} textLanguage={textLanguage} review={review ? { current: base, sections: review.conflicts.sections } : undefined} />
      <InputField label={t("proposals:editor.changeNote")} hint={t("proposals:editor.changeNoteHint")} meta={fields.changeNote} required />
      <button type="submit" className="button">
        {t("proposals:editor.save")}
      </button>
    </Form>
  );
}

export const meta = titleMeta;
