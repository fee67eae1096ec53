// Constants of the account domain that pages show (no zod here: pages stay light).
export const ROLES = ["HEAD", "ALTERNATE", "DELEGATE", "EXPERT", "OBSERVER", "SECRETARIAT"] as const;
