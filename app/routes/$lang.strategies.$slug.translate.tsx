// A language version of the newest version: the original beside the
// translation, field by field and section by section, marked official (the
// head only) or unofficial.
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { SectionsEditor } from "~/components/proposal/sections-editor";
import { languageName, StrategyHeader } from "~/components/strategy/strategy-header";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { PlainSections } from "~/components/ui/plain-sections";
import { TranslationSchema } from "~/modules/strategy/schemas";
import { getStrategyBySlug, getVersionText, saveTranslation } from "~/modules/strategy/strategy.server";
import { loadStrategyPage } from "~/modules/strategy/view.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { isLanguage, LANGUAGES } from "~/utils/i18n";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  if (!page.may.edit) throwAsResponse(forbidden());
  const { strategy } = page;
  const wanted = new URL(request.url).searchParams.get("language");
  const targets = LANGUAGES.map((l) => l.code).filter((c) => c !== strategy.originalLanguage);
  const target = isLanguage(wanted) && wanted !== strategy.originalLanguage ? wanted : lang !== strategy.originalLanguage ? lang : targets[0]!;
  const [original, existing] = await Promise.all([
    getVersionText({ strategyId: strategy.id, number: strategy.currentVersion, language: strategy.originalLanguage }),
    getVersionText({ strategyId: strategy.id, number: strategy.currentVersion, language: target }),
  ]);
  const translation = existing.isFallback ? null : existing.text;
  return json({ lang, ...page, targets, target, original, translation, title: `${original.text.title} · Concord` });
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
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategy, current, may, targets, target, original, translation } = useLoaderData<typeof loader>();
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
  const notes = (fields.dimensionNotes as unknown as FieldMetadata<Record<string, string>, Record<string, unknown>, string[]>).getFieldset();
  const kinds = may.publish ? ["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] : ["UNOFFICIAL_TRANSLATION"];
  const o = original.text;
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("strategies:translate.heading", { number: strategy.currentVersion })}</h2>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="language">{t("strategies:translate.language")}</label>
          <select id="language" name="language" defaultValue={target}>
            {targets.map((c) => (
              <option key={c} value={c}>
                {languageName(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("strategies:translate.choose")}
        </button>
      </Form>
      <div className="side-by-side">
        <section aria-labelledby="original-heading" lang={strategy.originalLanguage}>
          <h3 id="original-heading" lang={lang}>
            {t("strategies:translate.original", { language: languageName(strategy.originalLanguage) })}
          </h3>
          <p dir="auto">
            <strong>{o.title}</strong>
          </p>
          <p dir="auto" className="plain-text">
            {o.summary}
          </p>
          <p dir="auto">{o.issuingAuthority}</p>
          {original.version.dimensions.map((d) => (
            <p key={d} dir="auto">
              <strong lang={lang}>{t(`common:dsi.${d}`)}:</strong> {o.dimensionNotes[d]}
            </p>
          ))}
          <PlainSections sections={o.sections} numbered />
        </section>
        <section aria-labelledby="translation-heading">
          <h3 id="translation-heading">{t("strategies:translate.into", { language: languageName(target) })}</h3>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="version" value={strategy.currentVersion} />
            <input type="hidden" name="language" value={target} />
            <SelectField label={t("strategies:translate.kind")} meta={fields.kind} options={kinds.map((k) => ({ value: k, label: t(`strategies:textKind.${k}`) }))} />
            <div lang={target} className="stack">
              <InputField label={t("strategies:editor.title")} meta={fields.title} dir="auto" required />
              <TextareaField label={t("strategies:editor.summary")} meta={fields.summary} rows={4} />
              <InputField label={t("strategies:editor.issuingAuthority")} meta={fields.issuingAuthority} dir="auto" required />
              {original.version.dimensions.map((d) => (
                <TextareaField
                  key={d}
                  label={t("strategies:editor.dimensionNote", { dimension: t(`common:dsi.${d}`) })}
                  meta={notes[d] as FieldMetadata<unknown, Record<string, unknown>, string[]>}
                  rows={3}
                />
              ))}
            </div>
            <SectionsEditor form={form as never} sections={fields.sections as never} lockedKeys textLanguage={target} />
            <button type="submit" className="button">
              {t("strategies:translate.save")}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}

export const meta = titleMeta;
