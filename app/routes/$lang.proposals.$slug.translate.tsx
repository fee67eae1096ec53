// A language version of the current version: the original beside the
// translation, section by section, marked official (lead only) or unofficial.
// Saved through the document kernel, under the proposal's row lock (ADR 009).
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { TranslationEditor } from "~/components/document/translation-editor";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { InputField } from "~/components/ui/form";
import { getProposalBySlug, saveTranslation } from "~/modules/proposal/proposal.server";
import { TranslationSchema } from "~/modules/proposal/schemas";
import { loadTranslationPage } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const wanted = new URL(request.url).searchParams.get("language");
  const page = await loadTranslationPage({ slug: params.slug ?? "", lang, user, wanted }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.original.title} · Concord` });
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
  // The translation just saved, in the same interface language.
  return redirect(`/${lang}/proposals/${proposal.slug}?text=${submission.value.language}`);
}

export default function TranslateProposal() {
  const { t } = useTranslation(["proposals", "documents", "common"]);
  const { lang, proposal, current, may, targets, target, original, translation, kinds } = useLoaderData<typeof loader>();
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
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <TranslationEditor
        lang={lang}
        version={proposal.currentVersion}
        targets={targets}
        target={target}
        originalLanguage={proposal.originalLanguage}
        original={{ fields: [{ label: t("proposals:editor.title"), value: original.title, strong: true }], sections: original.sections }}
        form={form}
        kind={fields.kind}
        sections={fields.sections}
        kinds={kinds}
      >
        <InputField label={t("proposals:editor.title")} meta={fields.title} dir="auto" required />
      </TranslationEditor>
    </div>
  );
}

export const meta = titleMeta;
