// A language version of the newest version: the original beside the
// translation, field by field and section by section, marked official (the
// head only) or unofficial. Saved through the document kernel, under the
// strategy's row lock (ADR 009).
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { TranslationEditor } from "~/components/document/translation-editor";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { InputField, TextareaField } from "~/components/ui/form";
import { TranslationSchema } from "~/modules/strategy/schemas";
import { getStrategyBySlug, saveTranslation } from "~/modules/strategy/strategy.server";
import { loadTranslationPage } from "~/modules/strategy/view.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const wanted = new URL(request.url).searchParams.get("language");
  const page = await loadTranslationPage({ slug: params.slug ?? "", lang, user, wanted }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.original.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const strategy = await getStrategyBySlug({ user, slug: params.slug ?? "" }).catch(throwAsResponse);
  const submission = parseForm(await request.formData(), TranslationSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "strategyTranslation" } });
  try {
    await saveTranslation({ actor: user, strategyId: strategy.id, ...submission.value });
  } catch (error) {
    return domainErrorReply(submission, error);
  }
  return redirect(`/${lang}/strategies/${strategy.slug}?text=${submission.value.language}`);
}

export default function TranslateStrategy() {
  const { t } = useTranslation(["strategies", "documents", "common"]);
  const { lang, strategy, current, may, targets, target, original, translation, kinds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof TranslationSchema>>({
    id: `translate-${target}`,
    lastResult: actionData?.result,
    defaultValue: {
      version: String(strategy.currentVersion),
      language: target,
      kind: translation?.kind === "OFFICIAL_TRANSLATION" ? "OFFICIAL_TRANSLATION" : "UNOFFICIAL_TRANSLATION",
      title: translation?.title ?? "",
      summary: translation?.summary ?? "",
      issuingAuthority: translation?.issuingAuthority ?? "",
      dimensionNotes: translation?.dimensionNotes ?? {},
      sections: original.text.sections.map((s) => {
        const done = translation?.sections.find((x) => x.key === s.key);
        return { key: s.key, heading: done?.heading ?? "", body: done?.body ?? "" };
      }),
    },
  });
  const notes = fields.dimensionNotes.getFieldset();
  const o = original.text;
  const dimensionLabel = (d: string) => t(`common:dsi.${d}`);
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <TranslationEditor
        lang={lang}
        version={strategy.currentVersion}
        targets={targets}
        target={target}
        originalLanguage={strategy.originalLanguage}
        original={{
          fields: [
            { label: t("strategies:editor.title"), value: o.title, strong: true },
            { label: t("strategies:editor.summary"), value: o.summary },
            { label: t("strategies:editor.issuingAuthority"), value: o.issuingAuthority },
            ...original.version.dimensions.map((d) => ({ label: dimensionLabel(d), value: `${dimensionLabel(d)}: ${o.dimensionNotes[d] ?? ""}` })),
          ],
          sections: o.sections,
        }}
        form={form}
        kind={fields.kind}
        sections={fields.sections}
        kinds={kinds}
      >
        <InputField label={t("strategies:editor.title")} meta={fields.title} dir="auto" required />
        <TextareaField label={t("strategies:editor.summary")} meta={fields.summary} rows={4} />
        <InputField label={t("strategies:editor.issuingAuthority")} meta={fields.issuingAuthority} dir="auto" required />
        {original.version.dimensions.map((d) => (
          <TextareaField key={d} label={t("strategies:editor.dimensionNote", { dimension: dimensionLabel(d) })} meta={notes[d]} rows={3} />
        ))}
      </TranslationEditor>
    </div>
  );
}

export const meta = titleMeta;
