// DSI assessments: a delegation's head fills in the indicators of a year with
// evidence and submits the self-assessment; the secretariat publishes it or
// sends it back. Scores are computed from the indicators on every save (see
// scoring.ts). Every step is audited in its transaction; a save based on an
// older revision is refused.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeDsiAssessment } from "~/modules/notification/research-events.server";
import { DSI_DIMENSIONS, DSI_FIRST_YEAR, DSI_INDICATOR_KEYS, type DsiIndicatorKey } from "./constants";
import { isOwnHead, mayEditAssessment, mayReadAssessment, mayReviewAssessment, maySubmitAssessment } from "./permissions";
import { dimensionScores, medianScores, type DimensionScores, type IndicatorValues } from "./scoring";

export type EvidenceInput = { indicator: DsiIndicatorKey; url: string; label: string };

/** The years a delegation may assess: from the index's first year to the current one. */
export function assessableYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getUTCFullYear(); y >= DSI_FIRST_YEAR; y--) years.push(y);
  return years;
}

function toScores(rows: { dimension: string; score: number }[]): DimensionScores | null {
  const scores = Object.fromEntries(rows.map((r) => [r.dimension, r.score])) as Partial<DimensionScores>;
  return DSI_DIMENSIONS.every((d) => typeof scores[d] === "number") ? (scores as DimensionScores) : null;
}

async function findDelegation(code: string) {
  const delegation = await prisma.delegation.findUnique({ where: { code: code.toUpperCase() }, select: { id: true, code: true, status: true } });
  if (!delegation) throw notFound();
  return delegation;
}

/** One delegation's assessment of a year, as the reader may see it, and what the reader may do with it. */
export async function getAssessment({ user, code, year }: { user: CurrentUser | null; code: string; year: number }) {
  const delegation = await findDelegation(code);
  const a = await prisma.dsiAssessment.findUnique({
    where: { delegationId_year: { delegationId: delegation.id, year } },
    select: {
      id: true,
      year: true,
      status: true,
      revision: true,
      returnNote: true,
      submittedAt: true,
      publishedAt: true,
      updatedAt: true,
      submittedBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
      indicators: { select: { indicator: true, value: true } },
      scores: { select: { dimension: true, score: true } },
      evidence: { orderBy: { position: "asc" }, select: { indicator: true, url: true, label: true } },
    },
  });
  if (a && !mayReadAssessment(user, { delegationId: delegation.id, status: a.status })) throw notFound();
  // No assessment yet: only its head may start one (anyone else sees "not found").
  if (!a && !isOwnHead(user, delegation.id)) throw notFound();
  const access = { delegationId: delegation.id, status: a?.status ?? null };
  return {
    delegation,
    assessment: a
      ? {
          id: a.id,
          year: a.year,
          status: a.status,
          revision: a.revision,
          returnNote: a.returnNote,
          submittedAt: a.submittedAt,
          publishedAt: a.publishedAt,
          updatedAt: a.updatedAt,
          submittedBy: a.submittedBy?.name ?? null,
          publishedBy: a.publishedBy?.name ?? null,
          indicators: Object.fromEntries(a.indicators.map((i) => [i.indicator, i.value])) as Partial<IndicatorValues>,
          scores: toScores(a.scores),
          evidence: a.evidence as EvidenceInput[],
        }
      : null,
    may: {
      edit: mayEditAssessment(user, access),
      submit: a ? maySubmitAssessment(user, { delegationId: delegation.id, status: a.status }) : false,
      review: a ? mayReviewAssessment(user, { delegationId: delegation.id, status: a.status }) : false,
    },
  };
}

/**
 * Creates or changes the self-assessment of a year while it is a draft. All
 * indicators are given; the scores are recomputed; evidence is replaced.
 */
