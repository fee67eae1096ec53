// GET /api/v1/datasets/{slug}/files: a dataset's files with checksums and known columns (ADR 017).
import { listDatasetFiles } from "~/modules/api/contract/datasets";
import { listDatasetFilesPage } from "~/modules/api/reads/datasets.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(listDatasetFiles, ({ params, query, links }) => listDatasetFilesPage({ slug: params.slug, ...query, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
