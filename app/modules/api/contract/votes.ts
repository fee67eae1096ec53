// Closed votes with their full record: members-only, for a token with `read`
// (adopted texts are public as positions).
import { VOTE_RULES } from "~/modules/vote/constants";
import { endpoint } from "./endpoint";
import { NoQuery, page, PageQuery, url } from "./common";
import { ClosedVote, RecordedVote, VOTE_OUTCOMES } from "./positions";
import { z } from "./zod";

export const VoteSummary = ClosedVote.extend({
  proposal: z.object({ slug: z.string(), apiUrl: url() }),
  apiUrl: url(),
}).openapi("VoteSummary");

export const Vote = VoteSummary.extend({
  record: z.array(RecordedVote),
  recordCsvUrl: url(),
}).openapi("Vote");

export const listVotes = endpoint({
  id: "listVotes",
  tag: "votes",
  method: "get",
  path: "/votes",
  auth: "read",
  params: z.object({}),
  query: PageQuery.extend({ outcome: z.enum(VOTE_OUTCOMES).optional(), rule: z.enum(VOTE_RULES).optional() }),
  response: page(VoteSummary, "VotePage"),
  paginated: true,
  errors: [403],
});

export const getVote = endpoint({
  id: "getVote",
  tag: "votes",
  method: "get",
  path: "/votes/{id}",
  auth: "read",
  params: z.object({ id: z.string().uuid() }),
  query: NoQuery,
  response: Vote,
  errors: [403, 404],
});
