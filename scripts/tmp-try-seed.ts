// TEMPORARY: try prisma/seed-proposals.ts on a throw-away cluster. Delete after use.
import { startEmbeddedPostgres } from "~/utils/embedded-postgres.server";
import { applyMigrations } from "~/utils/migrate.server";

const cluster = await startEmbeddedPostgres({ dataDir: `/tmp/concord-try-seed-${process.pid}`, persistent: false });
const connectionString = cluster.url("concord");
process.env.DATABASE_URL = connectionString;
const { closeDatabase, prisma } = await import("~/utils/db.server");
try {
  await applyMigrations({ connectionString });
  const { seedDemo } = await import("../prisma/seed");
  const { seedDemoProposals } = await import("../prisma/seed-proposals");
  let t = Date.now();
  await seedDemo();
  console.log(`seedDemo: ${Date.now() - t} ms`);
  t = Date.now();
  await seedDemoProposals();
  console.log(`seedDemoProposals: ${Date.now() - t} ms`);
  console.log({
    proposals: await prisma.proposal.count(),
    versions: await prisma.proposalVersion.count(),
    texts: await prisma.proposalText.count(),
    sections: await prisma.proposalSection.count(),
    comments: await prisma.comment.count(),
    hiddenComments: await prisma.comment.count({ where: { hiddenAt: { not: null } } }),
    amendments: await prisma.amendment.count(),
    brackets: await prisma.bracket.count(),
    sponsors: await prisma.proposalSponsor.count(),
    coDrafters: await prisma.proposalCoDrafter.count(),
    auditEvents: await prisma.auditEvent.count(),
  });
  const { verifyAuditChain } = await import("~/modules/audit/audit.server");
  console.log("audit chain:", await verifyAuditChain());
  const proposals = await prisma.proposal.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      slug: true, status: true, currentVersion: true, originalLanguage: true, topics: true, consultationEndsAt: true,
      leadDelegation: { select: { code: true } },
      coDrafters: { select: { delegation: { select: { code: true } } } },
      versions: { orderBy: { number: "asc" }, select: { number: true, changeNote: true, creditedDelegation: { select: { code: true } }, sponsors: { select: { delegation: { select: { code: true } } } }, texts: { select: { language: true, kind: true, title: true, sections: { select: { body: true, heading: true } } } } } },
      amendments: { select: { status: true, baseVersion: true, resultingVersion: true, delegation: { select: { code: true } } } },
      brackets: { select: { status: true, openedInVersion: true, holderDelegation: { select: { code: true } } } },
      comments: { select: { depth: true, stance: true, hiddenAt: true, delegation: { select: { code: true } }, versionNumber: true } },
    },
  });
  const words = (lang: string, body: string) =>
    lang === "zh" ? Math.round(body.replace(/[\s*#\d.、，。；：（）]/g, "").length / 1.7) : body.split(/\s+/).filter(Boolean).length;
  for (const p of proposals) {
    console.log(`\n${p.slug} [${p.status}] lead=${p.leadDelegation.code} v${p.currentVersion} ${p.originalLanguage} ${p.topics.join("+")} until=${p.consultationEndsAt?.toISOString() ?? "-"} co=${p.coDrafters.map((c) => c.delegation.code)}`);
    for (const v of p.versions) {
      console.log(`  v${v.number} credited=${v.creditedDelegation?.code ?? "-"} sponsors=${v.sponsors.map((s) => s.delegation.code)} note=${JSON.stringify(v.changeNote)}`);
      for (const t of v.texts) console.log(`    ${t.language} ${t.kind} "${t.title}" words=${t.sections.map((s) => words(t.language, s.body)).join(",")}`);
    }
    console.log("  amendments", p.amendments.map((a) => `${a.delegation.code}:${a.status}@v${a.baseVersion}${a.resultingVersion ? "->v" + a.resultingVersion : ""}`).join(" "));
    console.log("  brackets", p.brackets.map((b) => `${b.holderDelegation.code}:${b.status}@v${b.openedInVersion}`).join(" "));
    console.log("  comments", p.comments.map((c) => `${c.delegation?.code}/d${c.depth}/${c.stance ?? "-"}${c.hiddenAt ? "/HIDDEN" : ""}@v${c.versionNumber}`).join(" "));
  }
} finally {
  await closeDatabase();
  await cluster.stop();
}
