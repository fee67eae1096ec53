// /:lang/strategies/dsi/scores.csv: every published DSI self-assessment (or `?year=`'s), as CSV (public; ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_CONTENT_TYPE } from "~/modules/opendata/csv";
import { dsiScoresCsv } from "~/modules/opendata/csv-exports.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const year = Number(new URL(request.url).searchParams.get("year"));
  const { csv, filename } = await dsiScoresCsv({ lang, year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined });
  return documentResponse(request, csv, { contentType: CSV_CONTENT_TYPE, filename, disposition: "attachment" });
}
