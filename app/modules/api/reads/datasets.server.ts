// The dataset catalogue as the API gives it: metadata is public whatever the
// access level (the files themselves follow it).
import type { Prisma } from "~/generated/prisma/client";
import type { DatasetAccess, DatasetModality } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import type { Links } from "../links.server";
import { afterDescending, decodeCursor, pageOf, TimeCursor } from "../pagination";
import { delegationRef, PAGE_LANGUAGE } from "./shapes";

const SUMMARY_SELECT = {
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
  createdAt: true,
  updatedAt: true,
  originalLanguage: true,
  steward: { select: { code: true } },
  texts: { where: { kind: "ORIGINAL" }, select: { language: true, name: true } },
  _count: { select: { files: true } },
} as const satisfies Prisma.DatasetSelect;

type SummaryRow = Prisma.DatasetGetPayload<{ select: typeof SUMMARY_SELECT }>;

function summary(d: SummaryRow, links: Links) {
  const page = `/datasets/${d.slug}`;
  return {
    slug: d.slug,
    name: d.texts[0]?.name ?? d.slug,
    nameLanguage: d.texts[0]?.language ?? d.originalLanguage,
    steward: delegationRef(d.steward.code, links),
    languages: d.languages,
    license: d.license,
    modality: d.modality,
    sizeBytes: d.sizeBytes,
    recordCount: d.recordCount,
    residencyCountry: d.residencyCountry,
    crossBorder: d.crossBorder,
    access: d.access,
    isDemo: d.isDemo,
    fileCount: d._count.files,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    apiUrl: links.api(page),
    pageUrl: links.page(PAGE_LANGUAGE, page),
    croissantUrl: links.page(PAGE_LANGUAGE, `${page}/croissant.json`),
  };
}

export async function listDatasetsPage({
  links,
  limit,
  cursor,
  access,
  modality,
  steward,
  language,
}: {
  links: Links;
  limit: number;
  cursor?: string;
  access?: DatasetAccess;
  modality?: DatasetModality;
  steward?: string;
  language?: string;
}) {
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.dataset.findMany({
    where: {
      AND: [
        access ? { access } : {},
        modality ? { modality } : {},
        steward ? { steward: { code: steward.toUpperCase() } } : {},
        language ? { languages: { has: language } } : {},
        afterDescending<Prisma.DatasetWhereInput>("createdAt", after),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: SUMMARY_SELECT,
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: items.map((d) => summary(d, links)), nextCursor };
}

export async function getDatasetResource({ slug, links }: { slug: string; links: Links }) {
  const d = await prisma.dataset.findUnique({
    where: { slug },
    select: {
      ...SUMMARY_SELECT,
      residencyNote: true,
      url: true,
    },
  });
  if (!d) throw notFound();
  const texts = await prisma.datasetText.findMany({
    where: { datasetId: d.id },
    orderBy: { language: "asc" },
    select: { language: true, kind: true, name: true, description: true },
  });
  return {
    ...summary(d, links),
    texts: texts.sort((a, b) => Number(b.kind === "ORIGINAL") - Number(a.kind === "ORIGINAL")),
    residencyNote: d.residencyNote,
    homepage: d.url,
    filesUrl: links.api(`/datasets/${d.slug}/files`),
  };
}

export async function listDatasetFilesPage({ slug, links, limit, cursor }: { slug: string; links: Links; limit: number; cursor?: string }) {
  const dataset = await prisma.dataset.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!dataset) throw notFound();
  const after = decodeCursor(cursor, TimeCursor);
  const rows = await prisma.datasetFile.findMany({
    where: { AND: [{ datasetId: dataset.id }, afterDescending<Prisma.DatasetFileWhereInput>("createdAt", after)] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, filename: true, contentType: true, size: true, sha256: true, columns: true, createdAt: true },
  });
  const { items, nextCursor } = pageOf(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    data: items.map((f) => ({
      ...f,
      columns: Array.isArray(f.columns) ? (f.columns as { name: string; dataType: string }[]) : null,
      downloadUrl: links.page(PAGE_LANGUAGE, `/datasets/${dataset.slug}/files/${f.id}`),
    })),
    nextCursor,
  };
}
