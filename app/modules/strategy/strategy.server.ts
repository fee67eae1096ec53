// Strategies: a delegation's sovereign-AI strategy documents. Every save is a
// new immutable version (a save based on an older one is refused); a version
// has an original text and translations; the head publishes a version, which
// is what readers outside the delegation see, and may later supersede the
// strategy. Every act writes its audit event in the same transaction, and every
// read starts from `visibleStrategies(user)`.
import type { Prisma } from "~/generated/prisma/client";
import type { DsiDimension, StrategyStatus, StrategyVisibility } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { slugFor, type SectionDraft } from "~/modules/text/sections.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, FieldError, forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeStrategyPublished } from "~/modules/notification/research-events.server";
import { saveDocumentTranslation, saveDocumentVersion } from "~/modules/document/document.server";
import { chooseText } from "~/modules/document/language";
import type { ReviewedContent } from "~/modules/document/merge";
import type { TranslationKind } from "~/modules/document/types";
import { createStrategyText, noteField, strategyStore } from "./document-store.server";
import { COMPARE_PICKER_LIMIT, DSI_DIMENSIONS, STRATEGY_PAGE_SIZE, UUID_PATTERN } from "./constants";
import { mayCreate, mayEdit, mayPublish, readableVersion, visibleStrategies, type StrategyAccess } from "./permissions";

type Db = Transaction | typeof prisma;

export type { SectionDraft };
export type DimensionNotes = Partial<Record<DsiDimension, string>>;
export type TextInput = { title: string; summary: string; issuingAuthority: string; dimensionNotes: DimensionNotes; sections: SectionDraft[] };
export type Metadata = { adoptedOn?: string; dimensions: DsiDimension[]; sectors: string[] };

/** Dimensions and sectors in one canonical order, whatever order the form sent them in. */
function canonical(metadata: Metadata) {
  return {
    dimensions: DSI_DIMENSIONS.filter((d) => metadata.dimensions.includes(d)),
    sectors: [...new Set(metadata.sectors)],
    adoptedOn: metadata.adoptedOn ? new Date(`${metadata.adoptedOn}T00:00:00Z`) : null,
  };
}

const ACCESS_SELECT = {
  id: true,
  slug: true,
  delegationId: true,
  status: true,
  visibility: true,
  currentVersion: true,
  publishedVersion: true,
  originalLanguage: true,
} as const;

async function loadAccess(tx: Db, strategyId: string) {
  const s = await tx.strategy.findUnique({ where: { id: strategyId }, select: ACCESS_SELECT });
  if (!s) throw notFound();
  return s;
}

/** The kernel's fields of a strategy text (ADR 009): title, summary, issuing authority, a note per dimension. */
function fieldsOf(text: Omit<TextInput, "sections">, adoptedOn?: string): Record<string, string> {
  return {
    title: text.title,
    summary: text.summary,
    issuingAuthority: text.issuingAuthority,
    ...Object.fromEntries(Object.entries(text.dimensionNotes).flatMap(([d, note]) => (note ? [[noteField(d as DsiDimension), note]] : []))),
    ...(adoptedOn !== undefined ? { adoptedOn } : {}),
  };
}

/** Copies what the list filters on from a version: called when the listed version (published, else current) changes. */
async function syncListing(tx: Transaction, strategyId: string, number: number) {
  const version = await tx.strategyVersion.findUniqueOrThrow({
    where: { strategyId_number: { strategyId, number } },
    select: { adoptedOn: true, dimensions: true, sectors: true, texts: { select: { language: true }, orderBy: { createdAt: "asc" } } },
  });
  await tx.strategy.update({
    where: { id: strategyId },
    data: { adoptedOn: version.adoptedOn, dimensions: version.dimensions, sectors: version.sectors, languages: version.texts.map((t) => t.language) },
  });
}

export async function createStrategy({ actor, originalLanguage, ...input }: { actor: CurrentUser; originalLanguage: string } & TextInput & Metadata) {
  if (!mayCreate(actor) || !actor.delegation) throw forbidden();
  const delegationId = actor.delegation.id;
  const meta = canonical(input);
  return prisma.$transaction(async (tx) => {
    const strategy = await tx.strategy.create({
      data: {
        slug: slugFor(input.title, "strategy"),
        delegationId,
        createdById: actor.id,
        originalLanguage,
        currentVersion: 1,
        ...meta,
        languages: [originalLanguage],
      },
    });
    const version = await tx.strategyVersion.create({
      data: { strategyId: strategy.id, number: 1, authorId: actor.id, changeNote: "", ...meta },
    });
    await createStrategyText(tx, {
      versionId: version.id,
      language: originalLanguage,
      kind: "ORIGINAL",
      authorId: actor.id,
      fields: fieldsOf(input),
      sections: input.sections,
      dimensions: meta.dimensions,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId,
      act: "strategy.created",
      objectType: "strategy",
      objectId: strategy.id,
      data: { slug: strategy.slug, title: input.title, originalLanguage },
    });
    return strategy;
  });
}

