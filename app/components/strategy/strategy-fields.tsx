// The fields of a strategy text shared by the new-strategy and new-version
// forms: title, summary, issuing authority, adoption date, the DSI dimensions
// it covers (each with a short note), its sectors, and its sections. On a
// review page (ADR 009), a field in conflict shows both texts beside it.
import type { FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldConflict } from "~/components/document/conflict-view";
import { SectionsEditor } from "~/components/document/sections-editor";
import { chosenValues, FieldErrors, InputField, TextareaField } from "~/components/ui/form";
import type { z } from "zod";
import type { Review } from "~/modules/document/review";
import type { SaveVersionSchema, STRATEGY_MERGE_FIELDS } from "~/modules/strategy/schemas";
import { DSI_DIMENSIONS, STRATEGY_SECTORS } from "~/modules/strategy/constants";

type StrategyForm = {
  title: unknown;
  summary: unknown;
  issuingAuthority: unknown;
  adoptedOn?: unknown;
  dimensions: unknown;
  sectors?: unknown;
  dimensionNotes?: unknown;
  sections: { key?: string; heading: string; body: string }[];
};

export function StrategyFields<FormSchema extends StrategyForm & Record<string, unknown>>({
  form,
  fields,
  textLanguage,
  review,
}: {
  form: FormMetadata<FormSchema, string[]>;
  fields: ReturnType<FormMetadata<FormSchema, string[]>["getFieldset"]>;
  textLanguage: string;
  /** On a review page: the conflicts, and the version the review is based on. */
  review?: { current: number; conflicts: Review["conflicts"] };
}) {
  const { t } = useTranslation(["strategies", "common"]);
  // Both strategy forms share these fields: read them with the fuller form's types
  // (TypeScript cannot resolve Conform's conditional types on a generic schema).
  const f = fields as unknown as ReturnType<FormMetadata<z.input<typeof SaveVersionSchema>, string[]>["getFieldset"]>;
  const chosenDimensions = chosenValues(f.dimensions.initialValue);
  const chosenSectors = chosenValues(f.sectors.initialValue);
  // Nested fieldsets of a generic form: read through their known shapes.
  const notes = f.dimensionNotes.getFieldset();
  const resolutions = f.fieldResolutions.getFieldset();
  const conflict = (name: (typeof STRATEGY_MERGE_FIELDS)[number], label: string) => {
    const view = review?.conflicts.fields.find((c) => c.name === name);
    return view && review ? (
      <FieldConflict view={view} label={label} current={review.current} errors={resolutions[name as keyof typeof resolutions]?.errors} textLanguage={textLanguage} />
    ) : null;
  };
  return (
    <>
      <div lang={textLanguage} className="stack">
        {conflict("title", t("strategies:editor.title"))}
        <InputField label={t("strategies:editor.title")} meta={f.title} dir="auto" required />
        {conflict("summary", t("strategies:editor.summary"))}
        <TextareaField label={t("strategies:editor.summary")} hint={t("strategies:editor.summaryHint")} meta={f.summary} rows={4} />
        {conflict("issuingAuthority", t("strategies:editor.issuingAuthority"))}
        <InputField label={t("strategies:editor.issuingAuthority")} hint={t("strategies:editor.issuingAuthorityHint")} meta={f.issuingAuthority} dir="auto" required />
      </div>
      {conflict("adoptedOn", t("strategies:editor.adoptedOn"))}
      <InputField label={t("strategies:editor.adoptedOn")} hint={t("strategies:editor.adoptedOnHint")} meta={f.adoptedOn} type="date" />
      <fieldset className="field card" aria-describedby={f.dimensions.errors ? f.dimensions.errorId : undefined}>
        <legend>{t("strategies:editor.dimensions")}</legend>
        <p className="field-hint">{t("strategies:editor.dimensionsHint")}</p>
        {DSI_DIMENSIONS.map((d) => (
          <div key={d} className="dimension-choice">
            <label className="checkbox">
              <input type="checkbox" name={f.dimensions.name} value={d} defaultChecked={chosenDimensions.has(d)} /> {t(`common:dsi.${d}`)}
            </label>
            <div lang={textLanguage}>
              {conflict(`note-${d}`, t("strategies:editor.dimensionNote", { dimension: t(`common:dsi.${d}`) }))}
              <TextareaField label={t("strategies:editor.dimensionNote", { dimension: t(`common:dsi.${d}`) })} meta={notes[d]!} rows={3} />
            </div>
          </div>
        ))}
        <FieldErrors id={f.dimensions.errorId} errors={f.dimensions.errors} />
      </fieldset>
      <fieldset className="field" aria-describedby={f.sectors.errors ? f.sectors.errorId : undefined}>
        <legend>{t("strategies:editor.sectors")}</legend>
        <div className="checkbox-grid">
          {STRATEGY_SECTORS.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" name={f.sectors.name} value={s} defaultChecked={chosenSectors.has(s)} /> {t(`strategies:sector.${s}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={f.sectors.errorId} errors={f.sectors.errors} />
      </fieldset>
      <h2>{t("strategies:editor.sections")}</h2>
      <SectionsEditor
        form={form as unknown as FormMetadata<z.input<typeof SaveVersionSchema>, string[]>}
        sections={f.sections}
        textLanguage={textLanguage}
        review={review ? { current: review.current, sections: review.conflicts.sections } : undefined}
      />
    </>
  );
}
