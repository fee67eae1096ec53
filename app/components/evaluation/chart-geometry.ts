// Geometry of the server-rendered bar charts: scales and mirrored
// coordinates for right-to-left pages. No React here, so it is easy to test.
// The charts set direction="ltr" on their <svg>, so "start"/"end" anchors mean
// left/right here, and right-to-left pages are mirrored by these coordinates.

/** The largest value a bar axis needs: 1 for scores that are fractions, else a round number above the maximum. */
export function axisMax(values: number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Tick values from 0 to `max`, in `count` equal steps. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export type Layout = { width: number; labelWidth: number; valueWidth: number; rtl: boolean };

/** Where a bar of `value` starts and how wide it is, with the label column on the start side. */
export function barBox(value: number, max: number, { width, labelWidth, valueWidth, rtl }: Layout) {
  const area = width - labelWidth - valueWidth;
  const length = max > 0 ? (Math.max(0, Math.min(value, max)) / max) * area : 0;
  return rtl ? { x: width - labelWidth - length, width: length } : { x: labelWidth, width: length };
}

/** The x of a point `fraction` along the bar area (for grid lines). */
export function axisX(fraction: number, { width, labelWidth, valueWidth, rtl }: Layout): number {
  const area = width - labelWidth - valueWidth;
  return rtl ? width - labelWidth - fraction * area : labelWidth + fraction * area;
}

/** Labels sit beside the bars on the start side; values just past the bar's end. */
export function labelAnchor({ width, labelWidth, rtl }: Layout) {
  return rtl ? { x: width - labelWidth + 8, anchor: "start" as const } : { x: labelWidth - 8, anchor: "end" as const };
}

export function valueAnchor(bar: { x: number; width: number }, { rtl }: Layout) {
  return rtl ? { x: bar.x - 6, anchor: "end" as const } : { x: bar.x + bar.width + 6, anchor: "start" as const };
}

/** A label cut to fit its column (the full text stays in the bar's <title>). */
export function shorten(label: string, max = 30): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}
