// Form validation. Every zod message is a translation key in the `common`
// namespace (optionally `key|{json values}`), so the field shows it in the
// user's language (see messages.ts). Forms are parsed with `parseForm`.
import { z } from "zod";

function message(key: string, values?: Record<string, unknown>) {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

export const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" || issue.received === "null" ? "validation.required" : "validation.invalid" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string" && Number(issue.minimum) === 1) return { message: "validation.required" };
      if (issue.type === "string") return { message: message("validation.tooShort", { count: Number(issue.minimum) }) };
      if (issue.type === "array") return { message: message("validation.tooFew", { count: Number(issue.minimum) }) };
      return { message: message("validation.tooSmall", { min: Number(issue.minimum) }) };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: message("validation.tooLong", { count: Number(issue.maximum) }) };
      if (issue.type === "array") return { message: message("validation.tooMany", { count: Number(issue.maximum) }) };
      return { message: message("validation.tooBig", { max: Number(issue.maximum) }) };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: "validation.email" };
      if (issue.validation === "url") return { message: "validation.url" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "validation.choice" };
    case z.ZodIssueCode.invalid_date:
      return { message: "validation.date" };
    case z.ZodIssueCode.custom:
      return { message: issue.message ?? "validation.invalid" };
    default:
      return { message: ctx.defaultError === "Required" ? "validation.required" : "validation.invalid" };
  }
};

// Control characters other than tab and line breaks have no place in user text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
const LINE_BREAKS = /[\r\n\t]/;

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
// can make a title read differently from what it says ("Trojan Source"). The
// marks U+200E/U+200F and U+061C, which right-to-left text needs, stay allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// Markdown code: fenced blocks and inline spans, where quoted source may carry them.
const MARKDOWN_CODE = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)|(`+)[^`]*?\4/g;

/** Whether text carries bidirectional controls; in Markdown, code is left out of the judgement. */
export function hasBidiControls(value: string, { markdown = false } = {}): boolean {
  return BIDI_CONTROLS.test(markdown ? value.replace(MARKDOWN_CODE, "") : value);
}

/**
 * User text in any script: trimmed, NFC-normalized, control characters refused,
 * and bidirectional controls refused (outside code, for multi-line Markdown).
 */
export function text({ min = 1, max, multiline = false }: { min?: number; max: number; multiline?: boolean }) {
  return z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .refine((s) => !CONTROL_CHARACTERS.test(s) && (multiline || !LINE_BREAKS.test(s)), {
          message: "validation.controlCharacters",
        })
        .refine((s) => !hasBidiControls(s, { markdown: multiline }), { message: "validation.bidiControls" }),
    );
}

export const email = () =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim().toLowerCase())
    .pipe(z.string().min(1).max(254).email());
