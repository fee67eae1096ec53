// The dataset catalogue: cataloguing a dataset for one's delegation (the
// steward), editing its sovereignty metadata and its language versions,
// listing and reading entries. Catalogue entries are public — the data
// behind them follows the access level (files.server.ts, access.server.ts).
import { randomBytes } from "node:crypto";
import type { DatasetAccess, DatasetModality, TextKind } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { DomainError, forbidden, notFound } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { countDelegationRuns } from "~/modules/evaluation/leaderboard.server";
import { RESERVED_SLUGS, slugFor } from "~/modules/model/model.server";
import { DATASETS_PAGE_SIZE } from "./constants";
import { isStewardPerson, mayCreateDataset, mayDecideAccess, mayDownload, mayManageDataset, mayRequestAccess } from "./permissions";
import type { CreateDatasetInput, DatasetMetadataInput } from "./schemas";

function metadataOf(input: DatasetMetadataInput) {
  return {
    languages: [...new Set(input.languages)],
    license: input.license,
    modality: input.modality,
    sizeBytes: input.sizeGigabytes === undefined ? null : BigInt(Math.round(input.sizeGigabytes * 1e9)),
    recordCount: input.recordCount === undefined ? null : BigInt(input.recordCount),
    residencyCountry: input.residencyCountry,
    residencyNote: input.residencyNote ?? "",
    crossBorder: input.crossBorder,
    access: input.access,
    url: input.url ?? null,
  };
}

async function freeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugFor(name, "dataset");
  const taken = RESERVED_SLUGS.has(base) || (await tx.dataset.findUnique({ where: { slug: base }, select: { id: true } }));
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

export async function createDataset({ actor, input, isDemo = false }: { actor: CurrentUser; input: CreateDatasetInput; isDemo?: boolean }) {
  if (!mayCreateDataset(actor)) throw actor.delegation ? forbidden() : new DomainError(403, "research:errors.datasetNeedsDelegation");
  const stewardDelegationId = actor.delegation!.id;
  return prisma.$transaction(async (tx) => {
    const dataset = await tx.dataset.create({
      data: {
        ...metadataOf(input),
        slug: await freeSlug(tx, input.name),
        stewardDelegationId,
        createdById: actor.id,
        originalLanguage: input.originalLanguage,
        isDemo,
        texts: { create: { language: input.originalLanguage, kind: "ORIGINAL", name: input.name, description: input.description, authorId: actor.id } },
      },
      select: { id: true, slug: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: stewardDelegationId,
      act: "dataset.created",
      objectType: "dataset",
      objectId: dataset.id,
      data: { slug: dataset.slug, name: input.name, access: input.access, crossBorder: input.crossBorder, residency: input.residencyCountry },
    });
    return dataset;
  });
}

async function loadOwnership(tx: Transaction | typeof prisma, datasetId: string) {
  const d = await tx.dataset.findUnique({ where: { id: datasetId }, select: { id: true, slug: true, stewardDelegationId: true, access: true, originalLanguage: true } });
  if (!d) throw notFound();
  return d;
}

export async function updateDatasetMetadata({ actor, datasetId, input }: { actor: CurrentUser; datasetId: string; input: DatasetMetadataInput }) {
  return prisma.$transaction(async (tx) => {
    const d = await loadOwnership(tx, datasetId);
    if (!mayManageDataset(actor, d)) throw forbidden();
    const data = metadataOf(input);
    await tx.dataset.update({ where: { id: datasetId }, data });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: d.stewardDelegationId,
      act: "dataset.updated",
      objectType: "dataset",
      objectId: datasetId,
      // Changes to who may reach the data are what an auditor looks for.
      data: { access: data.access, previousAccess: d.access, crossBorder: data.crossBorder, residency: data.residencyCountry },
    });
    return { slug: d.slug };
  });
}

