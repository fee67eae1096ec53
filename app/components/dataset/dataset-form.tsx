// The fields of a catalogue entry: name and description (creating only; later
// they are language versions) and the sovereignty metadata.
import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { languageLabel } from "~/components/evaluation/score";
import { FieldErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { CROSS_BORDER, DATA_LANGUAGES, DATASET_ACCESS, MODALITIES } from "~/modules/dataset/constants";
import { LANGUAGES } from "~/utils/i18n";
import { collatorOf } from "~/utils/intl";

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type Fields = Record<string, AnyField>;

export function DatasetTextFields({ fields, withLanguage }: { fields: Fields; withLanguage: boolean }) {
  const { t } = useTranslation("research");
  return (
    <>
      <InputField label={t("datasets.name")} meta={fields.name!} dir="auto" required />
      <TextareaField label={t("datasets.description")} hint={t("datasets.descriptionHint")} meta={fields.description!} rows={8} />
      {withLanguage ? (
        <SelectField
          label={t("datasets.originalLanguage")}
          hint={t("datasets.originalLanguageHint")}
          meta={fields.originalLanguage!}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        />
      ) : null}
    </>
  );
}

export function DatasetMetadataFields({ fields, lang }: { fields: Fields; lang: string }) {
  const { t } = useTranslation("research");
  const collator = collatorOf(lang);
  const languages = [...DATA_LANGUAGES].map((code) => ({ code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  const languagesField = fields.languages!;
  const selectProps = getSelectProps(languagesField, { ariaDescribedBy: `${languagesField.id}-hint` });
  return (
    <>
      <div className="field">
        <label htmlFor={languagesField.id}>{t("datasets.dataLanguages")}</label>
        <p className="field-hint" id={`${languagesField.id}-hint`}>
          {t("datasets.dataLanguagesHint")}
        </p>
        <select {...selectProps} key={selectProps.key} multiple size={8}>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
        <FieldErrors id={languagesField.errorId} errors={languagesField.errors} />
      </div>
      <SelectField label={t("datasets.modalityLabel")} meta={fields.modality!} options={MODALITIES.map((m) => ({ value: m, label: t(`datasets.modality.${m}`) }))} />
      <InputField label={t("datasets.license")} hint={t("datasets.licenseHint")} meta={fields.license!} dir="auto" required />
      <InputField label={t("datasets.sizeGigabytes")} hint={t("datasets.sizeHint")} meta={fields.sizeGigabytes!} inputMode="text" />
      <InputField label={t("datasets.recordCount")} meta={fields.recordCount!} type="number" />
      <fieldset className="field section-fieldset">
        <legend>{t("datasets.sovereignty")}</legend>
        <InputField label={t("datasets.residencyCountry")} hint={t("datasets.residencyHint")} meta={fields.residencyCountry!} required />
        <InputField label={t("datasets.residencyNote")} hint={t("datasets.residencyNoteHint")} meta={fields.residencyNote!} dir="auto" />
        <SelectField
          label={t("datasets.crossBorderLabel")}
          hint={t("datasets.crossBorderHint")}
          meta={fields.crossBorder!}
          options={CROSS_BORDER.map((c) => ({ value: c, label: t(`datasets.crossBorder.${c}`) }))}
        />
        <SelectField
          label={t("datasets.accessLabel")}
          hint={t("datasets.accessHint")}
          meta={fields.access!}
          options={DATASET_ACCESS.map((a) => ({ value: a, label: t(`datasets.access.${a}`) }))}
        />
      </fieldset>
      <InputField label={t("datasets.url")} meta={fields.url!} type="url" dir="ltr" />
    </>
  );
}
