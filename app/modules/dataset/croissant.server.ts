// A dataset's metadata as MLCommons Croissant 1.0 (JSON-LD): the Dataset with
// the properties the specification requires (@context, @type sc:Dataset,
// conformsTo, name, description, license, url, creator, datePublished) and a
// cr:FileObject per file (contentUrl, encodingFormat, sha256, contentSize).
// The sovereignty metadata goes into schema.org properties Croissant inherits
// (conditionsOfAccess, spatialCoverage, inLanguage), never into made-up keys.
// A CSV, TSV or JSON Lines file whose columns were read at upload gets a
// cr:RecordSet with a cr:Field per column, extracted by column name.
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { delegationName } from "~/modules/delegation/names";

export const CROISSANT_CONFORMS_TO = "http://mlcommons.org/croissant/1.0";

/** The JSON-LD context of Croissant 1.0, as the specification gives it. */
export const CROISSANT_CONTEXT = {
  "@language": "en",
  "@vocab": "https://schema.org/",
  citeAs: "cr:citeAs",
  column: "cr:column",
  conformsTo: "dct:conformsTo",
  cr: "http://mlcommons.org/croissant/",
  rai: "http://mlcommons.org/croissant/RAI/",
  data: { "@id": "cr:data", "@type": "@json" },
  dataType: { "@id": "cr:dataType", "@type": "@vocab" },
  dct: "http://purl.org/dc/terms/",
  examples: { "@id": "cr:examples", "@type": "@json" },
  extract: "cr:extract",
  field: "cr:field",
  fileProperty: "cr:fileProperty",
  fileObject: "cr:fileObject",
  fileSet: "cr:fileSet",
  format: "cr:format",
  includes: "cr:includes",
  isLiveDataset: "cr:isLiveDataset",
  jsonPath: "cr:jsonPath",
  key: "cr:key",
  md5: "cr:md5",
  parentField: "cr:parentField",
  path: "cr:path",
  recordSet: "cr:recordSet",
  references: "cr:references",
  regex: "cr:regex",
  repeated: "cr:repeated",
  replace: "cr:replace",
  sc: "https://schema.org/",
  separator: "cr:separator",
  source: "cr:source",
  subField: "cr:subField",
  transform: "cr:transform",
} as const;

export type CroissantInput = {
  slug: string;
  name: string;
  description: string;
  /** The language of name and description (BCP 47). */
  textLanguage: string;
  languages: string[];
  license: string;
  url: string | null;
  stewardCode: string;
  createdAt: Date;
  updatedAt: Date;
  residencyCountry: string;
  residencyNote: string;
  crossBorder: string;
  access: string;
  recordCount: bigint | null;
  files: { id: string; filename: string; contentType: string; size: bigint; sha256: string; columns?: unknown }[];
};

type Column = { name: string; dataType: string };

function columnsOf(value: unknown): Column[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is Column => typeof c?.name === "string" && typeof c?.dataType === "string");
}