/** A new version, based on `baseVersion`: refused with a merge review when the text moved on (ADR 009). */
export async function saveVersion({
  actor,
  strategyId,
  baseVersion,
  changeNote,
  fieldConflicts,
  fieldResolutions,
  ...input
}: { actor: CurrentUser; strategyId: string; baseVersion: number; changeNote: string; sections: ReviewedContent["sections"] } & Omit<TextInput, "sections"> &
  Metadata &
  Pick<ReviewedContent, "fieldConflicts" | "fieldResolutions">) {
  return prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, strategyId);
    if (!mayEdit(actor, access)) throw forbidden();
    const { number } = await saveDocumentVersion(tx, strategyStore, {
      documentId: strategyId,
      baseVersion,
      authorId: actor.id,
      changeNote,
      content: {
        fields: fieldsOf(input, input.adoptedOn ?? ""),
        sets: { dimensions: input.dimensions, sectors: input.sectors },
        sections: input.sections,
        fieldConflicts,
        fieldResolutions,
      },
    });
    // Until a version is published, the list shows the newest one (the row is locked by the claim).
    const { publishedVersion } = await tx.strategy.findUniqueOrThrow({ where: { id: strategyId }, select: { publishedVersion: true } });
    if (publishedVersion === null) await syncListing(tx, strategyId, number);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: access.delegationId,
      act: "strategy.versionSaved",
      objectType: "strategy",
      objectId: strategyId,
      data: { version: number, changeNote },
    });
    return { number };
  });
}

/** A translation of the newest version, saved under the strategy's row lock (ADR 009). */
export async function saveTranslation({
  actor,
  strategyId,
  version,
  language,
  kind,
  ...text
}: { actor: CurrentUser; strategyId: string; version: number; language: string; kind: TranslationKind; sections: { key: string; heading: string; body: string }[] } & Omit<
  TextInput,
  "sections"
>) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, strategyId);
    if (!mayEdit(actor, access)) throw forbidden();
    // The head speaks for the delegation: only they declare a translation official.
    if (kind === "OFFICIAL_TRANSLATION" && !mayPublish(actor, access)) throw forbidden();
    const { original } = await saveDocumentTranslation(tx, strategyStore, {
      documentId: strategyId,
      version,
      language,
      kind,
      authorId: actor.id,
      translation: { fields: fieldsOf(text), sections: text.sections },
    });
    // Every dimension the original covers needs its note in the translation too.
    const missing = (original.sets.dimensions ?? []).filter((d) => !text.dimensionNotes[d as DsiDimension]);
    if (missing.length) throw new FieldError(400, Object.fromEntries(missing.map((d) => [`dimensionNotes.${d}`, "strategies:validation.dimensionNote"])));
    await tx.strategy.update({ where: { id: strategyId }, data: { lastActivityAt: new Date() } });
    if ((access.publishedVersion ?? access.currentVersion) === version) await syncListing(tx, strategyId, version);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: access.delegationId,
      act: "strategy.translationSaved",
      objectType: "strategy",
      objectId: strategyId,
      data: { version, language, kind },
    });
  });
}

/**
 * Publishes the version the head read: it becomes what readers see, and the
 * strategy is in force. Refused when another version was saved meanwhile, or
 * when that version is already the published one.
 */
