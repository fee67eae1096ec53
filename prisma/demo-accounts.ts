// The demo accounts' addresses and their one public password (README). DEMO
// DATA ONLY: never seeded in production unless SEED_DEMO=true. Kept apart from
// seed.ts so that the seed's parts import it without importing each other.
import type { Role } from "~/generated/prisma/enums";

export const DEMO_PASSWORD = "concord-demo-2026";

/** `<role>.<code>@demo.concord.example`, or `<role>@…` for the secretariat. */
export function demoEmail(role: Role, code: string | null): string {
  return code ? `${role.toLowerCase()}.${code.toLowerCase()}@demo.concord.example` : `${role.toLowerCase()}@demo.concord.example`;
}