/** Licence strings that are SPDX ids become their SPDX URL, as Croissant examples do. */
function licenseValue(license: string): string {
  if (/^https?:\/\//.test(license)) return license;
  if (/^[A-Za-z0-9.+-]+$/.test(license)) return `https://spdx.org/licenses/${license}.html`;
  return license;
}

const ACCESS_TEXT: Record<string, string> = {
  OPEN: "Open: anyone may download the files.",
  MEMBERS: "Members only: the files are available to members of Concord.",
  ON_REQUEST: "On request: the steward delegation approves each request.",
};
const TRANSFER_TEXT: Record<string, string> = {
  ALLOWED: "Cross-border transfer allowed.",
  RESTRICTED: "Cross-border transfer restricted: only under conditions set by the steward.",
  PROHIBITED: "Cross-border transfer prohibited: the data must stay in its country of residence.",
};

/**
 * The Croissant document. `origin` makes absolute URLs; `lang` is the UI
 * language whose pages the URLs point to.
 */
export function buildCroissant(d: CroissantInput, { origin, lang }: { origin: string; lang: string }) {
  const page = `${origin}/${lang}/datasets/${d.slug}`;
  const residency = delegationName(d.residencyCountry, "en");
  return {
    "@context": { ...CROISSANT_CONTEXT, "@language": d.textLanguage },
    "@type": "sc:Dataset",
    "@id": page,
    conformsTo: CROISSANT_CONFORMS_TO,
    name: d.name,
    description: d.description,
    license: licenseValue(d.license),
    url: d.url ?? page,
    creator: {
      "@type": "sc:Organization",
      name: `Delegation of ${delegationName(d.stewardCode, "en")}`,
      url: `${origin}/${lang}/members/${d.stewardCode.toLowerCase()}`,
    },
    datePublished: d.createdAt.toISOString().slice(0, 10),
    dateModified: d.updatedAt.toISOString().slice(0, 10),
    inLanguage: d.languages,
    spatialCoverage: { "@type": "sc:Place", name: residency, address: { "@type": "sc:PostalAddress", addressCountry: d.residencyCountry } },
    conditionsOfAccess: [ACCESS_TEXT[d.access], TRANSFER_TEXT[d.crossBorder], `Stored in ${residency}${d.residencyNote ? ` (${d.residencyNote})` : ""}.`].filter(Boolean).join(" "),
    isAccessibleForFree: d.access === "OPEN",
    distribution: d.files.map((f) => ({
      "@type": "cr:FileObject",
      "@id": `file-${f.id}`,
      name: f.filename,
      contentUrl: `${page}/files/${f.id}`,
      contentSize: `${f.size.toString()} B`,
      encodingFormat: f.contentType,
      sha256: f.sha256,
    })),
    recordSet: d.files.flatMap((f) => {
      const columns = columnsOf(f.columns);
      if (columns.length === 0) return [];
      const id = `records-${f.id}`;
      return [
        {
          "@type": "cr:RecordSet",
          "@id": id,
          name: f.filename,
          field: columns.map((c, i) => ({
            "@type": "cr:Field",
            "@id": `${id}/${i + 1}`,
            name: c.name,
            dataType: c.dataType,
            source: { fileObject: { "@id": `file-${f.id}` }, extract: { column: c.name } },
          })),
        },
      ];
    }),
  };
}

/** Files listed in one Croissant document at most. */
export const CROISSANT_MAX_FILES = 1_000;

export async function datasetCroissant({ slug, lang, origin }: { slug: string; lang: string; origin: string }) {
  const d = await prisma.dataset.findUnique({
    where: { slug },
    select: {
      slug: true,
      languages: true,
      license: true,
      url: true,
      createdAt: true,
      updatedAt: true,
      residencyCountry: true,
      residencyNote: true,
      crossBorder: true,
      access: true,
      recordCount: true,
      steward: { select: { code: true } },
      texts: { where: { OR: [{ language: lang }, { kind: "ORIGINAL" }] }, select: { language: true, kind: true, name: true, description: true } },
      files: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: CROISSANT_MAX_FILES,
        select: { id: true, filename: true, contentType: true, size: true, sha256: true, columns: true },
      },
    },
  });
  if (!d) throw notFound();
  const text = d.texts.find((t) => t.language === lang) ?? d.texts.find((t) => t.kind === "ORIGINAL")!;
  return buildCroissant(
    {
      slug: d.slug,
      name: text.name,
      description: text.description,
      textLanguage: text.language,
      languages: d.languages,
      license: d.license,
      url: d.url,
      stewardCode: d.steward.code,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      residencyCountry: d.residencyCountry,
      residencyNote: d.residencyNote,
      crossBorder: d.crossBorder,
      access: d.access,
      recordCount: d.recordCount,
      files: d.files,
    },
    { origin, lang },
  );
}
