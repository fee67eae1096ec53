// Geometry of the DSI charts, computed here and drawn as server-rendered SVG by
// app/components/dsi (see docs/decisions/006-server-rendered-svg-charts.md).
// Pure and browser-safe. Right-to-left pages mirror the charts: the radar's
// axes run counter-clockwise and time runs from right to left.
import { DSI_DIMENSIONS, DSI_SCORE_MAX } from "./constants";
import type { DimensionScores, DsiDimensionKey } from "./scoring";

export type Direction = "ltr" | "rtl";
/** SVG text-anchor; "start" and "end" follow the text direction, as in SVG itself. */
export type Anchor = "start" | "middle" | "end";

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The text-anchor that puts a label on the given visual side of its point:
 * "right" = the text extends to the right of x. SVG's start/end follow the
 * direction, so a right-to-left page swaps them.
 */
export function anchorFor(side: "left" | "middle" | "right", dir: Direction): Anchor {
  if (side === "middle") return "middle";
  const extendsRight = side === "right";
  return extendsRight === (dir === "ltr") ? "start" : "end";
}

export const RADAR = { width: 520, height: 400, radius: 130, rings: [25, 50, 75, 100] } as const;

export type RadarGeometry = {
  width: number;
  height: number;
  center: { x: number; y: number };
  rings: { value: number; points: string }[];
  axes: { dimension: DsiDimensionKey; x: number; y: number; label: { x: number; y: number; anchor: Anchor; baseline: "auto" | "middle" | "hanging" } }[];
  series: { points: string; dots: { dimension: DsiDimensionKey; x: number; y: number; value: number }[] }[];
};

/** Unit vector of axis i: the first points up, the next ones clockwise (ltr) or counter-clockwise (rtl). */
function axisVector(i: number, count: number, dir: Direction) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
  const x = Math.cos(angle);
  return { x: dir === "rtl" ? -x : x, y: Math.sin(angle) };
}

export function radarGeometry({ series, dir }: { series: DimensionScores[]; dir: Direction }): RadarGeometry {
  const { width, height, radius } = RADAR;
  const cx = width / 2;
  const cy = height / 2;
  const count = DSI_DIMENSIONS.length;
  const at = (i: number, value: number) => {
    const v = axisVector(i, count, dir);
    const r = (radius * value) / DSI_SCORE_MAX;
    return { x: round(cx + v.x * r), y: round(cy + v.y * r) };
  };
  const polygon = (value: (i: number) => number) =>
    DSI_DIMENSIONS.map((_, i) => at(i, value(i)))
      .map((p) => `${p.x},${p.y}`)
      .join(" ");
  return {
    width,
    height,
    center: { x: cx, y: cy },
    rings: RADAR.rings.map((value) => ({ value, points: polygon(() => value) })),
    axes: DSI_DIMENSIONS.map((dimension, i) => {
      const end = at(i, DSI_SCORE_MAX);
      const v = axisVector(i, count, dir);
      const gap = 12;
      const side = Math.abs(v.x) < 0.01 ? "middle" : v.x > 0 ? "right" : "left";
      return {
        dimension,
        x: end.x,
        y: end.y,
        label: {
          x: round(end.x + v.x * gap),
          y: round(end.y + v.y * gap),
          anchor: anchorFor(side, dir),
          baseline: v.y < -0.01 ? "auto" : v.y > 0.01 ? "hanging" : "middle",
        },
      };
    }),
    series: series.map((scores) => {
      const dots = DSI_DIMENSIONS.map((dimension, i) => ({ dimension, ...at(i, scores[dimension]), value: scores[dimension] }));
      return { points: dots.map((d) => `${d.x},${d.y}`).join(" "), dots };
    }),
  };
}

/** Splits a label into at most two lines at the space nearest its middle, so long axis names fit. */
export function wrapLabel(label: string, maxChars = 14): string[] {
  if (label.length <= maxChars || !label.includes(" ")) return [label];
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(" "); i !== -1; i = label.indexOf(" ", i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return [label.slice(0, best), label.slice(best + 1)];
}

export const TREND = { width: 560, height: 300, padding: { top: 16, bottom: 36, side: 44 }, gridlines: [0, 25, 50, 75, 100] } as const;

export type TrendGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  gridlines: { value: number; y: number; label: { x: number; anchor: Anchor } }[];
  years: { year: number; x: number }[];
  lines: { dimension: DsiDimensionKey; points: string; dots: { year: number; x: number; y: number; value: number }[] }[];
};

/** Scores over years, one line per dimension. Years without an assessment are skipped, not drawn as zero. */
export function trendGeometry({ points, dir }: { points: { year: number; scores: DimensionScores }[]; dir: Direction }): TrendGeometry {
  const { width, height, padding } = TREND;
  const left = padding.side;
  const right = width - padding.side;
  const top = padding.top;
  const bottom = height - padding.bottom;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted[0]?.year ?? 0;
  const last = sorted.at(-1)?.year ?? 0;
  const span = Math.max(1, last - first);
  // One year alone sits in the middle; otherwise the first year at the start edge (left in ltr, right in rtl).
  const xOf = (year: number) => {
    const share = sorted.length === 1 ? 0.5 : (year - first) / span;
    return round(dir === "rtl" ? right - share * (right - left) : left + share * (right - left));
  };
  const yOf = (value: number) => round(bottom - (value / DSI_SCORE_MAX) * (bottom - top));
  // The value labels sit outside the plot at the start edge.
  const labelX = dir === "rtl" ? right + 8 : left - 8;
  return {
    width,
    height,
    plot: { left, right, top, bottom },
    gridlines: TREND.gridlines.map((value) => ({ value, y: yOf(value), label: { x: labelX, anchor: anchorFor(dir === "rtl" ? "right" : "left", dir) } })),
    years: sorted.map((p) => ({ year: p.year, x: xOf(p.year) })),
    lines: DSI_DIMENSIONS.map((dimension) => {
      const dots = sorted.map((p) => ({ year: p.year, x: xOf(p.year), y: yOf(p.scores[dimension]), value: p.scores[dimension] }));
      return { dimension, points: dots.map((d) => `${d.x},${d.y}`).join(" "), dots };
    }),
  };
}
