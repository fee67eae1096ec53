// Calling the API's routes as the HTTP server does, and checking answers
// against the published OpenAPI document (not against the zod schemas it is
// generated from: what clients read is what is tested).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_BASE_PATH } from "~/modules/api/constants";
import { ENDPOINTS } from "~/modules/api/contract/endpoints";
import { openApiDocument } from "~/modules/api/openapi.server";
import * as datasetFiles from "~/routes/api.v1.datasets.$slug.files";
import * as datasetOne from "~/routes/api.v1.datasets.$slug._index";
import * as datasetList from "~/routes/api.v1.datasets._index";
import * as memberOne from "~/routes/api.v1.members.$code";
import * as memberList from "~/routes/api.v1.members._index";
import * as openapi from "~/routes/api.v1.openapi[.json]";
import * as positionOne from "~/routes/api.v1.positions.$slug";
import * as positionList from "~/routes/api.v1.positions._index";
import * as proposalComments from "~/routes/api.v1.proposals.$slug.comments";
import * as proposalVersion from "~/routes/api.v1.proposals.$slug.versions.$number";
import * as proposalOne from "~/routes/api.v1.proposals.$slug._index";
import * as proposalList from "~/routes/api.v1.proposals._index";
import * as strategyVersion from "~/routes/api.v1.strategies.$slug.versions.$number";
import * as strategyOne from "~/routes/api.v1.strategies.$slug._index";
import * as strategyList from "~/routes/api.v1.strategies._index";
import * as voteOne from "~/routes/api.v1.votes.$id";
import * as voteList from "~/routes/api.v1.votes._index";
import * as fallback from "~/routes/api.$";
import * as modelList from "~/routes/api.v1.models._index";
import * as modelOne from "~/routes/api.v1.models.$slug";
import * as evaluations from "~/routes/api.v1.evaluations._index";
import * as evaluationOne from "~/routes/api.v1.evaluations.$id._index";
import * as evaluationResults from "~/routes/api.v1.evaluations.$id.results";
import * as leaderboardList from "~/routes/api.v1.leaderboards._index";
import * as leaderboardOne from "~/routes/api.v1.leaderboards.$id";
import { loadContext, ORIGIN } from "./http";

type RouteModule = {
  loader: (args: LoaderFunctionArgs) => Promise<Response> | Response;
  action: (args: ActionFunctionArgs) => Promise<Response> | Response;
};

/** The route module serving each endpoint (a route file per path). */
export const API_ROUTES: Record<string, RouteModule> = {
  listPositions: positionList,
  getPosition: positionOne,
  listStrategies: strategyList,
  getStrategy: strategyOne,
  getStrategyVersion: strategyVersion,
  listMembers: memberList,
  getMember: memberOne,
  listDatasets: datasetList,
  getDataset: datasetOne,
  listDatasetFiles: datasetFiles,
  listProposals: proposalList,
  getProposal: proposalOne,
  getProposalVersion: proposalVersion,
  listProposalComments: proposalComments,
  listVotes: voteList,
  getVote: voteOne,
  listModels: modelList,
  getModel: modelOne,
  listEvaluations: evaluations,
  submitEvaluation: evaluations,
  getEvaluation: evaluationOne,
  listEvaluationResults: evaluationResults,
  listLeaderboards: leaderboardList,
  getLeaderboard: leaderboardOne,
  getOpenApi: openapi,
};

/** Which endpoint a concrete path is, with its path parameters, as Remix would match it. */
export function matchEndpoint(pathname: string, method = "GET"): { id: string; params: Record<string, string> } | null {
  const path = pathname.startsWith(API_BASE_PATH) ? pathname.slice(API_BASE_PATH.length) : pathname;
  const parts = path.split("/").filter(Boolean);
  const wanted = method === "POST" ? "post" : "get";
  // A path served for both methods answers the other one through the same route module.
  for (const def of [...ENDPOINTS].sort((a, b) => Number(b.method === wanted) - Number(a.method === wanted))) {
    const template = def.path.split("/").filter(Boolean);
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = template.every((segment, i) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name) {
        params[name] = decodeURIComponent(parts[i]!);
        return true;
      }
      return segment === parts[i];
    });
    if (fits) return { id: def.id, params };
  }
  return null;
}

export type ApiCall = { method?: string; token?: string; headers?: Record<string, string>; body?: BodyInit; clientIp?: string };

/** Calls the API at `path` (`/positions?limit=2`, under /api/v1) and returns its Response. */
export async function callApi(path: string, { method = "GET", token, headers = {}, body, clientIp }: ApiCall = {}): Promise<Response> {
  const url = new URL(`${ORIGIN}${API_BASE_PATH}${path}`);
  const request = new Request(url, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  const match = matchEndpoint(url.pathname, method);
  const module: RouteModule = match ? API_ROUTES[match.id]! : fallback;
  const args = { request, params: match?.params ?? {}, context: loadContext(clientIp) };
  return method === "GET" || method === "HEAD" ? module.loader(args) : module.action(args);
}

const pointer = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** Validators of answers against the OpenAPI document, by path template, method and status. */
export async function openApiValidator() {
  const document = JSON.parse(JSON.stringify(await openApiDocument(ORIGIN))) as { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "openapi.json");
  const cache = new Map<string, ValidateFunction>();
  return {
    document,
    /** The errors of `body` against the documented answer (empty when it conforms); throws when the answer is not documented. */
    check(id: string, status: number, body: unknown): string[] {
      const def = ENDPOINTS.find((e) => e.id === id)!;
      const operation = document.paths[def.path]?.[def.method];
      const response = operation?.responses[String(status)];
      if (!response) throw new Error(`${def.method.toUpperCase()} ${def.path} does not document status ${status}`);
      if (!response.content) return body === null || body === "" ? [] : ["a body where the document says none"];
      const key = `${id} ${status}`;
      let validate = cache.get(key);
      if (!validate) {
        validate = ajv.compile({ $ref: `openapi.json#/paths/${pointer(def.path)}/${def.method}/responses/${status}/content/application~1json/schema` });
        cache.set(key, validate);
      }
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    },
  };
}
