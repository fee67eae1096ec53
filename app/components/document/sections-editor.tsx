// The ordered sections of a text (heading + Markdown body), with buttons to add,
// remove and move sections. Conform's list intents make these buttons work
// without JavaScript: the server answers with the changed list. On a review
// page, a section in conflict shows both texts and asks which to keep.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField } from "~/components/ui/form";
import type { SectionConflictView } from "~/modules/document/review";
import { SectionConflictBlock } from "./conflict-view";

type SectionShape = { key?: string; heading: string; body: string };

export function SectionsEditor<Section extends SectionShape, FormSchema extends Record<string, unknown>>({
  form,
  sections,
  lockedKeys = false,
  textLanguage,
  review,
}: {
  form: FormMetadata<FormSchema, string[]>;
  sections: FieldMetadata<Section[], FormSchema, string[]>;
  /** Translations follow the original's sections: no adding, removing or moving. */
  lockedKeys?: boolean;
  textLanguage?: string;
  /** On a review page: the sections in conflict, and the version the review is based on. */
  review?: { current: number; sections: SectionConflictView[] };
}) {
  const { t } = useTranslation("documents");
  // Every section list is at least a SectionShape list: read it as one (TypeScript cannot resolve Conform's conditional types on a generic).
  const shaped = sections as unknown as FieldMetadata<(SectionShape & { resolution?: string })[], FormSchema, string[]>;
  const list = shaped.getFieldList();
  return (
    <div className="sections-editor" lang={textLanguage}>
      {list.map((section, index) => {
        const fields = section.getFieldset();
        const conflict = review?.sections.find((c) => c.index === index);
        const resolution = fields.resolution;
        return (
          <fieldset key={section.key} className={conflict ? "card section-fieldset section-conflict" : "card section-fieldset"}>
            <legend>{t("sections.section", { number: index + 1 })}</legend>
            {fields.key.initialValue ? <input type="hidden" name={fields.key.name} value={String(fields.key.initialValue)} /> : null}
            {conflict && review ? (
              <SectionConflictBlock view={conflict} name={section.name} current={review.current} errors={resolution?.errors} textLanguage={textLanguage} />
            ) : null}
            {conflict?.kind === "youRemoved" ? (
              // Their text, kept as it is unless the drafter removes the section.
              <>
                <input type="hidden" name={fields.heading.name} value={String(fields.heading.initialValue ?? "")} />
                <input type="hidden" name={fields.body.name} value={String(fields.body.initialValue ?? "")} />
              </>
            ) : (
              <>
                <InputField label={t("sections.heading")} meta={fields.heading} dir="auto" />
                <TextareaField label={t("sections.body")} hint={t("sections.bodyHint")} meta={fields.body} rows={8} />
              </>
            )}
            {lockedKeys ? null : (
              <div className="button-row">
                {index > 0 ? (
                  <button className="button-link" {...form.reorder.getButtonProps({ name: shaped.name, from: index, to: index - 1 })}>
                    {t("sections.moveUp")}
                  </button>
                ) : null}
                {index < list.length - 1 ? (
                  <button className="button-link" {...form.reorder.getButtonProps({ name: shaped.name, from: index, to: index + 1 })}>
                    {t("sections.moveDown")}
                  </button>
                ) : null}
                {list.length > 1 && !conflict ? (
                  <button className="button-link danger" {...form.remove.getButtonProps({ name: shaped.name, index })}>
                    {t("sections.remove")}
                  </button>
                ) : null}
              </div>
            )}
          </fieldset>
        );
      })}
      {lockedKeys ? null : (
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: shaped.name, defaultValue: { heading: "", body: "" } })}>
          {t("sections.add")}
        </button>
      )}
    </div>
  );
}
