// The demo strategies and DSI assessments: several delegations, three language
// versions for two of them, two versions each (so the diff shows something),
// and published assessments for most members over two years.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed";
import { prisma } from "~/utils/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { listStrategies } from "./strategy.server";

describe("demo strategies and assessments", () => {
  it("gives the pages something to show, made through the services", async () => {
    await seedDemo();
    const strategies = await prisma.strategy.findMany({
      select: { status: true, visibility: true, currentVersion: true, publishedVersion: true, languages: true, delegation: { select: { code: true } } },
    });
    const published = strategies.filter((s) => s.publishedVersion !== null);
    expect(new Set(published.map((s) => s.delegation.code)).size).toBeGreaterThanOrEqual(5);
    expect(published.every((s) => s.currentVersion >= 2)).toBe(true);
    expect(published.filter((s) => s.languages.length >= 3).length).toBeGreaterThanOrEqual(2);
    expect(new Set(strategies.map((s) => s.status))).toEqual(new Set(["IN_FORCE", "SUPERSEDED", "DRAFT"]));
    expect(new Set(published.map((s) => s.visibility))).toEqual(new Set(["PUBLIC", "MEMBERS"]));
    // Anonymous readers see the public ones only.
    const forPublic = await listStrategies({ user: null, lang: "en", page: 1, filters: {} });
    expect(forPublic.total).toBe(published.filter((s) => s.visibility === "PUBLIC").length);

    const years = new Date().getUTCFullYear();
    const assessed = await prisma.dsiAssessment.groupBy({
      by: ["year"],
      where: { status: "PUBLISHED", delegation: { status: "MEMBER" }, year: { in: [years - 2, years - 1] } },
      _count: { _all: true },
    });
    expect(assessed).toHaveLength(2);
    for (const year of assessed) expect(year._count._all).toBeGreaterThan(5); // most of the 10 members
    expect(await prisma.dsiAssessment.count({ where: { status: "SUBMITTED" } })).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  }, 120_000); // the whole demo is seeded through the services: slow on a loaded two-core machine
});