export async function publishStrategy({ actor, strategyId, version, visibility }: { actor: CurrentUser; strategyId: string; version: number; visibility: StrategyVisibility }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, strategyId);
    if (!mayPublish(actor, access)) throw forbidden();
    const rows = await tx.$queryRaw<{ publishedVersion: number }[]>`
      UPDATE "Strategy"
      SET "publishedVersion" = "currentVersion", status = 'IN_FORCE', "publishedAt" = now(), visibility = ${visibility}::"StrategyVisibility", "lastActivityAt" = now()
      WHERE id = ${strategyId}::uuid AND "currentVersion" = ${version} AND status IN ('DRAFT', 'IN_FORCE')
        AND ("publishedVersion" IS NULL OR "publishedVersion" < "currentVersion")
      RETURNING "publishedVersion"`;
    if (!rows[0]) {
      const now = await loadAccess(tx, strategyId);
      if (now.currentVersion !== version) throw new DomainError(409, "errors.staleVersion");
      if (now.publishedVersion === version) throw new DomainError(409, "strategies:errors.alreadyPublished");
      throw new DomainError(409, "strategies:errors.wrongStatus");
    }
    await syncListing(tx, strategyId, version);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: access.delegationId,
      act: "strategy.published",
      objectType: "strategy",
      objectId: strategyId,
      data: { version, visibility, previousVersion: access.publishedVersion },
    });
    await noticeStrategyPublished(tx, { actor, strategyId });
  });
}

export async function setVisibility({ actor, strategyId, visibility }: { actor: CurrentUser; strategyId: string; visibility: StrategyVisibility }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, strategyId);
    if (!mayPublish(actor, access)) throw forbidden();
    const changed = await tx.strategy.updateMany({
      where: { id: strategyId, status: { not: "SUPERSEDED" }, visibility: { not: visibility } },
      data: { visibility, lastActivityAt: new Date() },
    });
    if (changed.count === 0) return;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: access.delegationId,
      act: "strategy.visibilityChanged",
      objectType: "strategy",
      objectId: strategyId,
      data: { from: access.visibility, to: visibility },
    });
  });
}

/** The strategy is no longer in force; optionally, another of the delegation's published strategies replaces it. */
export async function supersedeStrategy({ actor, strategyId, successorId }: { actor: CurrentUser; strategyId: string; successorId?: string }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, strategyId);
    if (!mayPublish(actor, access)) throw forbidden();
    if (successorId) {
      const successor = await tx.strategy.findFirst({
        where: { id: successorId, delegationId: access.delegationId, publishedVersion: { not: null }, NOT: { id: strategyId } },
        select: { id: true },
      });
      if (!successor) throw new DomainError(400, "strategies:errors.successor");
    }
    const changed = await tx.strategy.updateMany({
      where: { id: strategyId, status: "IN_FORCE" },
      data: { status: "SUPERSEDED", supersededAt: new Date(), supersededById: successorId ?? null, lastActivityAt: new Date() },
    });
    if (changed.count !== 1) throw new DomainError(409, "strategies:errors.wrongStatus");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: access.delegationId,
      act: "strategy.superseded",
      objectType: "strategy",
      objectId: strategyId,
      data: { successorId: successorId ?? null },
    });
  });
}

// ---------------------------------------------------------------------------
// Reading

export type StrategyFilters = {
  delegationCode?: string;
  status?: StrategyStatus;
  dimension?: DsiDimension;
  sector?: string;
  language?: string;
  year?: number;
};

function filterWhere(f: StrategyFilters): Prisma.StrategyWhereInput[] {
  return [
    f.delegationCode ? { delegation: { code: f.delegationCode } } : {},
    f.status ? { status: f.status } : {},
    f.dimension ? { dimensions: { has: f.dimension } } : {},
    f.sector ? { sectors: { has: f.sector } } : {},
    f.language ? { languages: { has: f.language } } : {},
    f.year ? { adoptedOn: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } } : {},
  ];
}

const LIST_SELECT = {
  id: true,
  slug: true,
  delegationId: true,
  status: true,
  visibility: true,
  originalLanguage: true,
  currentVersion: true,
  publishedVersion: true,
  dimensions: true,
  sectors: true,
  languages: true,
  adoptedOn: true,
  lastActivityAt: true,
  delegation: { select: { code: true } },
} as const;

type ListRow = Prisma.StrategyGetPayload<{ select: typeof LIST_SELECT }>;

/**
 * The titles (and summaries) of the version each reader sees, in every
 * language it has, for a page of strategies in one query; each item then
 * shows the reader's language, else the original.
 */
