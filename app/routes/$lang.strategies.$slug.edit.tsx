// Saving a new version of a strategy (metadata and text, in its original
// language). A save based on an older version is never applied over what
// others saved (ADR 009): the drafter gets the three-way merge — in words, with
// both texts for each conflict — and saves the merged text on top.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ReviewSummary, type Labels } from "~/components/document/conflict-view";
import { StrategyFields } from "~/components/strategy/strategy-fields";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { FormErrors, InputField } from "~/components/ui/form";
import { DocumentStaleError } from "~/modules/document/document.server";
import type { Review } from "~/modules/document/review";
import type { DsiDimension } from "~/generated/prisma/enums";
import type { StrategySector } from "~/modules/strategy/constants";
import { SaveVersionSchema } from "~/modules/strategy/schemas";
import { getStrategyBySlug, getVersionText, saveVersion } from "~/modules/strategy/strategy.server";
import { loadEditorPage, strategyReview } from "~/modules/strategy/view.server";
import { requireUser } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadEditorPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.original.text.title} · Concord` });
}

type Answer = {
  result: SubmissionResult<string[]>;
  review: Review | null;
  conflict?: { version: number; authorName: string; title: string; summary: string; sections: { key: string; heading: string; body: string }[] };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const strategy = await getStrategyBySlug({ user, slug: params.slug ?? "" }).catch(throwAsResponse);
  const submission = parseForm(await request.formData(), SaveVersionSchema);
  // Adding, removing or moving a section (without JavaScript): the changed form, the review kept.
  if (submission.status === undefined) return json<Answer>({ result: submission.reply(), review: await strategyReview(strategy.id, null, submission.payload) });
  if (submission.status !== "success") {
    const answer = invalidForm(submission, { context: { form: "saveStrategyVersion" } });
    return json<Answer>({ result: (await answer.json()).result, review: await strategyReview(strategy.id, null, submission.payload) }, { status: 400 });
  }
  try {
    await saveVersion({ actor: user, strategyId: strategy.id, ...submission.value });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const review = await strategyReview(strategy.id, error, submission.payload);
    if (error instanceof DocumentStaleError) {
      const current = await getVersionText({ strategyId: strategy.id, number: error.currentVersion, language: strategy.originalLanguage });
      return json<Answer>(
        {
          result: submission.reply({ formErrors: ["errors.staleVersion"] }),
          review,
          conflict: {
            version: current.version.number,
            authorName: current.version.authorName,
            title: current.text.title,
            summary: current.text.summary,
            sections: current.text.sections,
          },
        },
        { status: 409 },
      );
    }
    const answer = domainErrorReply(submission, error);
    return json<Answer>({ result: (await answer.json()).result, review }, { status: answer.status });
  }
  return redirect(`/${lang}/strategies/${strategy.slug}`);
}

type FormOptions = Parameters<typeof useForm<z.input<typeof SaveVersionSchema>>>[0];

export default function EditStrategy() {
  const { t } = useTranslation(["strategies", "documents", "common"]);
  const { lang, strategy, current, may, original } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const review = answer?.review ?? null;
  // Right after a merge the form starts again from the merged text, based on the current version.
  const fresh = Boolean(review?.draft);
  const base = review ? (review.draft ? review.current : review.base) : strategy.currentVersion;
  const draft = review?.draft;
  const defaults: FormOptions["defaultValue"] = draft
    ? {
        baseVersion: String(base),
        title: draft.fields.title ?? "",
        summary: draft.fields.summary ?? "",
        issuingAuthority: draft.fields.issuingAuthority ?? "",
        adoptedOn: draft.fields.adoptedOn ?? "",
        dimensions: (draft.sets.dimensions ?? []) as DsiDimension[],
        sectors: (draft.sets.sectors ?? []) as StrategySector[],
        dimensionNotes: Object.fromEntries(Object.entries(draft.fields).flatMap(([k, v]) => (k.startsWith("note-") ? [[k.slice(5), v]] : []))),
        changeNote: "",
        sections: draft.sections,
      }
    : {
        baseVersion: String(base),
        title: original.text.title,
        summary: original.text.summary,
        issuingAuthority: original.text.issuingAuthority,
        adoptedOn: original.version.adoptedOn ? original.version.adoptedOn.slice(0, 10) : "",
        dimensions: original.version.dimensions,
        sectors: original.version.sectors as StrategySector[],
        dimensionNotes: original.text.dimensionNotes,
        changeNote: "",
        sections: original.text.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
      };
  const labels: Labels = {
    field: (name) => (name.startsWith("note-") ? t("strategies:editor.dimensionNote", { dimension: t(`common:dsi.${name.slice(5)}`) }) : t(`strategies:editor.${name}`)),
    setValue: (set, value) => (set === "dimensions" ? t(`common:dsi.${value}`) : t(`strategies:sector.${value}`)),
  };
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={false} may={may} />
      <h2>{t("strategies:editor.newVersion", { number: base + 1 })}</h2>
      {strategy.publishedVersion !== null ? <p className="muted">{t("strategies:editor.publishedStays", { number: strategy.publishedVersion })}</p> : null}
      {review ? <ReviewSummary review={review} labels={labels} lang={lang} /> : null}
      <Editor
        key={`edit-${base}-${fresh ? "merge" : "form"}`}
        id={`edit-strategy-${base}`}
        base={base}
        defaults={defaults}
        lastResult={fresh ? undefined : answer?.result}
        review={review}
        textLanguage={strategy.originalLanguage}
      />
    </div>
  );
}

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
  const { t } = useTranslation("strategies");
  const [form, fields] = useForm<z.input<typeof SaveVersionSchema>>({ id, lastResult, defaultValue: defaults });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="baseVersion" value={base} />
      <StrategyFields form={form} fields={fields} textLanguage={textLanguage} review={review ? { current: base, conflicts: review.conflicts } : undefined} />
      <InputField label={t("editor.changeNote")} hint={t("editor.changeNoteHint")} meta={fields.changeNote} required />
      <button type="submit" className="button">
        {t("editor.save")}
      </button>
    </Form>
  );
}

export const meta = titleMeta;
