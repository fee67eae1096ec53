// The Digital Sovereignty Index, defined in one place: its four dimensions and
// the indicators each dimension's score is built from. Labels and descriptions
// are translation keys in the `dsi` namespace (indicators.<key>.label /
// .description). No zod here: pages import this.
import type { DsiDimension } from "~/generated/prisma/enums";

export const DSI_DIMENSIONS = ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_GOVERNANCE", "DIGITAL_CAPABILITY"] as const satisfies readonly DsiDimension[];

export const DSI_ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED"] as const;

/**
 * Every indicator is scored 0–100 by the delegation (100 = the target fully met)
 * and weighs in its dimension's score by `weight`.
 */
export const DSI_INDICATORS = [
  { key: "dataProtectionLaw", dimension: "DATA_OWNERSHIP", weight: 2 },
  { key: "dataResidency", dimension: "DATA_OWNERSHIP", weight: 2 },
  { key: "publicDataStewardship", dimension: "DATA_OWNERSHIP", weight: 1 },
  { key: "computeCapacity", dimension: "DIGITAL_INFRASTRUCTURE", weight: 2 },
  { key: "connectivity", dimension: "DIGITAL_INFRASTRUCTURE", weight: 1 },
  { key: "sovereignCloud", dimension: "DIGITAL_INFRASTRUCTURE", weight: 2 },
  { key: "aiStrategy", dimension: "DIGITAL_GOVERNANCE", weight: 1 },
  { key: "oversightBody", dimension: "DIGITAL_GOVERNANCE", weight: 2 },
  { key: "normSetting", dimension: "DIGITAL_GOVERNANCE", weight: 1 },
  { key: "skills", dimension: "DIGITAL_CAPABILITY", weight: 2 },
  { key: "research", dimension: "DIGITAL_CAPABILITY", weight: 1 },
  { key: "languageTechnology", dimension: "DIGITAL_CAPABILITY", weight: 1 },
] as const satisfies readonly { key: string; dimension: DsiDimension; weight: number }[];

export type DsiIndicatorKey = (typeof DSI_INDICATORS)[number]["key"];
export const DSI_INDICATOR_KEYS = DSI_INDICATORS.map((i) => i.key) as [DsiIndicatorKey, ...DsiIndicatorKey[]];

export const DSI_SCORE_MIN = 0;
export const DSI_SCORE_MAX = 100;
/** Assessments cover years from this one to the current year. */
export const DSI_FIRST_YEAR = 2015;

export const DSI_LIMITS = {
  evidence: 40,
  evidenceLabel: 200,
  url: 2_000,
  returnNote: 1_000,
} as const;

/** The comparison shown beside a delegation's radar chart by default. */
export const DSI_MEDIAN = "median";
