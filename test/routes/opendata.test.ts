// Feeds, sitemap, CSV exports and the embedded Croissant, on the demo
// content, called as the HTTP server calls them: what a feed reader, a
// crawler or a spreadsheet gets.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { demoEmail, seedDemoIfEmpty } from "../../prisma/seed";
import { get, loadContext, respond, sessionCookieFor } from "../http";
import * as positionsFeed from "~/routes/$lang.positions.feed[.atom]";
import * as strategiesFeed from "~/routes/$lang.strategies.feed[.atom]";
import * as evaluationsFeed from "~/routes/$lang.evaluations.feed[.atom]";
import * as leaderboardCsvRoute from "~/routes/$lang.evaluations.leaderboards.$id_.results[.csv]";
import { getLeaderboard } from "~/modules/evaluation/leaderboard.server";
import * as sitemap from "~/routes/sitemap[.xml]";
import * as sitemapPart from "~/routes/sitemaps.$name";
import * as robots from "~/routes/robots[.txt]";
import * as positionRecord from "~/routes/$lang.positions.$slug_.record[.csv]";
import * as proposalRecord from "~/routes/$lang.proposals.$slug.record[.csv]";
import * as dsiCsv from "~/routes/$lang.strategies.dsi.scores[.csv]";
import * as datasetsCsv from "~/routes/$lang.datasets[.csv]";
import * as datasetPage from "~/routes/$lang.datasets.$slug._index";
import * as positionAkn from "~/routes/$lang.positions.$slug_.akn";
import * as proposalAkn from "~/routes/$lang.proposals.$slug.akn";
import * as reference from "~/routes/$lang.api";
import { DATASET_COLUMNS, DSI_SCORE_COLUMNS, VOTE_RECORD_COLUMNS } from "~/modules/opendata/csv-exports.server";
import { ENDPOINTS } from "~/modules/api/contract/endpoints";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend } from "~/modules/storage/storage.server";
import { getVoteRecord } from "~/modules/vote/record.server";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { prisma } from "~/utils/db.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-opendata-"));
  setStorageBackend(createLocalStorage(root));
  await seedDemoIfEmpty();
}, 180_000);
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: loadContext() });
type Node = Record<string, unknown>;
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
// Text content, also when it carries attributes ("#") or came as CDATA ("$").
const textOf = (value: unknown): string => (typeof value === "string" ? value : String((value as Node)?.["#"] ?? (value as Node)?.["$"] ?? ""));
const xml = async (res: Response) => create(await res.text()).end({ format: "object" }) as Node;

describe("Atom feeds", () => {
  for (const [name, route] of [
    ["positions", positionsFeed],
    ["strategies", strategiesFeed],
    ["evaluations", evaluationsFeed],
  ] as const) {
    it(`${name}: well-formed Atom with the elements RFC 4287 requires, in English and Arabic`, async () => {
      for (const lang of ["en", "ar"]) {
        const res = await respond(() => route.loader(args(get(`/${lang}/${name}/feed.atom`), { lang })));
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
        const etag = res.headers.get("ETag")!;
        const { feed } = (await xml(res)) as { feed: Node };
        expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
        expect(textOf(feed.id)).toBe(`http://localhost:3000/${lang}/${name}/feed.atom`);
        expect(textOf(feed.title)).not.toBe("");
        expect(Date.parse(textOf(feed.updated))).not.toBeNaN();
        const links = asList(feed.link as Node | Node[]);
        expect(links.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`http://localhost:3000/${lang}/${name}/feed.atom`);
        expect(links.find((l) => l["@rel"] === "alternate")?.["@href"]).toBe(`http://localhost:3000/${lang}/${name}`);
        const entries = asList(feed.entry as Node | Node[]);
        expect(entries.length).toBeGreaterThan(0);
        for (const entry of entries) {
          expect(textOf(entry.id)).toMatch(new RegExp(`^http://localhost:3000/${name}/`));
          expect(textOf(entry.title)).not.toBe("");
          expect(Date.parse(textOf(entry.updated))).not.toBeNaN();
          expect(asList(entry.link as Node | Node[])[0]!["@href"]).toMatch(new RegExp(`^http://localhost:3000/${lang}/${name}/`));
          // Every entry has an author (the feed has one too): RFC 4287 4.1.1 is met either way.
          expect(textOf((asList(entry.author as Node | Node[])[0] as Node).name)).not.toBe("");
        }
        const again = await respond(() => route.loader(args(new Request(`http://localhost:3000/${lang}/${name}/feed.atom`, { headers: { "If-None-Match": etag } }), { lang })));
        expect(again.status).toBe(304);
      }
    });
  }

  it("lists only public, published strategies", async () => {
    const res = await respond(() => strategiesFeed.loader(args(get("/en/strategies/feed.atom"), { lang: "en" })));
    const { feed } = (await xml(res)) as { feed: Node };
    const slugs = asList(feed.entry as Node[]).map((e) => textOf(e.id).split("/").at(-1));
    const visible = await prisma.strategy.findMany({ where: { slug: { in: slugs as string[] } }, select: { visibility: true, publishedVersion: true } });
    expect(visible.length).toBe(slugs.length);
    expect(visible.every((s) => s.visibility === "PUBLIC" && s.publishedVersion !== null)).toBe(true);
  });

  it("lists only public evaluation runs", async () => {
    const res = await respond(() => evaluationsFeed.loader(args(get("/hi/evaluations/feed.atom"), { lang: "hi" })));
    const { feed } = (await xml(res)) as { feed: Node };
    const ids = asList(feed.entry as Node[]).map((e) => textOf(e.id).split("/").at(-1)!);
    const runs = await prisma.evaluationRun.findMany({ where: { id: { in: ids } }, select: { visibility: true } });
    expect(runs.length).toBe(ids.length);
    expect(runs.every((r) => r.visibility === "PUBLIC")).toBe(true);
    expect(await prisma.evaluationRun.count({ where: { visibility: "MEMBERS" } })).toBeGreaterThan(0);
  });

  it("refuses a language Concord does not have", async () => {
    expect((await respond(() => positionsFeed.loader(args(get("/xx/positions/feed.atom"), { lang: "xx" })))).status).toBe(404);
  });
});

