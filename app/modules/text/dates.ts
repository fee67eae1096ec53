// Calendar dates typed into forms (YYYY-MM-DD): one rule for every document.
// A date must exist — 2026-02-30 is refused, never read as 2 March.
import { z } from "zod";

/** Whether `value` is YYYY-MM-DD and names a day that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A zod field for such a date, kept as the string; optionally within years. */
export function calendarDate({ minYear = 1900, maxYear = 2100 }: { minYear?: number; maxYear?: number } = {}) {
  return z.string().refine((s) => {
    if (!isCalendarDate(s)) return false;
    const year = Number(s.slice(0, 4));
    return year >= minYear && year <= maxYear;
  }, "validation.date");
}