async function withTitles(user: CurrentUser | null, rows: ListRow[], lang: string) {
  const wanted = rows.map((r) => ({ id: r.id, number: readableVersion(user, r as StrategyAccess) ?? r.currentVersion }));
  // One query: (strategy, number) → version by index, its texts joined laterally (ADR 019).
  const versions = rows.length
    ? await prisma.strategyVersion.findMany({
        where: { OR: wanted.map((w) => ({ strategyId: w.id, number: w.number })) },
        select: { strategyId: true, texts: { select: { language: true, kind: true, title: true, summary: true } } },
      })
    : [];
  const textsOf = new Map(versions.map((v) => [v.strategyId, v.texts]));
  return rows.map((r) => {
    const own = textsOf.get(r.id) ?? [];
    const shown = own.length ? chooseText(own, lang).text : undefined;
    return {
      id: r.id,
      slug: r.slug,
      status: r.status,
      visibility: r.visibility,
      delegationCode: r.delegation.code,
      dimensions: r.dimensions,
      sectors: r.sectors,
      languages: own.map((t) => t.language),
      adoptedOn: r.adoptedOn,
      lastActivityAt: r.lastActivityAt,
      unpublishedChanges: r.publishedVersion !== null && r.publishedVersion < r.currentVersion && readableVersion(user, r as StrategyAccess) === r.currentVersion,
      title: shown?.title ?? r.slug,
      summary: shown?.summary ?? "",
      textLanguage: shown?.language ?? r.originalLanguage,
    };
  });
}

export async function listStrategies({
  user,
  lang,
  page,
  filters,
  pageSize = STRATEGY_PAGE_SIZE,
}: {
  user: CurrentUser | null;
  lang: string;
  page: number;
  filters: StrategyFilters;
  pageSize?: number;
}) {
  const where: Prisma.StrategyWhereInput = { AND: [visibleStrategies(user), ...filterWhere(filters)] };
  const [rows, total] = await Promise.all([
    prisma.strategy.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: LIST_SELECT,
    }),
    prisma.strategy.count({ where }),
  ]);
  return { items: await withTitles(user, rows, lang), total, pageSize };
}

/** The most recently active strategies a reader may see (the home page's list): no count. */
export async function recentStrategies({ user, lang, filters, limit }: { user: CurrentUser | null; lang: string; filters: StrategyFilters; limit: number }) {
  const rows = await prisma.strategy.findMany({
    where: { AND: [visibleStrategies(user), ...filterWhere(filters)] },
    orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
    take: limit,
    select: LIST_SELECT,
  });
  return withTitles(user, rows, lang);
}

/** A delegation's strategies for its profile, most recently active first. */
export async function listDelegationStrategies({ user, lang, delegationId, limit }: { user: CurrentUser | null; lang: string; delegationId: string; limit: number }) {
  const where: Prisma.StrategyWhereInput = { AND: [visibleStrategies(user), { delegationId }] };
  const [rows, total] = await Promise.all([
    prisma.strategy.findMany({ where, orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }], take: limit, select: LIST_SELECT }),
    prisma.strategy.count({ where }),
  ]);
  return { items: await withTitles(user, rows, lang), total };
}

/** The years of adoption among the strategies a reader may see, newest first (for the list's year filter). */
export async function adoptionYears(user: CurrentUser | null): Promise<number[]> {
  const rows = await prisma.strategy.findMany({
    where: { AND: [visibleStrategies(user), { adoptedOn: { not: null } }] },
    distinct: ["adoptedOn"],
    select: { adoptedOn: true },
  });
  return [...new Set(rows.map((r) => r.adoptedOn!.getUTCFullYear()))].sort((a, b) => b - a);
}

/** A strategy the reader may see, by its slug; 404 otherwise (never a hint that it exists). */
export async function getStrategyBySlug({ user, slug }: { user: CurrentUser | null; slug: string }) {
  const s = await prisma.strategy.findFirst({
    where: { AND: [{ slug }, visibleStrategies(user)] },
    select: {
      ...ACCESS_SELECT,
      publishedAt: true,
      supersededAt: true,
      lastActivityAt: true,
      supersededById: true,
      delegation: { select: { code: true } },
    },
  });
  if (!s) throw notFound();
  return s;
}

/** The strategy that replaced this one, if the reader may see it: its slug and title in their language. */
export async function getSuccessor({ user, successorId, lang }: { user: CurrentUser | null; successorId: string | null; lang: string }) {
  if (!successorId) return null;
  const rows = await prisma.strategy.findMany({ where: { AND: [{ id: successorId }, visibleStrategies(user)] }, select: LIST_SELECT });
  const [item] = await withTitles(user, rows, lang);
  return item ? { slug: item.slug, title: item.title, textLanguage: item.textLanguage } : null;
}

