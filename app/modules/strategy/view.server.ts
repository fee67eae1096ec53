// What every strategy page shows at its top: the strategy, the version and
// language the reader asked for (or may see), and what the reader may do.
import type { CurrentUser } from "~/utils/auth.server";
import { isLanguage } from "~/utils/i18n";
import { notFound } from "~/utils/errors";
import { mayEdit, mayPublish, maySeeUnpublished, readableVersion } from "./permissions";
import { getStrategyBySlug, getSuccessor, getVersionText } from "./strategy.server";

/** `?version=` and `?text=` (the content's language, independent of the UI's) as asked in the URL. */
export function pageParams(url: URL) {
  const version = Number(url.searchParams.get("version"));
  const text = url.searchParams.get("text");
  return { version: Number.isInteger(version) && version >= 1 ? version : undefined, textLanguage: isLanguage(text) ? text : undefined };
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
