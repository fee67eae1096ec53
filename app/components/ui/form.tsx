// Accessible form primitives around Conform's field metadata: a label, the
// control, a hint and the translated error, tied together with aria attributes.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/utils/messages";

/**
 * A field of any form: generic over the field's value and the form's schema, so
 * callers pass Conform's metadata as it is, without casts.
 */
type Field<Value, FormSchema extends Record<string, unknown>> = FieldMetadata<Value, FormSchema, string[]>;

/**
 * The values chosen in a group of checkboxes sharing one name, as the form last
 * held them: a form posted back (a refused form, or a section added without
 * JavaScript) gives one string when one box was ticked, a list when several were.
 */
export function chosenValues(initialValue: unknown): Set<string> {
  if (Array.isArray(initialValue)) return new Set(initialValue.filter((v): v is string => typeof v === "string"));
  return typeof initialValue === "string" && initialValue !== "" ? new Set([initialValue]) : new Set();
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="list">
      {errors.map((e) => (
        <li key={e}>{translateMessage(t, e)}</li>
      ))}
    </ul>
  );
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="alert alert-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{translateMessage(t, e)}</p>
      ))}
    </div>
  );
}

type InputFieldProps<Value, FormSchema extends Record<string, unknown>> = {
  label: ReactNode;
  meta: Field<Value, FormSchema>;
  type?: "text" | "email" | "password" | "search" | "url" | "date" | "datetime-local" | "number";
  hint?: ReactNode;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  dir?: "ltr" | "rtl" | "auto";
  required?: boolean;
};

export function InputField<Value, FormSchema extends Record<string, unknown>>({
  label,
  meta,
  type = "text",
  hint,
  autoComplete,
  inputMode,
  dir,
  required,
}: InputFieldProps<Value, FormSchema>) {
  const props = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} dir={dir} required={required ?? props.required} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField<Value, FormSchema extends Record<string, unknown>>({
  label,
  meta,
  hint,
  rows = 6,
}: {
  label: ReactNode;
  meta: Field<Value, FormSchema>;
  hint?: ReactNode;
  rows?: number;
}) {
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} dir="auto" />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField<Value, FormSchema extends Record<string, unknown>>({
  label,
  meta,
  options,
  hint,
}: {
  label: ReactNode;
  meta: Field<Value, FormSchema>;
  options: { value: string; label: string }[];
  hint?: ReactNode;
}) {
  const props = getSelectProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select {...props} key={props.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
