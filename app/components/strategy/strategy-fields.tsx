// The fields of a strategy text shared by the new-strategy and new-version
// forms: title, summary, issuing authority, adoption date, the DSI dimensions
// it covers (each with a short note), its sectors, and its sections.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SectionsEditor } from "~/components/proposal/sections-editor";
import { FieldErrors, InputField, TextareaField } from "~/components/ui/form";
import { DSI_DIMENSIONS, STRATEGY_SECTORS } from "~/modules/strategy/constants";

type Fields = {
  title: unknown;
  summary: unknown;
  issuingAuthority: unknown;
  adoptedOn: unknown;
  dimensions: unknown;
  sectors: unknown;
  dimensionNotes: unknown;
  sections: unknown;
};

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

export function StrategyFields({
  form,
  fields,
  textLanguage,
}: {
  form: FormMetadata<Record<string, unknown>, string[]>;
  fields: { [K in keyof Fields]: FieldMetadata<unknown, Record<string, unknown>, string[]> };
  textLanguage: string;
}) {
  const { t } = useTranslation(["strategies", "common"]);
  const chosenDimensions = new Set((fields.dimensions.initialValue as string[] | undefined) ?? []);
  const chosenSectors = new Set((fields.sectors.initialValue as string[] | undefined) ?? []);
  const notes = (fields.dimensionNotes as FieldMetadata<Record<string, string>, Record<string, unknown>, string[]>).getFieldset();
  return (
    <>
      <div lang={textLanguage} className="stack">
        <InputField label={t("strategies:editor.title")} meta={fields.title} dir="auto" required />
        <TextareaField label={t("strategies:editor.summary")} hint={t("strategies:editor.summaryHint")} meta={fields.summary} rows={4} />
        <InputField label={t("strategies:editor.issuingAuthority")} hint={t("strategies:editor.issuingAuthorityHint")} meta={fields.issuingAuthority} dir="auto" required />
      </div>
      <InputField label={t("strategies:editor.adoptedOn")} hint={t("strategies:editor.adoptedOnHint")} meta={fields.adoptedOn} type="date" />
      <fieldset className="field card" aria-describedby={fields.dimensions.errors ? fields.dimensions.errorId : undefined}>
        <legend>{t("strategies:editor.dimensions")}</legend>
        <p className="field-hint">{t("strategies:editor.dimensionsHint")}</p>
        {DSI_DIMENSIONS.map((d) => (
          <div key={d} className="dimension-choice">
            <label className="checkbox">
              <input type="checkbox" name={fields.dimensions.name} value={d} defaultChecked={chosenDimensions.has(d)} /> {t(`common:dsi.${d}`)}
            </label>
            <div lang={textLanguage}>
              <TextareaField label={t("strategies:editor.dimensionNote", { dimension: t(`common:dsi.${d}`) })} meta={notes[d] as AnyField} rows={3} />
            </div>
          </div>
        ))}
        <FieldErrors id={fields.dimensions.errorId} errors={fields.dimensions.errors} />
      </fieldset>
      <fieldset className="field" aria-describedby={fields.sectors.errors ? fields.sectors.errorId : undefined}>
        <legend>{t("strategies:editor.sectors")}</legend>
        <div className="checkbox-grid">
          {STRATEGY_SECTORS.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" name={fields.sectors.name} value={s} defaultChecked={chosenSectors.has(s)} /> {t(`strategies:sector.${s}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.sectors.errorId} errors={fields.sectors.errors} />
      </fieldset>
      <h2>{t("strategies:editor.sections")}</h2>
      <SectionsEditor form={form as never} sections={fields.sections as never} textLanguage={textLanguage} />
    </>
  );
}
