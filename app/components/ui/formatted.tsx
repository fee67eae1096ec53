// Dates and numbers through Intl, in the UI language. Times are shown in UTC
// with the zone named, so a delegation in Brasília and one in Beijing read the same moment.
import { dateTimeFormat, numberFormat } from "~/utils/intl";
export function formatDate(value: string | Date, lang: string, withTime = false): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    dateTimeFormat(lang, {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short", timeZone: "UTC" } : { timeZone: "UTC" }),
    }).format(date) + (withTime ? " UTC" : "")
  );
}

export function FormattedDate({ value, lang, withTime = false }: { value: string | Date; lang: string; withTime?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{formatDate(date, lang, withTime)}</time>;
}

export function formatNumber(value: number, lang: string): string {
  return numberFormat(lang).format(value);
}
