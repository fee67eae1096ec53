// What every strategy page shows at its top: the strategy, the version and
// language the reader asked for (or may see), and what the reader may do.
import type { CurrentUser } from "~/utils/auth.server";
import { compareVersions, reviewForRefusedSave } from "~/modules/document/document.server";
import { textLanguageParam } from "~/modules/document/language";
import { prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/errors";
import { isLanguage, LANGUAGES } from "~/utils/i18n";
import { strategyStore } from "./document-store.server";
import { STRATEGY_MERGE_FIELDS } from "./schemas";
import { mayEdit, mayPublish, maySeeUnpublished, readableVersion } from "./permissions";
import { getStrategyBySlug, getSuccessor, getVersionText, listVersions } from "./strategy.server";

/** `?version=` and `?text=` (the content's language, independent of the UI's) as asked in the URL. */
export function pageParams(url: URL) {
  const version = Number(url.searchParams.get("version"));
  return { version: Number.isInteger(version) && version >= 1 ? version : undefined, textLanguage: textLanguageParam(url) };
}

export async function loadStrategyPage({
  slug,
  lang,
  user,
  version,
  textLanguage,
}: {
  slug: string;
  lang: string;
  user: CurrentUser | null;
  version?: number;
  textLanguage?: string;
}) {
  const strategy = await getStrategyBySlug({ user, slug });
  const readable = readableVersion(user, strategy);
  if (readable === null) throw notFound();
  const number = version ?? readable;
  if (number > readable) throw notFound();
  const [current, successor] = await Promise.all([
    getVersionText({ strategyId: strategy.id, number, language: textLanguage ?? lang }),
    getSuccessor({ user, successorId: strategy.supersededById, lang }),
  ]);
  return {
    strategy: {
      id: strategy.id,
      slug: strategy.slug,
      status: strategy.status,
      visibility: strategy.visibility,
      originalLanguage: strategy.originalLanguage,
      currentVersion: strategy.currentVersion,
      publishedVersion: strategy.publishedVersion,
      readableVersion: readable,
      publishedAt: strategy.publishedAt,
      supersededAt: strategy.supersededAt,
      delegationId: strategy.delegationId,
      delegationCode: strategy.delegation.code,
      successor,
    },
    current,
    /** The content language was chosen in the URL, not taken from the UI. */
    textChosen: textLanguage !== undefined,
    may: {
      edit: mayEdit(user, strategy),
      publish: mayPublish(user, strategy),
      seeUnpublished: maySeeUnpublished(user, strategy),
    },
  };
}

/** The editor: the newest version in the original language, metadata included (the editor always works on it). */
export async function loadEditorPage(args: Parameters<typeof loadStrategyPage>[0]) {
  const page = await loadStrategyPage(args);
  if (!page.may.edit) throw forbidden();
  const original = await getVersionText({ strategyId: page.strategy.id, number: page.strategy.currentVersion, language: page.strategy.originalLanguage });
  return { ...page, original };
}

/** The review to show after a refused save of a strategy (ADR 009), or null. */
export function strategyReview(strategyId: string, error: unknown, payload: unknown) {
  return reviewForRefusedSave(strategyStore, strategyId, error, payload, STRATEGY_MERGE_FIELDS);
}

/** The translation page: the original and the translation into the language asked for (`?language=`), if any. */
export async function loadTranslationPage(args: Parameters<typeof loadStrategyPage>[0] & { wanted: string | null }) {
  const page = await loadStrategyPage(args);
  if (!page.may.edit) throw forbidden();
  const { strategy } = page;
  const targets = LANGUAGES.map((l) => l.code).filter((c) => c !== strategy.originalLanguage);
  const target = isLanguage(args.wanted) && args.wanted !== strategy.originalLanguage ? args.wanted : args.lang !== strategy.originalLanguage ? args.lang : targets[0]!;
  const [original, existing] = await Promise.all([
    getVersionText({ strategyId: strategy.id, number: strategy.currentVersion, language: strategy.originalLanguage }),
    getVersionText({ strategyId: strategy.id, number: strategy.currentVersion, language: target }),
  ]);
  return {
    ...page,
    targets,
    target,
    original,
    translation: existing.isFallback ? null : existing.text,
    kinds: page.may.publish ? (["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] as const) : (["UNOFFICIAL_TRANSLATION"] as const),
  };
}

/** The history up to the newest version the reader may see, and the comparison of two of them. */
export async function loadHistoryPage(args: Parameters<typeof loadStrategyPage>[0] & { from: (upTo: number) => number | null; to: (upTo: number) => number | null }) {
  const page = await loadStrategyPage(args);
  const upTo = page.strategy.readableVersion;
  const versions = await listVersions(page.strategy.id, upTo);
  const from = args.from(upTo);
  const to = args.to(upTo);
  const comparison = from && to && from !== to ? await compareVersions(prisma, strategyStore, page.strategy.id, from, to) : null;
  return {
    ...page,
    versions: versions.map((v) => ({ number: v.number, changeNote: v.changeNote, createdAt: v.createdAt, authorName: v.author.name, languages: v.texts.map((x) => x.language) })),
    from: from ?? Math.max(1, upTo - 1),
    to: to ?? upTo,
    comparison: comparison && from && to ? { from, to, ...comparison } : null,
  };
}
