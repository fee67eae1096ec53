// /:lang/positions/:slug/record.csv: the record of the vote that adopted a position, as CSV (public; ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_CONTENT_TYPE } from "~/modules/opendata/csv";
import { voteRecordCsv } from "~/modules/opendata/csv-exports.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const { csv, filename } = await voteRecordCsv({ slug: params.slug ?? "", lang, viewer: null, publicOnly: true }).catch(throwAsResponse);
  return documentResponse(request, csv, { contentType: CSV_CONTENT_TYPE, filename, disposition: "attachment" });
}
