// GET /api/v1/datasets/{slug}: a dataset's metadata in every language, with its Croissant link (ADR 017).
import { getDataset } from "~/modules/api/contract/datasets";
import { getDatasetResource } from "~/modules/api/reads/datasets.server";
import { API_ROUTE_HANDLE, serve } from "~/modules/api/serve.server";

const route = serve(getDataset, ({ params, links }) => getDatasetResource({ slug: params.slug, links }));

export const loader = route.loader;
export const action = route.action;
export const handle = API_ROUTE_HANDLE;
