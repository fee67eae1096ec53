// A notice as a sentence in the reader's language naming its object, with a
// link: for the notification centre, the home page and mails alike.
import type { TFunction } from "i18next";
import { delegationName } from "~/modules/delegation/names";
import type { Language } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { formatInZone } from "./format";
import { nameObjects, objectKey, type NamedObject } from "./objects.server";

export type NoticeRow = {
  id: string;
  kind: string;
  category: string;
  objectType: string | null;
  objectId: string | null;
  proposalId: string | null;
  data: unknown;
  createdAt: Date;
  readAt: Date | null;
};

export type PresentedNotice = {
  id: string;
  kind: string;
  category: string;
  proposalId: string | null;
  /** The sentence around the object's name, so the name can carry its own language. */
  before: string;
  title: string | null;
  titleLanguage: string | null;
  after: string;
  /** The whole sentence as plain text (mail subjects, screen readers). */
  text: string;
  /** Path on this site, in the reader's language. */
  href: string;
  createdAt: Date;
  readAt: Date | null;
};

type Data = Record<string, string | number | boolean | null | undefined>;

const MARK = "\u0001";

/** Where a notice leads. */
function hrefOf(lang: string, kind: string, objectType: string | null, object: NamedObject | undefined, data: Data): string {
  if (kind.startsWith("security.")) return `/${lang}/account`;
  if (!object) return `/${lang}/notifications`;
  const slug = encodeURIComponent(object.slug);
  const section = typeof data.sectionKey === "string" ? encodeURIComponent(data.sectionKey) : null;
  switch (kind) {
    case "vote.opened":
    case "vote.reminder":
    case "vote.extended":
    case "vote.closed":
      return `/${lang}/proposals/${slug}/vote`;
    case "position.adopted":
      return `/${lang}/positions/${slug}`;
    case "comment.reply":
    case "comment.onText":
      return section ? `/${lang}/proposals/${slug}/sections/${section}${data.commentId ? `#c-${data.commentId}` : ""}` : `/${lang}/proposals/${slug}`;
    case "amendment.proposed":
    case "amendment.accepted":
    case "amendment.rejected":
      return section ? `/${lang}/proposals/${slug}/sections/${section}#amendments` : `/${lang}/proposals/${slug}`;
    case "bracket.opened":
    case "bracket.resolved":
      return section ? `/${lang}/proposals/${slug}/sections/${section}#brackets` : `/${lang}/proposals/${slug}`;
    case "dataset.accessRequested":
      return `/${lang}/datasets/${slug}/access`;
    case "dataset.accessApproved":
    case "dataset.accessDenied":
    case "dataset.fileAdded":
      return `/${lang}/datasets/${slug}`;
    case "dsi.returned":
    case "dsi.published":
      return `/${lang}/strategies/dsi/${object.slug}/${object.year ?? ""}`;
    case "strategy.published":
      return `/${lang}/strategies/${slug}`;
    case "evaluation.results":
      return typeof data.runId === "string" ? `/${lang}/evaluations/runs/${data.runId}` : `/${lang}/models/${slug}`;
    default: {
      const base = { proposal: "proposals", strategy: "strategies", dataset: "datasets", model: "models" }[objectType ?? ""];
      return base ? `/${lang}/${base}/${slug}` : `/${lang}/notifications`;
    }
  }
}

/** The values a notice's sentence interpolates, formatted for the reader. */
function valuesOf(t: TFunction, lang: string, timeZone: string, data: Data): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const key of ["closesAt", "endsAt", "previous"] as const) {
    if (typeof data[key] === "string") values[key] = formatInZone(data[key] as string, lang, timeZone);
  }
  if (typeof data.delegation === "string") values.delegation = delegationName(data.delegation, lang);
  if (typeof data.outcome === "string") values.outcome = t(`outcome.${data.outcome}`);
  if (typeof data.resolution === "string") values.resolution = t(`resolution.${data.resolution}`);
  if (typeof data.name === "string") values.name = data.name;
  if (typeof data.filename === "string") values.filename = data.filename;
  if (typeof data.count === "number") values.count = data.count;
  if (typeof data.hours === "number") values.hours = data.hours;
  return values;
}

export async function presentNotices(rows: NoticeRow[], { lang, timeZone }: { lang: Language; timeZone: string }): Promise<PresentedNotice[]> {
  const [t, named] = await Promise.all([getFixedT(lang, "notifications"), nameObjects(rows, lang)]);
  return rows.map((row) => {
    const data = (row.data ?? {}) as Data;
    const object = row.objectType && row.objectId ? named.get(objectKey(row.objectType, row.objectId)) : undefined;
    // Plural sentences count results, or the hours left before a deadline.
    const count = typeof data.count === "number" ? data.count : typeof data.hours === "number" ? data.hours : undefined;
    const sentence = t(`kinds.${row.kind}`, { ...valuesOf(t, lang, timeZone, data), title: MARK, count });
    const [before = "", after = ""] = sentence.includes(MARK) ? sentence.split(MARK) : [sentence, ""];
    const title = sentence.includes(MARK) ? (object?.title ?? t("removedObject")) : null;
    return {
      id: row.id,
      kind: row.kind,
      category: row.category,
      proposalId: row.proposalId,
      before,
      title,
      titleLanguage: title ? (object?.language ?? lang) : null,
      after,
      text: `${before}${title ?? ""}${after}`,
      href: hrefOf(lang, row.kind, row.objectType, object, data),
      createdAt: row.createdAt,
      readAt: row.readAt,
    };
  });
}