/** A version in the wanted language, else the original; with the languages it exists in. */
export async function getVersionText({ strategyId, number, language }: { strategyId: string; number: number; language: string }) {
  const version = await prisma.strategyVersion.findUnique({
    where: { strategyId_number: { strategyId, number } },
    select: {
      id: true,
      number: true,
      changeNote: true,
      createdAt: true,
      adoptedOn: true,
      dimensions: true,
      sectors: true,
      author: { select: { name: true } },
      texts: { select: { language: true, kind: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!version) throw notFound();
  const { text: wanted } = chooseText(version.texts, language);
  const text = await prisma.strategyText.findUniqueOrThrow({
    where: { versionId_language: { versionId: version.id, language: wanted.language } },
    select: {
      language: true,
      kind: true,
      title: true,
      summary: true,
      issuingAuthority: true,
      sections: { orderBy: { position: "asc" }, select: { key: true, heading: true, body: true } },
      dimensionNotes: { select: { dimension: true, summary: true } },
    },
  });
  const notes: DimensionNotes = Object.fromEntries(text.dimensionNotes.map((n) => [n.dimension, n.summary]));
  return {
    version: {
      number: version.number,
      changeNote: version.changeNote,
      createdAt: version.createdAt,
      adoptedOn: version.adoptedOn,
      dimensions: version.dimensions,
      sectors: version.sectors,
      authorName: version.author.name,
    },
    text: { ...text, dimensionNotes: notes },
    languages: version.texts,
    isFallback: text.language !== language,
  };
}

/** Versions 1…upTo, newest first (a reader outside the delegation sees up to the published one). */
export async function listVersions(strategyId: string, upTo: number) {
  return prisma.strategyVersion.findMany({
    where: { strategyId, number: { lte: upTo } },
    orderBy: { number: "desc" },
    select: { number: true, changeNote: true, createdAt: true, author: { select: { name: true } }, texts: { select: { language: true } } },
  });
}

/**
 * Two to four strategies side by side: for each, the version the reader sees,
 * in the reader's language when it exists, with its note per DSI dimension.
 * Ids or slugs the reader may not see are left out (as if they did not exist).
 */
export async function compareStrategies({ user, ids, lang }: { user: CurrentUser | null; ids: string[]; lang: string }) {
  const uuids = ids.filter((id) => UUID_PATTERN.test(id));
  const rows = await prisma.strategy.findMany({
    where: { AND: [visibleStrategies(user), { OR: [{ id: { in: uuids } }, { slug: { in: ids } }] }] },
    select: { ...ACCESS_SELECT, delegation: { select: { code: true } } },
  });
  const ordered = ids.map((id) => rows.find((r) => r.id === id || r.slug === id)).filter((r): r is (typeof rows)[number] => Boolean(r));
  return Promise.all(
    ordered.map(async (s) => {
      const number = readableVersion(user, s)!;
      const view = await getVersionText({ strategyId: s.id, number, language: lang });
      return {
        id: s.id,
        slug: s.slug,
        status: s.status,
        delegationCode: s.delegation.code,
        versionNumber: number,
        published: s.publishedVersion === number,
        adoptedOn: view.version.adoptedOn,
        dimensions: view.version.dimensions,
        sectors: view.version.sectors,
        text: {
          language: view.text.language,
          title: view.text.title,
          summary: view.text.summary,
          issuingAuthority: view.text.issuingAuthority,
          dimensionNotes: view.text.dimensionNotes,
        },
        isFallback: view.isFallback,
      };
    }),
  );
}

/** What the comparison's pickers offer: the newest strategies the reader may see, titled in their language. */
export async function compareOptions({ user, lang }: { user: CurrentUser | null; lang: string }) {
  const rows = await prisma.strategy.findMany({
    where: visibleStrategies(user),
    orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
    take: COMPARE_PICKER_LIMIT,
    select: LIST_SELECT,
  });
  return (await withTitles(user, rows, lang)).map((s) => ({ id: s.id, title: s.title, delegationCode: s.delegationCode }));
}

/** The delegation's other published strategies, which may replace this one. */
export async function successorOptions({ strategyId, delegationId, lang }: { strategyId: string; delegationId: string; lang: string }) {
  const rows = await prisma.strategy.findMany({
    where: { delegationId, publishedVersion: { not: null }, NOT: { id: strategyId } },
    orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
    take: COMPARE_PICKER_LIMIT,
    select: LIST_SELECT,
  });
  return (await withTitles(null, rows, lang)).map((s) => ({ id: s.id, title: s.title }));
}
