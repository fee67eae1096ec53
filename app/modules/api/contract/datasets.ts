// Datasets: the catalogue with its sovereignty metadata (public), with a link
// to each dataset's MLCommons Croissant description.
import { CROSS_BORDER, DATASET_ACCESS, MODALITIES } from "~/modules/dataset/constants";
import { endpoint } from "./endpoint";
import { dateTime, DelegationRef, integer, LanguageCode, NoQuery, page, PageQuery, Slug, TextKind, url } from "./common";
import { z } from "./zod";

export const DatasetSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    nameLanguage: LanguageCode,
    steward: DelegationRef,
    languages: z.array(LanguageCode).openapi({ description: "Languages of the data itself." }),
    license: z.string(),
    modality: z.enum(MODALITIES),
    sizeBytes: integer().nullable(),
    recordCount: integer().nullable(),
    residencyCountry: z.string().length(2).openapi({ description: "Where the data is stored (ISO 3166)." }),
    crossBorder: z.enum(CROSS_BORDER),
    access: z.enum(DATASET_ACCESS),
    isDemo: z.boolean().openapi({ description: "Demonstration content, not real data." }),
    fileCount: z.number().int(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    apiUrl: url(),
    pageUrl: url(),
    croissantUrl: url().openapi({ description: "MLCommons Croissant 1.0 (JSON-LD)." }),
  })
  .openapi("DatasetSummary");

export const Dataset = DatasetSummary.extend({
  texts: z
    .array(z.object({ language: LanguageCode, kind: TextKind, name: z.string(), description: z.string() }))
    .openapi({ description: "Name and description in every language version." }),
  residencyNote: z.string(),
  homepage: z.string().nullable(),
  filesUrl: url(),
}).openapi("Dataset");

export const Column = z.object({ name: z.string(), dataType: z.string().openapi({ description: "Schema.org type as Croissant names it, e.g. sc:Integer." }) }).openapi("Column");

export const DatasetFile = z
  .object({
    id: z.string().uuid(),
    filename: z.string(),
    contentType: z.string(),
    size: integer(),
    sha256: z.string().length(64),
    columns: z.array(Column).nullable().openapi({ description: "The columns of a CSV, TSV or JSON Lines file, read when it was uploaded." }),
    createdAt: dateTime(),
    downloadUrl: url().openapi({ description: "Downloads follow the dataset's access level (signed in on the site)." }),
  })
  .openapi("DatasetFile");

const DatasetParams = z.object({ slug: Slug });

export const listDatasets = endpoint({
  id: "listDatasets",
  tag: "datasets",
  method: "get",
  path: "/datasets",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({
    access: z.enum(DATASET_ACCESS).optional(),
    modality: z.enum(MODALITIES).optional(),
    steward: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional(),
    language: z.string().min(2).max(35).optional().openapi({ description: "A language of the data." }),
  }),
  response: page(DatasetSummary, "DatasetPage"),
  paginated: true,
});

export const getDataset = endpoint({
  id: "getDataset",
  tag: "datasets",
  method: "get",
  path: "/datasets/{slug}",
  auth: "public",
  params: DatasetParams,
  query: NoQuery,
  response: Dataset,
  errors: [404],
});

export const listDatasetFiles = endpoint({
  id: "listDatasetFiles",
  tag: "datasets",
  method: "get",
  path: "/datasets/{slug}/files",
  auth: "public",
  params: DatasetParams,
  query: PageQuery,
  response: page(DatasetFile, "DatasetFilePage"),
  paginated: true,
  errors: [404],
});