export async function saveAssessment({
  actor,
  delegationId,
  year,
  revision,
  indicators,
  evidence,
}: {
  actor: CurrentUser;
  delegationId: string;
  year: number;
  /** The revision the form showed; absent when starting the year's assessment. */
  revision?: number;
  indicators: IndicatorValues;
  evidence: EvidenceInput[];
}) {
  if (!isOwnHead(actor, delegationId)) throw forbidden();
  if (!assessableYears().includes(year)) throw new DomainError(400, "dsi:errors.year", { first: DSI_FIRST_YEAR });
  const scores = dimensionScores(indicators);
  try {
    return await prisma.$transaction(async (tx) => {
      let id: string;
      let newRevision: number;
      if (revision === undefined) {
        // Two heads starting the same year at once: the unique (delegation, year) lets one win.
        const created = await tx.dsiAssessment.create({ data: { delegationId, year, createdById: actor.id }, select: { id: true, revision: true } });
        id = created.id;
        newRevision = created.revision;
      } else {
        const current = await tx.dsiAssessment.findUnique({ where: { delegationId_year: { delegationId, year } }, select: { id: true, status: true } });
        if (!current) throw notFound();
        if (!mayEditAssessment(actor, { delegationId, status: current.status })) throw new DomainError(409, "dsi:errors.notDraft");
        const changed = await tx.dsiAssessment.updateMany({
          where: { id: current.id, revision, status: "DRAFT" },
          data: { revision: { increment: 1 } },
        });
        if (changed.count !== 1) throw new DomainError(409, "dsi:errors.stale");
        id = current.id;
        newRevision = revision + 1;
        await tx.dsiIndicatorValue.deleteMany({ where: { assessmentId: id } });
        await tx.dsiScore.deleteMany({ where: { assessmentId: id } });
        await tx.dsiEvidence.deleteMany({ where: { assessmentId: id } });
      }
      await tx.dsiIndicatorValue.createMany({ data: DSI_INDICATOR_KEYS.map((indicator) => ({ assessmentId: id, indicator, value: indicators[indicator] })) });
      await tx.dsiScore.createMany({ data: DSI_DIMENSIONS.map((dimension) => ({ assessmentId: id, dimension, score: scores[dimension] })) });
      await tx.dsiEvidence.createMany({ data: evidence.map((e, position) => ({ assessmentId: id, position, indicator: e.indicator, url: e.url, label: e.label })) });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId,
        act: "dsi.assessmentSaved",
        objectType: "dsiAssessment",
        objectId: id,
        data: { year, revision: newRevision, scores },
      });
      return { id, revision: newRevision, scores };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError(409, "dsi:errors.stale");
    throw error;
  }
}

async function step({
  actor,
  assessmentId,
  revision,
  from,
  allowed,
  data,
  act,
  auditData = {},
}: {
  actor: CurrentUser;
  assessmentId: string;
  revision: number;
  from: "DRAFT" | "SUBMITTED";
  allowed: (a: { delegationId: string; status: string }) => boolean;
  data: Prisma.DsiAssessmentUncheckedUpdateManyInput;
  act: "dsi.assessmentSubmitted" | "dsi.assessmentPublished" | "dsi.assessmentReturned";
  auditData?: Record<string, unknown>;
}) {
  await prisma.$transaction(async (tx) => {
    const a = await tx.dsiAssessment.findUnique({ where: { id: assessmentId }, select: { delegationId: true, status: true, year: true } });
    if (!a || !mayReadAssessment(actor, a)) throw notFound();
    // The rule is checked on the stage it needs; a changed stage is a conflict, not a refusal.
    if (!allowed({ delegationId: a.delegationId, status: from })) throw forbidden();
    const changed = await tx.dsiAssessment.updateMany({
      where: { id: assessmentId, status: from, revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (changed.count !== 1) throw new DomainError(409, a.status === from ? "dsi:errors.stale" : "dsi:errors.wrongStage");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: a.delegationId,
      act,
      objectType: "dsiAssessment",
      objectId: assessmentId,
      data: { year: a.year, ...auditData },
    });
    if (act !== "dsi.assessmentSubmitted") {
      await noticeDsiAssessment(tx, { actor, assessmentId, delegationId: a.delegationId, published: act === "dsi.assessmentPublished" });
    }
  });
}

/** The head hands the year's self-assessment to the secretariat; it can no longer be changed. */
export function submitAssessment({ actor, assessmentId, revision }: { actor: CurrentUser; assessmentId: string; revision: number }) {
  return step({
    actor,
    assessmentId,
    revision,
    from: "DRAFT",
    allowed: (a) => maySubmitAssessment(actor, a),
    data: { status: "SUBMITTED", submittedAt: new Date(), submittedById: actor.id, returnNote: null },
    act: "dsi.assessmentSubmitted",
  });
}

/** The secretariat publishes a submitted assessment: it becomes public. */
export function publishAssessment({ actor, assessmentId, revision }: { actor: CurrentUser; assessmentId: string; revision: number }) {
  return step({
    actor,
    assessmentId,
    revision,
    from: "SUBMITTED",
    allowed: (a) => mayReviewAssessment(actor, a),
    data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id },
    act: "dsi.assessmentPublished",
  });
}

