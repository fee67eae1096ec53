// Demo content: the BRICS members and partner countries as delegations, a
// secretariat account and people for several delegations. DEMO DATA ONLY:
// the password below is public (README). Never seeded in production unless
// SEED_DEMO=true.
import type { DelegationStatus, Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { DEMO_PASSWORD, demoEmail } from "./demo-accounts";
import { createDelegation, createUser } from "./factories";
import { seedDemoProposals } from "./seed-proposals";
import { seedDemoVotes } from "./seed-votes";
import { seedDemoStrategies } from "./seed-strategies";
import { seedDemoResearch } from "./seed-research";

export { DEMO_PASSWORD, demoEmail } from "./demo-accounts";

const MEMBERS = ["BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE", "ID"];
const PARTNERS = ["BY", "BO", "KZ", "CU", "MY", "TH", "UG", "UZ", "NG", "VN"];
const OBSERVERS = ["LK", "SN"];

type DemoPerson = { code: string; role: Role; name: string; locale: string };

// Fictional people; the email is <role>.<code>@demo.concord.example
const PEOPLE: DemoPerson[] = [
  { code: "BR", role: "HEAD", name: "Helena Duarte", locale: "pt" },
  { code: "BR", role: "DELEGATE", name: "Rafael Moreira", locale: "pt" },
  { code: "BR", role: "EXPERT", name: "Camila Nogueira", locale: "pt" },
  { code: "IN", role: "HEAD", name: "Ananya Iyer", locale: "hi" },
  { code: "IN", role: "DELEGATE", name: "Vikram Rao", locale: "en" },
  { code: "IN", role: "EXPERT", name: "Meera Pillai", locale: "en" },
  { code: "CN", role: "HEAD", name: "Wang Lihua", locale: "zh" },
  { code: "CN", role: "DELEGATE", name: "Chen Jie", locale: "zh" },
  { code: "CN", role: "EXPERT", name: "Liu Yang", locale: "zh" },
  { code: "ZA", role: "HEAD", name: "Thandiwe Nkosi", locale: "en" },
  { code: "ZA", role: "DELEGATE", name: "Pieter van der Merwe", locale: "en" },
  { code: "EG", role: "HEAD", name: "Nour El-Sayed", locale: "ar" },
  { code: "EG", role: "DELEGATE", name: "Karim Mansour", locale: "ar" },
  { code: "EG", role: "EXPERT", name: "Salma Farouk", locale: "ar" },
  { code: "IR", role: "DELEGATE", name: "Parisa Ahmadi", locale: "fa" },
  { code: "RU", role: "DELEGATE", name: "Olga Smirnova", locale: "ru" },
  { code: "ID", role: "DELEGATE", name: "Dewi Lestari", locale: "id" },
  { code: "ET", role: "EXPERT", name: "Abebe Tesfaye", locale: "en" },
  { code: "MY", role: "HEAD", name: "Aisyah Rahman", locale: "en" },
  { code: "MY", role: "DELEGATE", name: "Tan Wei Ming", locale: "en" },
  { code: "KZ", role: "DELEGATE", name: "Aigerim Sultanova", locale: "ru" },
  { code: "BO", role: "DELEGATE", name: "Lucía Mamani", locale: "es" },
  { code: "LK", role: "OBSERVER", name: "Nimal Perera", locale: "en" },
  { code: "SN", role: "OBSERVER", name: "Awa Diop", locale: "fr" },
];

const SEED_LOCK_KEY = 727_002;

/** Seeds the demo content when the database holds no delegation yet; safe to call on every start. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  return prisma
    .$transaction(async (tx) => {
      // Two servers starting at once: one seeds, the other waits and sees data.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.delegation.count()) > 0 || (await tx.user.count()) > 0) return false;
      return true;
    })
    .then(async (empty) => {
      if (!empty) return false;
      await seedDemo();
      logger.info("demo content seeded (demo accounts use the password in README)");
      return true;
    });
}

export async function seedDemo() {
  const groups: [DelegationStatus, string[]][] = [
    ["MEMBER", MEMBERS],
    ["PARTNER", PARTNERS],
    ["OBSERVER", OBSERVERS],
  ];
  const ids = new Map<string, string>();
  for (const [status, codes] of groups) {
    for (const code of codes) ids.set(code, (await createDelegation({ code, status })).id);
  }
  await createUser({
    role: "SECRETARIAT",
    email: demoEmail("SECRETARIAT", null),
    name: "Amara Okafor (Secretariat)",
    password: DEMO_PASSWORD,
  });
  for (const p of PEOPLE) {
    await createUser({
      role: p.role,
      delegationId: ids.get(p.code)!,
      email: demoEmail(p.role, p.code),
      name: p.name,
      locale: p.locale,
      password: DEMO_PASSWORD,
    });
  }
  await seedDemoProposals();
  await seedDemoVotes();
  await seedDemoStrategies();
  await seedDemoResearch();
}
