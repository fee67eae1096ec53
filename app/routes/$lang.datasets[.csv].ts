// /:lang/datasets.csv: the dataset catalogue with the list's filters, as CSV (public; ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteOrigin } from "~/modules/api/links.server";
import { DatasetFilterSchema } from "~/modules/dataset/schemas";
import { CSV_CONTENT_TYPE } from "~/modules/opendata/csv";
import { datasetCatalogueCsv } from "~/modules/opendata/csv-exports.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const filters = DatasetFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { csv, filename } = await datasetCatalogueCsv({ lang, origin: siteOrigin(request), ...filters });
  return documentResponse(request, csv, { contentType: CSV_CONTENT_TYPE, filename, disposition: "attachment" });
}
