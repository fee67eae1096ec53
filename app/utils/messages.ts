// Messages carried as translation keys (`key` or `key|{json values}`), as zod
// schemas and domain errors produce them. Browser-safe: no zod here.
import type { TFunction } from "i18next";

/** A translation key with values, as carried in a zod message. */
export function translateMessage(t: TFunction, raw: string): string {
  const bar = raw.indexOf("|");
  if (bar === -1) return t(raw, { ns: "common" });
  const values = JSON.parse(raw.slice(bar + 1)) as Record<string, unknown>;
  return t(raw.slice(0, bar), { ns: "common", ...values });
}