/** Writes a language version: the original's text, or a translation (official or not). */
export async function saveDatasetText({
  actor,
  datasetId,
  language,
  kind,
  name,
  description,
}: {
  actor: CurrentUser;
  datasetId: string;
  language: string;
  kind?: Exclude<TextKind, "ORIGINAL">;
  name: string;
  description: string;
}) {
  return prisma.$transaction(async (tx) => {
    const d = await loadOwnership(tx, datasetId);
    if (!mayManageDataset(actor, d)) throw forbidden();
    const finalKind: TextKind = language === d.originalLanguage ? "ORIGINAL" : (kind ?? "UNOFFICIAL_TRANSLATION");
    // Only the steward's head (or alternate) declares a translation official.
    if (finalKind === "OFFICIAL_TRANSLATION" && !mayDecideAccess(actor, d)) throw forbidden();
    await tx.datasetText.upsert({
      where: { datasetId_language: { datasetId, language } },
      create: { datasetId, language, kind: finalKind, name, description, authorId: actor.id },
      update: { kind: finalKind, name, description, authorId: actor.id },
    });
    await tx.dataset.update({ where: { id: datasetId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId: d.stewardDelegationId,
      act: "dataset.textSaved",
      objectType: "dataset",
      objectId: datasetId,
      data: { language, kind: finalKind },
    });
    return { slug: d.slug };
  });
}

/** The text to show in `lang`: that language version, else the original. */
function pickText<T extends { language: string; kind: TextKind }>(texts: T[], lang: string): T | undefined {
  return texts.find((t) => t.language === lang) ?? texts.find((t) => t.kind === "ORIGINAL") ?? texts[0];
}

export async function listDatasets({
  page,
  lang,
  language,
  access,
  modality,
  stewardCode,
  q,
}: {
  page: number;
  lang: string;
  language?: string;
  access?: DatasetAccess;
  modality?: DatasetModality;
  stewardCode?: string;
  q?: string;
}) {
  const where: Prisma.DatasetWhereInput = {
    ...(language ? { languages: { has: language } } : {}),
    ...(access ? { access } : {}),
    ...(modality ? { modality } : {}),
    ...(stewardCode ? { steward: { code: stewardCode } } : {}),
    ...(q ? { texts: { some: { name: { contains: q, mode: "insensitive" } } } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.dataset.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * DATASETS_PAGE_SIZE,
      take: DATASETS_PAGE_SIZE,
      select: {
        id: true,
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
        updatedAt: true,
        steward: { select: { code: true } },
        // Only the texts a page shows: the reader's language and the original.
        texts: { where: { OR: [{ language: lang }, { kind: "ORIGINAL" }] }, select: { language: true, kind: true, name: true } },
        _count: { select: { files: true } },
      },
    }),
    prisma.dataset.count({ where }),
  ]);
  const items = rows.map(({ texts, _count, ...d }) => {
    const text = pickText(texts, lang);
    return { ...d, name: text?.name ?? d.slug, nameLanguage: text?.language ?? lang, fileCount: _count.files };
  });
  return { items, total, pageSize: DATASETS_PAGE_SIZE };
}

/** Whether this user holds an approved request for this dataset. */
export async function hasAccessGrant(userId: string | undefined, datasetId: string): Promise<boolean> {
  if (!userId) return false;
  const grant = await prisma.datasetAccessRequest.findFirst({ where: { datasetId, requesterId: userId, status: "APPROVED" }, select: { id: true } });
  return grant !== null;
}

/** A dataset's page: its metadata, the text in the reader's language, and what the reader may do. */
export async function getDataset({ slug, lang, viewer }: { slug: string; lang: string; viewer: CurrentUser | null }) {
  const d = await prisma.dataset.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      stewardDelegationId: true,
      originalLanguage: true,
      languages: true,
      license: true,
      modality: true,
      sizeBytes: true,
      recordCount: true,
      residencyCountry: true,
      residencyNote: true,
      crossBorder: true,
      access: true,
      url: true,
      isDemo: true,
      createdAt: true,
      updatedAt: true,
      steward: { select: { code: true } },
      createdBy: { select: { name: true } },
      texts: { orderBy: { language: "asc" }, select: { language: true, kind: true, name: true, description: true, updatedAt: true } },
      _count: { select: { files: true } },
    },
  });
  if (!d) throw notFound();
  const [granted, myRequest] = await Promise.all([
    hasAccessGrant(viewer?.id, d.id),
    viewer
      ? prisma.datasetAccessRequest.findFirst({
          where: { datasetId: d.id, requesterId: viewer.id },
          orderBy: { createdAt: "desc" },
          select: { status: true, createdAt: true, decidedAt: true, decisionNote: true },
        })
      : null,
  ]);
  const text = pickText(d.texts, lang)!;
  const may = {
    manage: mayManageDataset(viewer, d),
    decide: mayDecideAccess(viewer, d),
    download: mayDownload(viewer, d, granted),
    request: mayRequestAccess(viewer, d, granted) && myRequest?.status !== "PENDING",
    isSteward: isStewardPerson(viewer, d),
  };
  const { texts, _count, ...dataset } = d;
  return {
    dataset: { ...dataset, fileCount: _count.files },
    text,
    languages: texts.map((t) => ({ language: t.language, kind: t.kind })),
    texts,
    isFallback: text.language !== lang,
    granted,
    myRequest,
    may,
  };
}

/** For a delegation's profile: how many datasets it stewards. */
export async function countStewardedDatasets(delegationId: string) {
  return prisma.dataset.count({ where: { stewardDelegationId: delegationId } });
}

/** What a delegation's profile says about its research: datasets it stewards, submissions of results the viewer may see. */
export async function researchSummary({ viewer, delegationId }: { viewer: CurrentUser | null; delegationId: string }) {
  const [datasets, evaluations] = await Promise.all([countStewardedDatasets(delegationId), countDelegationRuns({ viewer, delegationId })]);
  return { datasets, evaluations };
}
