// Delegations and their published DSI scores, as the API gives them (public).
import type { DelegationStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { delegationName } from "~/modules/delegation/names";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import type { Links } from "../links.server";
import { decodeCursor, KeyCursor, pageOf } from "../pagination";
import { PAGE_LANGUAGE } from "./shapes";

type Published = { delegationId: string; year: number; publishedAt: Date | null; scores: { dimension: string; score: number }[] };

/** A year's scores when all four dimensions have one (as the published pages require). */
function dsiYear(row: Published) {
  const scores = Object.fromEntries(row.scores.map((s) => [s.dimension, s.score]));
  if (!DSI_DIMENSIONS.every((d) => typeof scores[d] === "number") || !row.publishedAt) return null;
  return { year: row.year, publishedAt: row.publishedAt, scores: scores as Record<(typeof DSI_DIMENSIONS)[number], number> };
}

async function publishedOf(delegationIds: string[]) {
  if (delegationIds.length === 0) return [];
  return prisma.dsiAssessment.findMany({
    where: { status: "PUBLISHED", delegationId: { in: delegationIds } },
    orderBy: { year: "asc" },
    select: { delegationId: true, year: true, publishedAt: true, scores: { select: { dimension: true, score: true } } },
  });
}

function summary(d: { id: string; code: string; status: DelegationStatus }, years: NonNullable<ReturnType<typeof dsiYear>>[], links: Links) {
  const code = d.code.toLowerCase();
  return {
    code: d.code,
    name: delegationName(d.code, "en"),
    status: d.status,
    latestDsi: years.at(-1) ?? null,
    apiUrl: links.api(`/members/${code}`),
    pageUrl: links.page(PAGE_LANGUAGE, `/members/${code}`),
  };
}

export async function listMembersPage({ links, limit, cursor, status }: { links: Links; limit: number; cursor?: string; status?: DelegationStatus }) {
  const after = decodeCursor(cursor, KeyCursor);
  const rows = await prisma.delegation.findMany({
    where: { AND: [status ? { status } : {}, after ? { code: { gt: after[0] } } : {}] },
    orderBy: { code: "asc" },
    take: limit + 1,
    select: { id: true, code: true, status: true },
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.code, r.id]);
  const published = await publishedOf(items.map((d) => d.id));
  return {
    data: items.map((d) =>
      summary(
        d,
        published.filter((p) => p.delegationId === d.id).flatMap((p) => dsiYear(p) ?? []),
        links,
      ),
    ),
    nextCursor,
  };
}

export async function getMemberResource({ code, links }: { code: string; links: Links }) {
  const delegation = await prisma.delegation.findUnique({ where: { code: code.toUpperCase() }, select: { id: true, code: true, status: true } });
  if (!delegation) throw notFound();
  const years = (await publishedOf([delegation.id])).flatMap((p) => dsiYear(p) ?? []);
  return { ...summary(delegation, years, links), dsi: years, strategiesUrl: links.api(`/strategies?delegation=${delegation.code}`) };
}
