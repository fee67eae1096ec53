// The CSV exports linked from the pages: a vote's record, the published DSI
// scores, the dataset catalogue (and, with the evaluation domain, a
// leaderboard). Who may have each is decided here, as for its page.
import type { Prisma } from "~/generated/prisma/client";
import type { DatasetAccess, DatasetModality } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { delegationName } from "~/modules/delegation/names";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { LEADERBOARD_PAGE_SIZE } from "~/modules/evaluation/constants";
import { getLeaderboard } from "~/modules/evaluation/leaderboard.server";
import { assertMayRead } from "~/modules/proposal/proposal.server";
import { getVoteRecord } from "~/modules/vote/record.server";
import { CSV_MAX_ROWS, toCsv } from "./csv";

export const VOTE_RECORD_COLUMNS = ["delegation_code", "delegation_name", "choice", "explanation", "reservations", "receipt", "cast_at"] as const;

/**
 * The record of a proposal's closed vote: public when the text was adopted
 * (a position), else for those who may read proposals.
 */
export async function voteRecordCsv({ slug, lang, viewer, publicOnly }: { slug: string; lang: string; viewer: CurrentUser | null; publicOnly: boolean }) {
  const proposal = await prisma.proposal.findUnique({
    where: { slug },
    select: { slug: true, status: true, votes: { where: { status: "CLOSED" }, orderBy: { closedAt: "desc" }, take: 1, select: { id: true, versionNumber: true, outcome: true } } },
  });
  const vote = proposal?.votes[0];
  if (!proposal || !vote) throw notFound();
  if (publicOnly) {
    if (proposal.status !== "ADOPTED" || vote.outcome !== "ADOPTED") throw notFound();
  } else {
    assertMayRead(viewer);
  }
  const record = (await getVoteRecord(vote.id)).sort((a, b) => a.delegationCode.localeCompare(b.delegationCode));
  const csv = toCsv(
    VOTE_RECORD_COLUMNS,
    record.map((r) => [
      r.delegationCode,
      delegationName(r.delegationCode, lang),
      r.choice,
      r.explanation,
      r.reservations.map((res) => `${res.sectionKey}: ${res.text}`).join("\n"),
      r.receipt,
      r.castAt,
    ]),
  );
  return { csv, filename: `${proposal.slug}-v${vote.versionNumber}-vote-record.csv` };
}

export const DSI_SCORE_COLUMNS = ["year", "delegation_code", "delegation_name", "delegation_status", ...DSI_DIMENSIONS, "published_at"] as const;

/** Every published DSI self-assessment (or one year's), by year then delegation. Public. */
export async function dsiScoresCsv({ lang, year }: { lang: string; year?: number }) {
  const rows = await prisma.dsiAssessment.findMany({
    where: { status: "PUBLISHED", ...(year ? { year } : {}) },
    orderBy: [{ year: "desc" }, { delegation: { code: "asc" } }],
    take: CSV_MAX_ROWS,
    select: { year: true, publishedAt: true, delegation: { select: { code: true, status: true } }, scores: { select: { dimension: true, score: true } } },
  });
  const csv = toCsv(
    DSI_SCORE_COLUMNS,
    rows.map((r) => {
      const scores = Object.fromEntries(r.scores.map((s) => [s.dimension, s.score]));
      return [r.year, r.delegation.code, delegationName(r.delegation.code, lang), r.delegation.status, ...DSI_DIMENSIONS.map((d) => scores[d] ?? null), r.publishedAt];
    }),
  );
  return { csv, filename: year ? `dsi-scores-${year}.csv` : "dsi-scores.csv" };
}

export const DATASET_COLUMNS = [
  "slug",
  "name",
  "name_language",
  "steward_code",
  "steward_name",
  "languages",
  "license",
  "modality",
  "size_bytes",
  "record_count",
  "residency_country",
  "cross_border",
  "access",
  "file_count",
  "is_demo",
  "created_at",
  "updated_at",
  "page_url",
  "croissant_url",
] as const;

