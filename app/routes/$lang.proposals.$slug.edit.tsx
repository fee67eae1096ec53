// Saving a new version. A save based on an older version is refused: the
// editor then sees their text beside the current one, nothing lost, and can
// save again on top of the current version.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { SectionsEditor } from "~/components/proposal/sections-editor";
import { FormErrors, InputField } from "~/components/ui/form";
import { PlainSections } from "~/components/ui/plain-sections";
import { getProposalBySlug, getVersionText, saveVersion } from "~/modules/proposal/proposal.server";
import { SaveVersionSchema } from "~/modules/proposal/schemas";
import { loadProposalPage } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { DomainError, forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadProposalPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  if (!page.may.edit) throwAsResponse(forbidden());
  // The editor always works on the original language.
  const original = await getVersionText({ proposalId: page.proposal.id, number: page.proposal.currentVersion, language: page.proposal.originalLanguage });
  return json({ lang, ...page, original: original.text, title: `${original.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const submission = parseForm(await request.formData(), SaveVersionSchema);
  if (submission.status === undefined) return json({ result: submission.reply(), conflict: null });
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "saveVersion" } });
  try {
    await saveVersion({ actor: user, proposalId: proposal.id, ...submission.value });
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === "errors.staleVersion") {
      const fresh = await getProposalBySlug(proposal.slug);
      const current = await getVersionText({ proposalId: proposal.id, number: fresh.currentVersion, language: fresh.originalLanguage });
      return json(
        {
          result: submission.reply({ formErrors: ["errors.staleVersion"] }),
          conflict: { version: current.version.number, authorName: current.version.authorName, title: current.text.title, sections: current.text.sections },
        },
        { status: 409 },
      );
    }
    if (error instanceof DomainError) return domainErrorReply(submission, error);
    throw error;
  }
  return redirect(`/${lang}/proposals/${proposal.slug}?saved=1`);
}

export default function EditProposal() {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, proposal, current, may, original } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData && "conflict" in actionData ? actionData.conflict : null;
  const [form, fields] = useForm<z.input<typeof SaveVersionSchema>>({
    id: "edit-proposal",
    lastResult: actionData?.result,
    defaultValue: {
      baseVersion: String(proposal.currentVersion),
      title: original.title,
      changeNote: "",
      sections: original.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    },
  });
  // After a refused save, the next save builds on the version that is now current.
  const baseVersion = conflict?.version ?? proposal.currentVersion;
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={false} may={may} />
      <h2>{t("proposals:editor.newVersion", { number: baseVersion + 1 })}</h2>
      {conflict ? (
        <section className="conflict card alert-warning" aria-labelledby="conflict-heading">
          <h3 id="conflict-heading">{t("proposals:editor.conflictHeading", { number: conflict.version, name: conflict.authorName })}</h3>
          <p>{t("proposals:editor.conflictIntro")}</p>
          <div className="side-by-side">
            <div>
              <h4>{t("proposals:editor.yourText")}</h4>
              <p className="muted">{t("proposals:editor.yourTextHint")}</p>
            </div>
            <div lang={proposal.originalLanguage}>
              <h4 lang={lang}>{t("proposals:editor.currentText", { number: conflict.version })}</h4>
              <p dir="auto">
                <strong>{conflict.title}</strong>
              </p>
              <PlainSections sections={conflict.sections} />
            </div>
          </div>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <div lang={proposal.originalLanguage}>
          <InputField label={t("proposals:editor.title")} meta={fields.title} dir="auto" required />
        </div>
        <SectionsEditor form={form as never} sections={fields.sections as never} textLanguage={proposal.originalLanguage} />
        <InputField label={t("proposals:editor.changeNote")} hint={t("proposals:editor.changeNoteHint")} meta={fields.changeNote} required />
        <button type="submit" className="button">
          {t("proposals:editor.save")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