describe("sitemap and robots.txt", () => {
  it("indexes every public page in all ten languages with hreflang alternates", async () => {
    const index = (await xml(await respond(() => sitemap.loader(args(get("/sitemap.xml")))))) as { sitemapindex: Node };
    const parts = asList(index.sitemapindex.sitemap as Node[]).map((s) => textOf(s.loc));
    expect(parts[0]).toBe("http://localhost:3000/sitemaps/pages.xml");
    expect(parts).toContain("http://localhost:3000/sitemaps/positions-1.xml");
    expect(parts).toContain("http://localhost:3000/sitemaps/leaderboards-1.xml");
    const adopted = await prisma.proposal.findMany({ where: { status: "ADOPTED" }, select: { slug: true } });
    const positions = (await xml(await respond(() => sitemapPart.loader(args(get("/sitemaps/positions-1.xml"), { name: "positions-1.xml" }))))) as { urlset: Node };
    const urls = asList(positions.urlset.url as Node[]);
    expect(urls).toHaveLength(adopted.length * LANGUAGE_CODES.length);
    for (const url of urls) {
      const alternates = asList(url["xhtml:link"] as Node[]);
      expect(alternates.map((a) => a["@hreflang"])).toEqual([...LANGUAGE_CODES, "x-default"]);
      expect(alternates.map((a) => a["@href"])).toContain(textOf(url.loc));
    }
    expect(new Set(urls.map((u) => textOf(u.loc).split("/").at(-1)))).toEqual(new Set(adopted.map((p) => p.slug)));
    const strategies = (await xml(await respond(() => sitemapPart.loader(args(get("/sitemaps/strategies-1.xml"), { name: "strategies-1.xml" }))))) as { urlset: Node };
    const listed = new Set(asList(strategies.urlset.url as Node[]).map((u) => textOf(u.loc).split("/").at(-1)));
    const hidden = await prisma.strategy.findMany({ where: { OR: [{ visibility: "MEMBERS" }, { publishedVersion: null }] }, select: { slug: true } });
    for (const s of hidden) expect(listed.has(s.slug)).toBe(false);
    expect((await respond(() => sitemapPart.loader(args(get("/sitemaps/positions-99.xml"), { name: "positions-99.xml" })))).status).toBe(404);
    expect((await respond(() => sitemapPart.loader(args(get("/sitemaps/users-1.xml"), { name: "users-1.xml" })))).status).toBe(404);
  });

  it("points crawlers to the sitemap and away from accounts", async () => {
    const text = await (await respond(async () => robots.loader(args(get("/robots.txt"))))).text();
    expect(text).toContain("Sitemap: http://localhost:3000/sitemap.xml");
    expect(text).toContain("Disallow: /*/account");
  });
});

