// Translating the current version: a language picker, the original beside the
// translation form, section by section (the original's sections, in its order),
// and the kind of translation (official only for those who speak for the text).
import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField } from "~/components/ui/form";
import { PlainSections } from "~/components/ui/plain-sections";
import type { SectionText, TranslationKind } from "~/modules/document/types";
import { languageName } from "./language-list";
import { SectionsEditor } from "./sections-editor";

export function TranslationEditor<FormSchema extends Record<string, unknown>>({
  lang,
  version,
  targets,
  target,
  originalLanguage,
  original,
  form,
  kind,
  sections,
  kinds,
  children,
}: {
  lang: string;
  version: number;
  /** The languages a translation can be made into (all but the original's). */
  targets: string[];
  target: string;
  originalLanguage: string;
  /** The original's words: its fields (labelled) and sections. */
  original: { fields: { label: string; value: string; strong?: boolean }[]; sections: SectionText[] };
  form: FormMetadata<FormSchema, string[]>;
  kind: FieldMetadata<string, FormSchema, string[]>;
  sections: FieldMetadata<SectionText[], FormSchema, string[]>;
  kinds: readonly TranslationKind[];
  /** The translated fields besides the sections (title, summary…). */
  children: ReactNode;
}) {
  const { t } = useTranslation("documents");
  return (
    <>
      <h2>{t("translate.heading", { number: version })}</h2>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="language">{t("translate.language")}</label>
          <select id="language" name="language" defaultValue={target}>
            {targets.map((c) => (
              <option key={c} value={c}>
                {languageName(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("translate.choose")}
        </button>
      </Form>
      <div className="side-by-side">
        <section aria-labelledby="original-heading" lang={originalLanguage}>
          <h3 id="original-heading" lang={lang}>
            {t("translate.original", { language: languageName(originalLanguage) })}
          </h3>
          {original.fields.map((f) => (
            <p key={f.label} dir="auto" className="plain-text">
              {f.strong ? <strong>{f.value}</strong> : f.value}
            </p>
          ))}
          <PlainSections sections={original.sections} numbered />
        </section>
        <section aria-labelledby="translation-heading">
          <h3 id="translation-heading">{t("translate.into", { language: languageName(target) })}</h3>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="language" value={target} />
            <SelectField label={t("translate.kind")} meta={kind} options={kinds.map((k) => ({ value: k, label: t(`languages.kind.${k}`) }))} />
            <div lang={target} className="stack">
              {children}
            </div>
            <SectionsEditor form={form} sections={sections} lockedKeys textLanguage={target} />
            <button type="submit" className="button">
              {t("translate.save")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
