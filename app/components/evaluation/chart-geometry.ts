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

/** The x of `value` on the bar axis (0 to `max`), clamped to the axis, mirrored for right-to-left. */
export function axisPosition(value: number, max: number, layout: Layout): number {
  const fraction = max > 0 ? Math.max(0, Math.min(value, max)) / max : 0;
  return axisX(fraction, layout);
}

/**
 * A 95 % interval as a horizontal segment (x1 ≤ x2 in SVG coordinates),
 * clamped to the axis; null when there is none.
 */
export function intervalSegment(interval: { low: number; high: number } | null, max: number, layout: Layout): { x1: number; x2: number } | null {
  if (!interval) return null;
  const a = axisPosition(interval.low, max, layout);
  const b = axisPosition(interval.high, max, layout);
  return { x1: Math.min(a, b), x2: Math.max(a, b) };
}

/** The box a value label must clear: the bar and, when drawn, its interval. */
export function extent(bar: { x: number; width: number }, segment: { x1: number; x2: number } | null): { x: number; width: number } {
  if (!segment) return bar;
  const x = Math.min(bar.x, segment.x1);
  return { x, width: Math.max(bar.x + bar.width, segment.x2) - x };
}
