// Proposals, their versions and comments: members-only, so only for a token
// with the `read` scope whose owner may read members-only content.
import { PROPOSAL_STATUSES, STANCES } from "~/modules/proposal/constants";
import { endpoint } from "./endpoint";
import { dateTime, DelegationRef, DsiDimension, LanguageCode, NoQuery, orNull, page, PageQuery, Section, Slug, TextKind, url } from "./common";
import { Sponsor, Title } from "./positions";
import { z } from "./zod";

export const ProposalSummary = z
  .object({
    slug: z.string(),
    status: z.enum(PROPOSAL_STATUSES),
    topics: z.array(DsiDimension),
    lead: DelegationRef,
    originalLanguage: LanguageCode,
    currentVersion: z.number().int(),
    titles: z.array(Title).openapi({ description: "Of the current version." }),
    consultationEndsAt: dateTime().nullable(),
    createdAt: dateTime(),
    lastActivityAt: dateTime(),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("ProposalSummary");

export const Proposal = ProposalSummary.extend({
  coDrafters: z.array(DelegationRef),
  withdrawnAt: dateTime().nullable(),
  versions: z
    .array(
      z.object({
        number: z.number().int(),
        createdAt: dateTime(),
        changeNote: z.string(),
        creditedDelegation: orNull(DelegationRef).openapi({ description: "The delegation whose accepted amendment this version is." }),
        apiUrl: url(),
      }),
    )
    .openapi({ description: "Newest first." }),
  commentsUrl: url(),
}).openapi("Proposal");

export const ProposalVersion = z
  .object({
    number: z.number().int(),
    createdAt: dateTime(),
    changeNote: z.string(),
    creditedDelegation: orNull(DelegationRef),
    sponsors: z.array(Sponsor).openapi({ description: "Co-sponsors of this version." }),
    texts: z
      .array(z.object({ language: LanguageCode, kind: TextKind, title: z.string(), sections: z.array(Section), aknUrl: url() }))
      .openapi({ description: "Every language version; the original first." }),
  })
  .openapi("ProposalVersion");

export const Comment = z
  .object({
    id: z.string().uuid(),
    versionNumber: z.number().int(),
    sectionKey: z.string(),
    parentId: z.string().uuid().nullable(),
    rootId: z.string().uuid().nullable(),
    depth: z.number().int(),
    author: z.object({ name: z.string() }),
    delegation: orNull(DelegationRef),
    body: z.string().nullable().openapi({ description: "Null when the secretariat hid the comment." }),
    stance: orNull(z.enum(STANCES)),
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    createdAt: dateTime(),
    editedAt: dateTime().nullable(),
  })
  .openapi("Comment");

const ProposalParams = z.object({ slug: Slug });

export const listProposals = endpoint({
  id: "listProposals",
  tag: "proposals",
  method: "get",
  path: "/proposals",
  auth: "read",
  params: z.object({}),
  query: PageQuery.extend({
    status: z.enum(PROPOSAL_STATUSES).optional(),
    lead: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional()
      .openapi({ description: "ISO 3166 code of the lead delegation." }),
    topic: DsiDimension.optional(),
  }),
  response: page(ProposalSummary, "ProposalPage"),
  paginated: true,
  errors: [403],
});

export const getProposal = endpoint({
  id: "getProposal",
  tag: "proposals",
  method: "get",
  path: "/proposals/{slug}",
  auth: "read",
  params: ProposalParams,
  query: NoQuery,
  response: Proposal,
  errors: [403, 404],
});

export const getProposalVersion = endpoint({
  id: "getProposalVersion",
  tag: "proposals",
  method: "get",
  path: "/proposals/{slug}/versions/{number}",
  auth: "read",
  params: ProposalParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000) }),
  query: NoQuery,
  response: ProposalVersion,
  errors: [403, 404],
});

export const listProposalComments = endpoint({
  id: "listProposalComments",
  tag: "proposals",
  method: "get",
  path: "/proposals/{slug}/comments",
  auth: "read",
  params: ProposalParams,
  query: PageQuery.extend({ section: z.string().min(1).max(200).optional().openapi({ description: "Only the comments on this section." }) }),
  response: page(Comment, "CommentPage"),
  paginated: true,
  errors: [403, 404],
});
