// GET /api/v1/datasets: the dataset catalogue, newest first (ADR 017).
import { listDatasets } from "~/modules/api/contract/datasets";
import { listDatasetsPage } from "~/modules/api/reads/datasets.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listDatasets, ({ query, links }) => listDatasetsPage({ ...query, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
