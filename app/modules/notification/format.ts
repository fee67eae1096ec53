// Dates in a person's own time zone, through Intl (shared by pages and mails).

/** A date and time in `timeZone`, with the zone named ("3 Dec 2026, 14:00 GMT+3"). */
export function formatInZone(value: Date | string, lang: string, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone, timeZoneName: "short" }).format(date);
}

/** Whether Intl knows the time zone (IANA name). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | undefined;
/** Every IANA time zone this runtime knows, for pickers. */
export function timeZones(): string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return zones;
}
