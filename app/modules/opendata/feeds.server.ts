// Atom feeds (RFC 4287) of what Concord publishes, one per language: adopted
// positions, published public strategies and public evaluation runs. Written
// by the `feed` library. Proposals are
// members-only at every stage, so there is no feed of consultations: nothing
// of them is public.
import { Feed } from "feed";
import type { DsiDimension, TextKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import type { Language } from "~/utils/i18n";
import { formatDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { listAdoptedAfter } from "~/modules/position/position.server";
import { visibleStrategies } from "~/modules/strategy/permissions";

/** Entries in one feed: the most recent ones. */
export const FEED_SIZE = 50;
export const ATOM_CONTENT_TYPE = "application/atom+xml";
export const FEED_KINDS = ["positions", "strategies", "evaluations"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

// An empty feed still needs an `updated`; a fixed one keeps its ETag stable.
const EPOCH = new Date(0);

function pick<T extends { language: string; kind: TextKind }>(texts: T[], lang: string): T | undefined {
  return texts.find((t) => t.language === lang) ?? texts.find((t) => t.kind === "ORIGINAL") ?? texts[0];
}

/** A feed's frame: id and self link are its own URL, the alternate link its page. */
export async function newFeed({ kind, lang, origin, updated }: { kind: FeedKind; lang: Language; origin: string; updated: Date | undefined }) {
  const [t, common] = await Promise.all([getFixedT(lang, "api"), getFixedT(lang, "common")]);
  const self = `${origin}/${lang}/${kind}/feed.atom`;
  return new Feed({
    id: self,
    title: t("feeds.title", { list: common(`nav.${kind}`), app: common("appName") }),
    description: t(`feeds.${kind}`),
    link: `${origin}/${lang}/${kind}`,
    language: lang,
    updated: updated ?? EPOCH,
    generator: common("appName"),
    feedLinks: { atom: self },
    author: { name: common("appName"), link: `${origin}/${lang}` },
    copyright: t("feeds.rights", { app: common("appName") }),
  });
}

/** The DSI dimensions as Atom categories; the scheme is where the API defines them. */
const categories = (topics: DsiDimension[], common: (key: string) => string, origin: string) =>
  topics.map((d) => ({ term: d, name: common(`dsi.${d}`), scheme: `${origin}/api/v1/openapi.json#/components/schemas/DsiDimension` }));

export async function positionsFeed({ lang, origin }: { lang: Language; origin: string }): Promise<string> {
  const [positions, t, votesT, common] = await Promise.all([listAdoptedAfter({ limit: FEED_SIZE }), getFixedT(lang, "api"), getFixedT(lang, "votes"), getFixedT(lang, "common")]);
  const feed = await newFeed({ kind: "positions", lang, origin, updated: positions[0]?.adoptedAt });
  for (const p of positions) {
    const title = pick(p.titles, lang);
    const lead = delegationName(p.leadCode, lang);
    feed.addItem({
      // The same entry in every language's feed: its id does not carry the language.
      id: `${origin}/positions/${p.slug}`,
      title: title?.title ?? p.slug,
      link: `${origin}/${lang}/positions/${p.slug}`,
      date: p.adoptedAt,
      published: p.adoptedAt,
      description: t("feeds.positionSummary", { date: formatDate(p.adoptedAt, lang), rule: votesT(`rule.${p.rule}`), delegation: lead }),
      author: [{ name: lead, link: `${origin}/${lang}/members/${p.leadCode.toLowerCase()}` }],
      category: categories(p.topics, common, origin),
    });
  }
  return feed.atom1();
}

export async function strategiesFeed({ lang, origin }: { lang: Language; origin: string }): Promise<string> {
  // Public and published: what anyone may read (visibleStrategies of nobody).
  const rows = await prisma.strategy.findMany({
    where: { AND: [visibleStrategies(null), { publishedAt: { not: null } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: FEED_SIZE,
    select: { id: true, slug: true, publishedVersion: true, publishedAt: true, dimensions: true, delegation: { select: { code: true } } },
  });
  const versions = rows.length
    ? await prisma.strategyVersion.findMany({
        where: { OR: rows.map((r) => ({ strategyId: r.id, number: r.publishedVersion! })) },
        select: { strategyId: true, texts: { select: { language: true, kind: true, title: true, summary: true } } },
      })
    : [];
  const common = await getFixedT(lang, "common");
  const feed = await newFeed({ kind: "strategies", lang, origin, updated: rows[0]?.publishedAt ?? undefined });
  for (const r of rows) {
    const text = pick(versions.find((v) => v.strategyId === r.id)?.texts ?? [], lang);
    const delegation = delegationName(r.delegation.code, lang);
    feed.addItem({
      id: `${origin}/strategies/${r.slug}`,
      title: text?.title ?? r.slug,
      link: `${origin}/${lang}/strategies/${r.slug}`,
      date: r.publishedAt!,
      published: r.publishedAt!,
      description: text?.summary ?? "",
      author: [{ name: delegation, link: `${origin}/${lang}/members/${r.delegation.code.toLowerCase()}` }],
      category: categories(r.dimensions, common, origin),
    });
  }
  return feed.atom1();
}

export async function evaluationsFeed({ lang, origin }: { lang: Language; origin: string }): Promise<string> {
  // Public results only: a feed has no reader to ask.
  const runs = await prisma.evaluationRun.findMany({
    where: { visibility: "PUBLIC" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: FEED_SIZE,
    select: {
      id: true,
      createdAt: true,
      evaluatedAt: true,
      resultCount: true,
      harness: true,
      harnessVersion: true,
      isDemo: true,
      model: { select: { name: true, slug: true } },
      delegation: { select: { code: true } },
    },
  });
  const [t, common] = await Promise.all([getFixedT(lang, "api"), getFixedT(lang, "common")]);
  const feed = await newFeed({ kind: "evaluations", lang, origin, updated: runs[0]?.createdAt });
  for (const run of runs) {
    const by = run.delegation ? delegationName(run.delegation.code, lang) : common("appName");
    feed.addItem({
      id: `${origin}/evaluations/runs/${run.id}`,
      title: t("feeds.evaluationSummary", { count: run.resultCount, model: run.model.name }),
      link: `${origin}/${lang}/evaluations/runs/${run.id}`,
      date: run.createdAt,
      published: run.createdAt,
      description: [[run.harness, run.harnessVersion].filter(Boolean).join(" "), run.evaluatedAt ? formatDate(run.evaluatedAt, lang) : null, run.isDemo ? t("feeds.demo") : null]
        .filter(Boolean)
        .join(" · "),
      author: [{ name: by, ...(run.delegation ? { link: `${origin}/${lang}/members/${run.delegation.code.toLowerCase()}` } : {}) }],
    });
  }
  return feed.atom1();
}
