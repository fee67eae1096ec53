// A benchmark (task or group, metric, filter) has one leaderboard per task
// version and n-shot: its address opens the one with most models the reader
// may see, keeping the filters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { defaultLeaderboardOf } from "~/modules/evaluation/leaderboard.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const board = await defaultLeaderboardOf({ viewer: user, benchmarkId: params.id! });
  if (!board) throwAsResponse(notFound());
  return redirect(`/${lang}/evaluations/leaderboards/${board}${new URL(request.url).search}`);
}
