// The ordered sections of a text (heading + Markdown body), with buttons to add,
// remove and move sections. Conform's list intents make these buttons work
// without JavaScript: the server answers with the changed list.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField } from "~/components/ui/form";

type Section = { key?: string; heading: string; body: string };

export function SectionsEditor({
  form,
  sections,
  lockedKeys = false,
  textLanguage,
}: {
  form: FormMetadata<Record<string, unknown>, string[]>;
  sections: FieldMetadata<Section[], Record<string, unknown>, string[]>;
  /** Translations follow the original's sections: no adding, removing or moving. */
  lockedKeys?: boolean;
  textLanguage?: string;
}) {
  const { t } = useTranslation("proposals");
  const list = sections.getFieldList();
  return (
    <div className="sections-editor" lang={textLanguage}>
      {list.map((section, index) => {
        const fields = section.getFieldset();
        return (
          <fieldset key={section.key} className="card section-fieldset">
            <legend>{t("editor.section", { number: index + 1 })}</legend>
            {fields.key.initialValue ? <input type="hidden" name={fields.key.name} value={String(fields.key.initialValue)} /> : null}
            <InputField label={t("editor.heading")} meta={fields.heading as never} dir="auto" />
            <TextareaField label={t("editor.body")} hint={t("editor.bodyHint")} meta={fields.body as never} rows={8} />
            {lockedKeys ? null : (
              <div className="button-row">
                {index > 0 ? (
                  <button className="button-link" {...form.reorder.getButtonProps({ name: sections.name, from: index, to: index - 1 })}>
                    {t("editor.moveUp")}
                  </button>
                ) : null}
                {index < list.length - 1 ? (
                  <button className="button-link" {...form.reorder.getButtonProps({ name: sections.name, from: index, to: index + 1 })}>
                    {t("editor.moveDown")}
                  </button>
                ) : null}
                {list.length > 1 ? (
                  <button className="button-link danger" {...form.remove.getButtonProps({ name: sections.name, index })}>
                    {t("editor.remove")}
                  </button>
                ) : null}
              </div>
            )}
          </fieldset>
        );
      })}
      {lockedKeys ? null : (
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: sections.name, defaultValue: { heading: "", body: "" } })}>
          {t("editor.addSection")}
        </button>
      )}
    </div>
  );
}
