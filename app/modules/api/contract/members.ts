// Members: the delegations (one per state) and their published Digital
// Sovereignty Index scores. Public.
import { DELEGATION_STATUSES } from "~/modules/delegation/constants";
import { endpoint } from "./endpoint";
import { dateTime, NoQuery, orNull, page, PageQuery, url } from "./common";
import { z } from "./zod";

const score = z.number().int().min(0).max(100);
export const DsiScores = z
  .object({ DATA_OWNERSHIP: score, DIGITAL_INFRASTRUCTURE: score, DIGITAL_GOVERNANCE: score, DIGITAL_CAPABILITY: score })
  .openapi("DsiScores", { description: "Each dimension's score, 0–100." });

export const DsiYear = z.object({ year: z.number().int(), publishedAt: dateTime(), scores: DsiScores }).openapi("DsiYear");

export const MemberSummary = z
  .object({
    code: z.string().length(2),
    name: z.string().openapi({ description: "In English (CLDR)." }),
    status: z.enum(DELEGATION_STATUSES).openapi({ description: "MEMBER (votes), PARTNER or OBSERVER." }),
    latestDsi: orNull(DsiYear).openapi({ description: "The most recent published DSI self-assessment." }),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("MemberSummary");

export const Member = MemberSummary.extend({
  dsi: z.array(DsiYear).openapi({ description: "Every published DSI self-assessment, oldest year first." }),
  strategiesUrl: url().openapi({ description: "The delegation's strategies in this API." }),
}).openapi("Member");

export const listMembers = endpoint({
  id: "listMembers",
  tag: "members",
  method: "get",
  path: "/members",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({ status: z.enum(DELEGATION_STATUSES).optional() }),
  response: page(MemberSummary, "MemberPage"),
  paginated: true,
});

export const getMember = endpoint({
  id: "getMember",
  tag: "members",
  method: "get",
  path: "/members/{code}",
  auth: "public",
  params: z.object({ code: z.string().regex(/^[A-Za-z]{2}$/) }),
  query: NoQuery,
  response: Member,
  errors: [404],
});