/** The catalogue with the list page's filters, names in the page's language where there is one. Public. */
export async function datasetCatalogueCsv({
  lang,
  origin,
  language,
  access,
  modality,
  steward,
  q,
}: {
  lang: string;
  origin: string;
  language?: string;
  access?: DatasetAccess;
  modality?: DatasetModality;
  steward?: string;
  q?: string;
}) {
  const where: Prisma.DatasetWhereInput = {
    ...(language ? { languages: { has: language } } : {}),
    ...(access ? { access } : {}),
    ...(modality ? { modality } : {}),
    ...(steward ? { steward: { code: steward } } : {}),
    ...(q ? { texts: { some: { name: { contains: q, mode: "insensitive" } } } } : {}),
  };
  const rows = await prisma.dataset.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: CSV_MAX_ROWS,
    select: {
      slug: true,
      languages: true,
      license: true,
      modality: true,
      sizeBytes: true,
      recordCount: true,
      residencyCountry: true,
      crossBorder: true,
      access: true,
      isDemo: true,
      createdAt: true,
      updatedAt: true,
      steward: { select: { code: true } },
      texts: { where: { OR: [{ language: lang }, { kind: "ORIGINAL" }] }, select: { language: true, kind: true, name: true } },
      _count: { select: { files: true } },
    },
  });
  const csv = toCsv(
    DATASET_COLUMNS,
    rows.map((d) => {
      const text = d.texts.find((t) => t.language === lang) ?? d.texts.find((t) => t.kind === "ORIGINAL");
      const page = `${origin}/${lang}/datasets/${d.slug}`;
      return [
        d.slug,
        text?.name ?? d.slug,
        text?.language ?? null,
        d.steward.code,
        delegationName(d.steward.code, lang),
        d.languages.join(" "),
        d.license,
        d.modality,
        d.sizeBytes === null ? null : d.sizeBytes.toString(),
        d.recordCount === null ? null : d.recordCount.toString(),
        d.residencyCountry,
        d.crossBorder,
        d.access,
        d._count.files,
        d.isDemo,
        d.createdAt,
        d.updatedAt,
        page,
        `${page}/croissant.json`,
      ];
    }),
  );
  return { csv, filename: "datasets.csv" };
}

export const LEADERBOARD_COLUMNS = [
  "position",
  "rank_low",
  "rank_high",
  "model_slug",
  "model_name",
  "family",
  "open_weights",
  "score",
  "stderr",
  "samples_effective",
  "samples_original",
  "language",
  "evaluated_at",
  "harness",
  "harness_version",
  "is_demo",
  "delegation_code",
  "run_id",
] as const;

/**
 * A leaderboard's ranking with the page's filters, read page by page through
 * the evaluation domain's own service (so the CSV ranks exactly as the page),
 * up to CSV_MAX_ROWS rows. What the viewer may see, as on the page.
 */
export async function leaderboardCsv({ viewer, leaderboardId, language, family }: { viewer: CurrentUser | null; leaderboardId: string; language?: string; family?: string }) {
  const rows: Awaited<ReturnType<typeof getLeaderboard>>["rows"] = [];
  let board: Awaited<ReturnType<typeof getLeaderboard>>["board"] | null = null;
  for (let page = 1; rows.length < CSV_MAX_ROWS; page++) {
    const result = await getLeaderboard({ viewer, leaderboardId, page, language, family });
    board = result.board;
    rows.push(...result.rows);
    if (result.rows.length < LEADERBOARD_PAGE_SIZE || rows.length >= result.total) break;
  }
  const csv = toCsv(
    LEADERBOARD_COLUMNS,
    rows.map((r) => [
      r.position,
      r.rankLow,
      r.rankHigh,
      r.modelSlug,
      r.modelName,
      r.family,
      r.openWeights,
      r.score,
      r.stderr,
      r.samplesEffective,
      r.samplesOriginal,
      r.language,
      r.evaluatedAt,
      r.harness,
      r.harnessVersion,
      r.isDemo,
      r.delegationCode,
      r.runId,
    ]),
  );
  const name = [
    board!.task,
    board!.metric,
    board!.filter !== "none" ? board!.filter : null,
    board!.taskVersion ? `v${board!.taskVersion}` : null,
    board!.nShot !== null ? `${board!.nShot}-shot` : null,
  ]
    .filter(Boolean)
    .join("-")
    .replace(/[^\w.-]+/g, "_");
  return { csv, filename: `leaderboard-${name}.csv` };
}
