// Every endpoint of the API, in the order the reference lists them. The
// OpenAPI document, the reference page and the contract tests all read this.
import type { EndpointDef } from "./endpoint";
import { getDataset, listDatasetFiles, listDatasets } from "./datasets";
import { getEvaluation, getLeaderboard, getModel, listEvaluationResults, listEvaluations, listLeaderboards, listModels, submitEvaluation } from "./evaluations";
import { getMember, listMembers } from "./members";
import { getOpenApi } from "./meta";
import { getPosition, listPositions } from "./positions";
import { getProposal, getProposalVersion, listProposalComments, listProposals } from "./proposals";
import { getStrategy, getStrategyVersion, listStrategies } from "./strategies";
import { getVote, listVotes } from "./votes";

export const ENDPOINTS: EndpointDef[] = [
  listPositions,
  getPosition,
  listStrategies,
  getStrategy,
  getStrategyVersion,
  listMembers,
  getMember,
  listDatasets,
  getDataset,
  listDatasetFiles,
  listProposals,
  getProposal,
  getProposalVersion,
  listProposalComments,
  listVotes,
  getVote,
  listModels,
  getModel,
  listEvaluations,
  submitEvaluation,
  getEvaluation,
  listEvaluationResults,
  listLeaderboards,
  getLeaderboard,
  getOpenApi,
];
