// /:lang/proposals/:slug/record.csv: the record of a proposal's closed vote, as CSV (members, like the proposal; ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_CONTENT_TYPE } from "~/modules/opendata/csv";
import { voteRecordCsv } from "~/modules/opendata/csv-exports.server";
import { documentResponse } from "~/modules/opendata/responses.server";
import { requireUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const { csv, filename } = await voteRecordCsv({ slug: params.slug ?? "", lang, viewer: user, publicOnly: false }).catch(throwAsResponse);
  return documentResponse(request, csv, { contentType: CSV_CONTENT_TYPE, filename, disposition: "attachment", cacheControl: "private, no-store" });
}