/** The secretariat sends a submitted assessment back to the delegation, saying why. */
export function returnAssessment({ actor, assessmentId, revision, note }: { actor: CurrentUser; assessmentId: string; revision: number; note: string }) {
  return step({
    actor,
    assessmentId,
    revision,
    from: "SUBMITTED",
    allowed: (a) => mayReviewAssessment(actor, a),
    data: { status: "DRAFT", returnNote: note, submittedAt: null, submittedById: null },
    act: "dsi.assessmentReturned",
    auditData: { note },
  });
}

// ---------------------------------------------------------------------------
// Published figures (public)

/** A delegation's published scores, oldest year first: the change over years. */
export async function publishedHistory(delegationId: string) {
  const rows = await prisma.dsiAssessment.findMany({
    where: { delegationId, status: "PUBLISHED" },
    orderBy: { year: "asc" },
    select: { year: true, scores: { select: { dimension: true, score: true } } },
  });
  return rows.flatMap((r) => {
    const scores = toScores(r.scores);
    return scores ? [{ year: r.year, scores }] : [];
  });
}

/** Published scores of a year for every delegation that has them (bounded by the number of delegations). */
export async function publishedForYear(year: number) {
  const rows = await prisma.dsiAssessment.findMany({
    where: { year, status: "PUBLISHED" },
    select: { delegation: { select: { code: true, status: true } }, scores: { select: { dimension: true, score: true } } },
  });
  return rows.flatMap((r) => {
    const scores = toScores(r.scores);
    return scores ? [{ code: r.delegation.code, delegationStatus: r.delegation.status, scores }] : [];
  });
}

/** The years with at least one published assessment, newest first. */
export async function publishedYears(): Promise<number[]> {
  const rows = await prisma.dsiAssessment.findMany({ where: { status: "PUBLISHED" }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

/**
 * What a delegation's radar is compared with: the median of the member
 * delegations' published scores of the same year, or another delegation's.
 */
export async function comparisonFor({ year, compare, excludeCode }: { year: number; compare: string; excludeCode: string }) {
  const all = await publishedForYear(year);
  const options = all.filter((r) => r.code !== excludeCode).map((r) => r.code);
  if (compare === "median") {
    const members = all.filter((r) => r.delegationStatus === "MEMBER");
    return { kind: "median" as const, code: null, scores: medianScores(members.map((m) => m.scores)), count: members.length, options };
  }
  const other = all.find((r) => r.code === compare && r.code !== excludeCode);
  return { kind: "delegation" as const, code: compare, scores: other?.scores ?? null, count: other ? 1 : 0, options };
}

/** A delegation's own assessments in every stage, for its head; the secretariat's queue of submitted ones. */
export async function listAssessmentsFor(user: CurrentUser) {
  const ownDelegationId = user.delegation && isOwnHead(user, user.delegation.id) ? user.delegation.id : null;
  const own = ownDelegationId
    ? await prisma.dsiAssessment.findMany({
        where: { delegationId: ownDelegationId },
        orderBy: { year: "desc" },
        select: { year: true, status: true, updatedAt: true, returnNote: true },
      })
    : [];
  const queue = mayReviewAssessment(user, { delegationId: "", status: "SUBMITTED" })
    ? await prisma.dsiAssessment.findMany({
        where: { status: "SUBMITTED" },
        orderBy: { submittedAt: "asc" },
        select: { year: true, submittedAt: true, delegation: { select: { code: true } } },
      })
    : [];
  return { own, queue: queue.map((q) => ({ year: q.year, submittedAt: q.submittedAt, code: q.delegation.code })) };
}
