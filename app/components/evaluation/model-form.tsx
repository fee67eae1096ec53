// The form of a registry entry, for registering and for editing a model.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";

export type ModelFormValues = {
  name?: string;
  family?: string;
  baseModelId?: string;
  parameterBillions?: string;
  license?: string;
  openWeights?: "yes" | "no";
  developer?: string;
  originCountry?: string;
  repository?: string;
  url?: string;
  description?: string;
};

export function ModelForm({
  id,
  lastResult,
  defaultValue,
  baseOptions,
  submitLabel,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]>;
  defaultValue?: ModelFormValues;
  baseOptions: { id: string; name: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation("research");
  const [form, fields] = useForm({ id, lastResult, defaultValue: { openWeights: "yes", ...defaultValue } });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField label={t("models.name")} meta={fields.name} dir="auto" required />
      <InputField label={t("models.family")} hint={t("models.familyHint")} meta={fields.family} dir="auto" required />
      <SelectField
        label={t("models.baseModel")}
        meta={fields.baseModelId}
        options={[{ value: "", label: t("models.noBase") }, ...baseOptions.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <InputField label={t("models.parameterBillions")} hint={t("models.parameterHint")} meta={fields.parameterBillions} inputMode="text" />
      <InputField label={t("models.license")} hint={t("models.licenseHint")} meta={fields.license} dir="auto" required />
      <SelectField
        label={t("models.openWeights")}
        meta={fields.openWeights}
        options={[
          { value: "yes", label: t("models.openYes") },
          { value: "no", label: t("models.openNo") },
        ]}
      />
      <InputField label={t("models.developer")} meta={fields.developer} dir="auto" required />
      <InputField label={t("models.originCountry")} hint={t("models.originHint")} meta={fields.originCountry} />
      <InputField label={t("models.repository")} hint={t("models.repositoryHint")} meta={fields.repository} dir="ltr" />
      <InputField label={t("models.url")} meta={fields.url} type="url" dir="ltr" />
      <TextareaField label={t("models.description")} hint={t("models.descriptionHint")} meta={fields.description} rows={5} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