describe("CSV exports", () => {
  const rows = async (res: Response) => {
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a byte-order mark (which res.text() would strip unseen).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toMatch(/\r\n$/);
    return parseCsv(text, { bom: true }) as string[][];
  };

  it("gives a position's vote record that reads back as the record", async () => {
    const vote = await prisma.vote.findFirstOrThrow({
      where: { outcome: "ADOPTED", ballots: { some: { reservations: { not: [] } } } },
      select: { id: true, proposal: { select: { slug: true } } },
    });
    const res = await respond(() => positionRecord.loader(args(get(`/fr/positions/${vote.proposal.slug}/record.csv`), { lang: "fr", slug: vote.proposal.slug })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w.-]+-vote-record\.csv"$/);
    const [header, ...body] = await rows(res);
    expect(header).toEqual([...VOTE_RECORD_COLUMNS]);
    const record = (await getVoteRecord(vote.id)).sort((a, b) => a.delegationCode.localeCompare(b.delegationCode));
    expect(body.map((r) => r[0])).toEqual(record.map((r) => r.delegationCode));
    body.forEach((row, i) => {
      const r = record[i]!;
      expect(row[2]).toBe(r.choice ?? "");
      expect(row[3]).toBe(r.explanation ?? "");
      expect(row[4]).toBe(r.reservations.map((x) => `${x.sectionKey}: ${x.text}`).join("\n"));
      expect(row[5]).toBe(r.receipt ?? "");
      expect(row[6]).toBe(r.castAt?.toISOString() ?? "");
    });
    expect(body.find((r) => r[0] === "BR")![1]).toBe("Brésil");
  });

  it("keeps records of votes that did not adopt to members", async () => {
    const rejected = await prisma.vote.findFirstOrThrow({ where: { status: "CLOSED", outcome: { not: "ADOPTED" } }, select: { proposal: { select: { slug: true } } } });
    const slug = rejected.proposal.slug;
    expect((await respond(() => positionRecord.loader(args(get(`/en/positions/${slug}/record.csv`), { lang: "en", slug })))).status).toBe(404);
    const anonymous = await respond(() => proposalRecord.loader(args(get(`/en/proposals/${slug}/record.csv`), { lang: "en", slug })));
    expect(anonymous.status).toBe(302);
    const member = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("DELEGATE", "IN") } });
    const cookie = await sessionCookieFor(member.id);
    const res = await respond(() => proposalRecord.loader(args(get(`/en/proposals/${slug}/record.csv`, cookie), { lang: "en", slug })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("gives the published DSI scores, all years or one", async () => {
    const published = await prisma.dsiAssessment.findMany({ where: { status: "PUBLISHED" }, select: { year: true, delegation: { select: { code: true } }, scores: true } });
    expect(published.length).toBeGreaterThan(0);
    const [header, ...body] = await rows(await respond(() => dsiCsv.loader(args(get("/zh/strategies/dsi/scores.csv"), { lang: "zh" }))));
    expect(header).toEqual([...DSI_SCORE_COLUMNS]);
    expect(body).toHaveLength(published.length);
    for (const a of published) {
      const row = body.find((r) => r[0] === String(a.year) && r[1] === a.delegation.code)!;
      for (const s of a.scores) expect(row[header.indexOf(s.dimension)]).toBe(String(s.score));
    }
    const year = published[0]!.year;
    const [, ...ofYear] = await rows(await respond(() => dsiCsv.loader(args(get(`/zh/strategies/dsi/scores.csv?year=${year}`), { lang: "zh" }))));
    expect(ofYear.every((r) => r[0] === String(year))).toBe(true);
  });

  it("gives a leaderboard's ranking as the page ranks it", async () => {
    const board = await prisma.leaderboardSummary.findFirstOrThrow({
      where: { audience: "PUBLIC", modelCount: { gt: 1 } },
      orderBy: { modelCount: "desc" },
      select: { leaderboardId: true },
    });
    const id = board.leaderboardId;
    const res = await respond(() => leaderboardCsvRoute.loader(args(get(`/en/evaluations/leaderboards/${id}/results.csv`), { lang: "en", id })));
    expect(res.status).toBe(200);
    const [header, ...body] = await rows(res);
    expect(header![0]).toBe("position");
    const page = await getLeaderboard({ viewer: null, leaderboardId: id, page: 1 });
    expect(body).toHaveLength(page.total);
    body.slice(0, page.rows.length).forEach((row, i) => {
      const r = page.rows[i]!;
      expect([row[0], row[1], row[2], row[3], row[7], row[17]]).toEqual([String(r.position), String(r.rankLow), String(r.rankHigh), r.modelSlug, String(r.score), r.runId]);
    });
    expect((await respond(() => leaderboardCsvRoute.loader(args(get("/en/evaluations/leaderboards/x/results.csv"), { lang: "en", id: "x" })))).status).toBe(404);
  });

  it("gives the dataset catalogue with the list's filters", async () => {
    const [header, ...all] = await rows(await respond(() => datasetsCsv.loader(args(get("/en/datasets.csv"), { lang: "en" }))));
    expect(header).toEqual([...DATASET_COLUMNS]);
    expect(all).toHaveLength(await prisma.dataset.count());
    const [, ...open] = await rows(await respond(() => datasetsCsv.loader(args(get("/en/datasets.csv?access=OPEN"), { lang: "en" }))));
    expect(open.length).toBe(await prisma.dataset.count({ where: { access: "OPEN" } }));
    expect(open.every((r) => r[header.indexOf("access")] === "OPEN")).toBe(true);
    const first = await prisma.dataset.findFirstOrThrow({ where: { slug: all[0]![0] }, select: { sizeBytes: true, languages: true } });
    expect(all[0]![header.indexOf("languages")]).toBe(first.languages.join(" "));
    expect(all[0]![header.indexOf("size_bytes")]).toBe(first.sizeBytes?.toString() ?? "");
  });
});

describe("Croissant in the dataset page and Akoma Ntoso routes", () => {
  it("gives the dataset page its Croissant description, with record sets for tabular files", async () => {
    const dataset = await prisma.dataset.findFirstOrThrow({ where: { files: { some: { contentType: "text/csv" } } }, select: { slug: true } });
    const data = await (await respond(() => datasetPage.loader(args(get(`/en/datasets/${dataset.slug}`), { lang: "en", slug: dataset.slug })))).json();
    expect(data.croissant).toMatchObject({ "@type": "sc:Dataset", conformsTo: "http://mlcommons.org/croissant/1.0" });
    expect(data.croissant.recordSet.length).toBeGreaterThan(0);
    expect(data.croissant.recordSet[0].field.length).toBeGreaterThan(0);
  });

  it("serves a position's AKN in the language asked, naming the others, and a proposal version's to members only", async () => {
    const position = await prisma.proposal.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { slug: true } });
    const res = await respond(() => positionAkn.loader(args(get(`/ar/positions/${position.slug}/akn?text=zz`), { lang: "ar", slug: position.slug })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/akn+xml; charset=utf-8");
    expect(res.headers.get("Link")).toMatch(/rel="alternate"; hreflang="[a-z]{2}"/);
    expect(await res.text()).toContain("<akomaNtoso");
    const draft = await prisma.proposal.findFirstOrThrow({ where: { status: "DRAFT" }, select: { slug: true } });
    expect((await respond(() => positionAkn.loader(args(get(`/en/positions/${draft.slug}/akn`), { lang: "en", slug: draft.slug })))).status).toBe(404);
    expect((await respond(() => proposalAkn.loader(args(get(`/en/proposals/${draft.slug}/akn`), { lang: "en", slug: draft.slug })))).status).toBe(302);
    const member = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("DELEGATE", "BR") } });
    const cookie = await sessionCookieFor(member.id);
    const version = await respond(() => proposalAkn.loader(args(get(`/en/proposals/${draft.slug}/akn?version=1`, cookie), { lang: "en", slug: draft.slug })));
    expect(version.status).toBe(200);
    expect(await version.text()).toContain('<statement name="proposal">');
  });
});

describe("the API reference page", () => {
  it("lists every endpoint in each of the ten languages", async () => {
    for (const lang of LANGUAGE_CODES) {
      const data = await (await respond(() => reference.loader(args(get(`/${lang}/api`), { lang })))).json();
      expect(data.endpoints.map((e: { id: string }) => e.id)).toEqual(ENDPOINTS.map((e) => e.id));
      expect(data.title).toMatch(/ · /);
      expect(data.schemas.find((s: { name: string }) => s.name === "Position").fields.map((f: { name: string }) => f.name)).toContain("texts");
    }
  });
});
