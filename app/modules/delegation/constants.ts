// Constants of the delegation domain that pages show (no zod here: pages stay light).
export const DELEGATION_STATUSES = ["MEMBER", "PARTNER", "OBSERVER"] as const;
