// The lm-eval results file of a submission, as it was submitted (same visibility as the submission).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getRunFile } from "~/modules/evaluation/run.server";
import { storedFileResponse } from "~/modules/storage/storage.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const file = await getRunFile({ viewer: user, runId: params.id! }).catch(throwAsResponse);
  return storedFileResponse(file).catch(throwAsResponse);
}
