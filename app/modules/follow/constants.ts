// What can be followed (shared by pages and server; no zod here).
export const FOLLOW_TARGETS = ["PROPOSAL", "STRATEGY", "DATASET", "MODEL", "DSI_DIMENSION"] as const;
export type FollowTargetName = (typeof FOLLOW_TARGETS)[number];
/** The follows listed on the preferences page, at most. */
export const FOLLOW_LIST_MAX = 200;
