// /:lang/evaluations/leaderboards/:id/results.csv: a leaderboard's ranking with the page's filters, as CSV (ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ResultFilterSchema } from "~/modules/evaluation/schemas";
import { CSV_CONTENT_TYPE } from "~/modules/opendata/csv";
import { leaderboardCsv } from "~/modules/opendata/csv-exports.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const filters = ResultFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { csv, filename } = await leaderboardCsv({ viewer: user, leaderboardId: params.id!, language: filters.language, family: filters.family }).catch(throwAsResponse);
  return documentResponse(request, csv, {
    contentType: CSV_CONTENT_TYPE,
    filename,
    disposition: "attachment",
    // What a signed-in member downloads may hold members-only results.
    cacheControl: user ? "private, no-store" : "public, max-age=0, must-revalidate",
  });
}
