// A language version of the current version: the original beside the
// translation, section by section, marked official (lead only) or unofficial.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { languageName, ProposalHeader } from "~/components/proposal/proposal-header";
import { SectionsEditor } from "~/components/proposal/sections-editor";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { PlainSections } from "~/components/ui/plain-sections";
import { getProposalBySlug, getVersionText, saveTranslation } from "~/modules/proposal/proposal.server";
import { TranslationSchema } from "~/modules/proposal/schemas";
import { loadProposalPage } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { isLanguage, LANGUAGES } from "~/utils/i18n";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadProposalPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  if (!page.may.edit) throwAsResponse(forbidden());
  const { proposal } = page;
  const wanted = new URL(request.url).searchParams.get("language");
  const targets = LANGUAGES.map((l) => l.code).filter((c) => c !== proposal.originalLanguage);
  const target = isLanguage(wanted) && wanted !== proposal.originalLanguage ? wanted : lang !== proposal.originalLanguage ? lang : targets[0]!;
  const [original, existing] = await Promise.all([
    getVersionText({ proposalId: proposal.id, number: proposal.currentVersion, language: proposal.originalLanguage }),
    getVersionText({ proposalId: proposal.id, number: proposal.currentVersion, language: target }),
  ]);
  const translation = existing.isFallback ? null : existing.text;
  return json({ lang, ...page, targets, target, original: original.text, translation, title: `${original.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const submission = parseForm(await request.formData(), TranslationSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "translation" } });
  try {
    await saveTranslation({ actor: user, proposalId: proposal.id, ...submission.value });
  } catch (error) {
    return domainErrorReply(submission, error);
  }
  return redirect(`/${submission.value.language}/proposals/${proposal.slug}`);
}

export default function TranslateProposal() {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, proposal, current, may, targets, target, original, translation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof TranslationSchema>>({
    id: `translate-${target}`,
    lastResult: actionData?.result,
    defaultValue: {
      version: String(proposal.currentVersion),
      language: target,
      kind: translation?.kind === "OFFICIAL_TRANSLATION" ? "OFFICIAL_TRANSLATION" : "UNOFFICIAL_TRANSLATION",
      title: translation?.title ?? "",
      sections: original.sections.map((s) => {
        const done = translation?.sections.find((x) => x.key === s.key);
        return { key: s.key, heading: done?.heading ?? "", body: done?.body ?? "" };
      }),
    },
  });
  const kinds = may.isLead ? ["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] : ["UNOFFICIAL_TRANSLATION"];
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("proposals:translate.heading", { number: proposal.currentVersion })}</h2>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="language">{t("proposals:translate.language")}</label>
          <select id="language" name="language" defaultValue={target}>
            {targets.map((c) => (
              <option key={c} value={c}>
                {languageName(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("proposals:translate.choose")}
        </button>
      </Form>
      <div className="side-by-side">
        <section aria-labelledby="original-heading" lang={proposal.originalLanguage}>
          <h3 id="original-heading" lang={lang}>
            {t("proposals:translate.original", { language: languageName(proposal.originalLanguage) })}
          </h3>
          <p dir="auto">
            <strong>{original.title}</strong>
          </p>
          <PlainSections sections={original.sections} numbered />
        </section>
        <section aria-labelledby="translation-heading">
          <h3 id="translation-heading">{t("proposals:translate.into", { language: languageName(target) })}</h3>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="version" value={proposal.currentVersion} />
            <input type="hidden" name="language" value={target} />
            <SelectField label={t("proposals:translate.kind")} meta={fields.kind} options={kinds.map((k) => ({ value: k, label: t(`proposals:textKind.${k}`) }))} />
            <div lang={target}>
              <InputField label={t("proposals:editor.title")} meta={fields.title} dir="auto" required />
            </div>
            <SectionsEditor form={form as never} sections={fields.sections as never} lockedKeys textLanguage={target} />
            <button type="submit" className="button">
              {t("proposals:translate.save")}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}

export const meta = titleMeta;
