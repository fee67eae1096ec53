// The sitemap (sitemaps.org 0.9) of Concord's public pages: an index at
// /sitemap.xml pointing to one sitemap per section (the big sections in parts
// of SITEMAP_PART_SIZE objects), each page listed in all ten languages with its
// hreflang alternates. Only what anyone may read is listed.
import { create } from "xmlbuilder2";
import { prisma } from "~/utils/db.server";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { visibleStrategies } from "~/modules/strategy/permissions";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
/** Objects per sitemap file: × 10 languages keeps each file far below the protocol's 50,000 URLs and 50 MB. */
export const SITEMAP_PART_SIZE = 500;

/** Pages that exist once, whatever the content. */
const STATIC_PAGES = ["", "/positions", "/strategies", "/strategies/dsi", "/members", "/models", "/evaluations", "/datasets", "/api"];

type Entry = { path: string; lastmod?: Date | null };

const SECTIONS = {
  members: {
    count: () => prisma.delegation.count(),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (await prisma.delegation.findMany({ orderBy: { code: "asc" }, skip, take, select: { code: true, updatedAt: true } })).map((d) => ({
        path: `/members/${d.code.toLowerCase()}`,
        lastmod: d.updatedAt,
      })),
  },
  positions: {
    count: () => prisma.proposal.count({ where: { status: "ADOPTED" } }),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (await prisma.proposal.findMany({ where: { status: "ADOPTED" }, orderBy: { id: "asc" }, skip, take, select: { slug: true, lastActivityAt: true } })).map((p) => ({
        path: `/positions/${p.slug}`,
        lastmod: p.lastActivityAt,
      })),
  },
  strategies: {
    count: () => prisma.strategy.count({ where: visibleStrategies(null) }),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (await prisma.strategy.findMany({ where: visibleStrategies(null), orderBy: { id: "asc" }, skip, take, select: { slug: true, publishedAt: true } })).map((s) => ({
        path: `/strategies/${s.slug}`,
        lastmod: s.publishedAt,
      })),
  },
  dsi: {
    count: () => prisma.dsiAssessment.count({ where: { status: "PUBLISHED" } }),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (
        await prisma.dsiAssessment.findMany({
          where: { status: "PUBLISHED" },
          orderBy: { id: "asc" },
          skip,
          take,
          select: { year: true, publishedAt: true, delegation: { select: { code: true } } },
        })
      ).map((a) => ({ path: `/strategies/dsi/${a.delegation.code.toLowerCase()}/${a.year}`, lastmod: a.publishedAt })),
  },
  datasets: {
    count: () => prisma.dataset.count(),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (await prisma.dataset.findMany({ orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } })).map((d) => ({
        path: `/datasets/${d.slug}`,
        lastmod: d.updatedAt,
      })),
  },
  models: {
    count: () => prisma.aiModel.count(),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (await prisma.aiModel.findMany({ orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } })).map((m) => ({
        path: `/models/${m.slug}`,
        lastmod: m.updatedAt,
      })),
  },
  leaderboards: {
    // Boards that rank public results: what anyone sees there.
    count: () => prisma.leaderboardSummary.count({ where: { audience: "PUBLIC", modelCount: { gt: 0 } } }),
    entries: async (skip: number, take: number): Promise<Entry[]> =>
      (
        await prisma.leaderboardSummary.findMany({
          where: { audience: "PUBLIC", modelCount: { gt: 0 } },
          orderBy: { leaderboardId: "asc" },
          skip,
          take,
          select: { leaderboardId: true },
        })
      ).map((b) => ({ path: `/evaluations/leaderboards/${b.leaderboardId}` })),
  },
} satisfies Record<string, { count: () => Promise<number>; entries: (skip: number, take: number) => Promise<Entry[]> }>;

type Section = keyof typeof SECTIONS;
const isSection = (name: string): name is Section => Object.hasOwn(SECTIONS, name);

/** The sitemap index: the static pages, then each section in parts. */
export async function sitemapIndex(origin: string): Promise<string> {
  const counts = await Promise.all(Object.entries(SECTIONS).map(async ([name, s]) => [name, await s.count()] as const));
  const index = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "sitemapindex");
  const names = ["pages", ...counts.flatMap(([name, count]) => Array.from({ length: Math.ceil(count / SITEMAP_PART_SIZE) }, (_, i) => `${name}-${i + 1}`))];
  for (const name of names) index.ele(SITEMAP_NS, "sitemap").ele(SITEMAP_NS, "loc").txt(`${origin}/sitemaps/${name}.xml`);
  return index.end({ prettyPrint: true });
}

/** One sitemap (`pages`, or `<section>-<part>`); null when there is no such part. */
export async function sitemapPart(origin: string, name: string): Promise<string | null> {
  let entries: Entry[];
  if (name === "pages") {
    entries = STATIC_PAGES.map((path) => ({ path }));
  } else {
    const match = /^([a-z]+)-([1-9][0-9]{0,5})$/.exec(name);
    if (!match || !isSection(match[1]!)) return null;
    entries = await SECTIONS[match[1]].entries((Number(match[2]) - 1) * SITEMAP_PART_SIZE, SITEMAP_PART_SIZE);
    if (entries.length === 0) return null;
  }
  const urlset = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "urlset").att("http://www.w3.org/2000/xmlns/", "xmlns:xhtml", XHTML_NS);
  for (const entry of entries) {
    for (const lang of LANGUAGE_CODES) {
      const url = urlset.ele(SITEMAP_NS, "url");
      url.ele(SITEMAP_NS, "loc").txt(`${origin}/${lang}${entry.path}`);
      if (entry.lastmod) url.ele(SITEMAP_NS, "lastmod").txt(entry.lastmod.toISOString());
      for (const alternate of LANGUAGE_CODES) {
        url.ele(XHTML_NS, "xhtml:link", { rel: "alternate", hreflang: alternate, href: `${origin}/${alternate}${entry.path}` });
      }
      url.ele(XHTML_NS, "xhtml:link", { rel: "alternate", hreflang: "x-default", href: entry.path === "" ? `${origin}/` : `${origin}/en${entry.path}` });
    }
  }
  return urlset.end({ prettyPrint: true });
}
