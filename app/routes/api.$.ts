// Any other path under /api: a JSON 404 (or 405), never an HTML page (ADR 017).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError } from "~/modules/api/errors";
import { API_ROUTE_HANDLE, errorResponse } from "~/modules/api/serve.server";

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  errorResponse(request, context.requestId, new ApiError(404, "not_found"), { "Access-Control-Allow-Origin": "*" });

export const action = ({ request, context }: ActionFunctionArgs) => errorResponse(request, context.requestId, new ApiError(404, "not_found"));

export const handle = API_ROUTE_HANDLE;
