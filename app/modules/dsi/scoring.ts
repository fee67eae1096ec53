// How the Digital Sovereignty Index turns indicator values into the four
// dimension scores, and how members are summarised. Pure functions, shared by
// the services, the pages and the tests.
import { DSI_DIMENSIONS, DSI_INDICATORS, DSI_SCORE_MAX, DSI_SCORE_MIN, type DsiIndicatorKey } from "./constants";

export type DsiDimensionKey = (typeof DSI_DIMENSIONS)[number];
export type DimensionScores = Record<DsiDimensionKey, number>;
export type IndicatorValues = Record<DsiIndicatorKey, number>;

function assertScale(value: number, what: string) {
  if (!Number.isInteger(value) || value < DSI_SCORE_MIN || value > DSI_SCORE_MAX) {
    throw new RangeError(`${what} must be an integer from ${DSI_SCORE_MIN} to ${DSI_SCORE_MAX}, got ${value}`);
  }
}

/**
 * Each dimension's score is the weighted mean of its indicators, rounded to
 * the nearest integer (halves up), so it stays on the indicators' 0–100 scale.
 */
export function dimensionScores(values: IndicatorValues): DimensionScores {
  const scores = {} as DimensionScores;
  for (const dimension of DSI_DIMENSIONS) {
    let weighted = 0;
    let weights = 0;
    for (const indicator of DSI_INDICATORS) {
      if (indicator.dimension !== dimension) continue;
      const value = values[indicator.key];
      assertScale(value, indicator.key);
      weighted += value * indicator.weight;
      weights += indicator.weight;
    }
    // Integer arithmetic before the one division: no binary rounding surprises at .5.
    scores[dimension] = Math.floor((2 * weighted + weights) / (2 * weights));
  }
  return scores;
}

/** The median of a list (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of each dimension over several delegations' scores; null when there are none. */
export function medianScores(all: readonly DimensionScores[]): DimensionScores | null {
  if (all.length === 0) return null;
  const result = {} as DimensionScores;
  for (const dimension of DSI_DIMENSIONS) result[dimension] = median(all.map((s) => s[dimension]))!;
  return result;
}

/** The mean of the four dimension scores, one decimal: a single headline figure. */
export function overallScore(scores: DimensionScores): number {
  const sum = DSI_DIMENSIONS.reduce((total, d) => total + scores[d], 0);
  return Math.round((sum / DSI_DIMENSIONS.length) * 10) / 10;
}
