// When nothing matches: for each word typed, the closest word in a title or name
// the viewer may see (so a suggestion never reveals a draft's title), offered as
// a corrected query.
import { prisma } from "~/utils/db.server";
import { SUGGEST_THRESHOLD } from "./constants";
import type { SearchScope } from "./permissions";
import { replaceWords, type ParsedQuery } from "./query";
import { ownerJoins, visibleSql, withThreshold } from "./sql.server";

/** Titles and names looked at per word: enough to find the closest, bounded whatever the catalogue's size. */
const CANDIDATES_PER_WORD = 200;

export async function suggestCorrections({ parsed, scope }: { parsed: ParsedQuery; scope: SearchScope }): Promise<string[]> {
  if (!parsed.fuzzyWords.length) return [];
  const rows = await withThreshold(
    SUGGEST_THRESHOLD,
    () =>
      prisma.$queryRaw<{ word: string; suggestion: string }[]>`
      SELECT w.word, best.suggestion
      FROM unnest(${parsed.fuzzyWords}::text[]) AS w(word)
      CROSS JOIN LATERAL (SELECT lower(unaccent(w.word)) AS plain) u
      CROSS JOIN LATERAL (
        SELECT lower(part) AS suggestion
        FROM (SELECT e.name FROM "SearchEntry" e ${ownerJoins("e")}
              WHERE e.kind = ANY(${scope.kinds}::text[]) AND e.name IS NOT NULL AND u.plain <% e.name AND ${visibleSql("e", scope)}
              LIMIT ${CANDIDATES_PER_WORD}) named
        CROSS JOIN LATERAL regexp_split_to_table(named.name, '[^[:alnum:]]+') part
        WHERE char_length(part) >= 3
        ORDER BY similarity(lower(part), u.plain) DESC, lower(part)
        LIMIT 1) best
      -- A word found as written is kept.
      WHERE best.suggestion <> u.plain AND similarity(best.suggestion, u.plain) >= ${SUGGEST_THRESHOLD}`,
  );
  if (!rows.length) return [];
  const suggestion = replaceWords(parsed.terms, new Map(rows.map((r) => [r.word, r.suggestion])));
  return suggestion !== parsed.text ? [suggestion] : [];
}
