// Positions: the texts the member states adopted, public.
import { VOTE_RULES } from "~/modules/vote/constants";
import { endpoint } from "./endpoint";
import { dateTime, DelegationRef, DsiDimension, LanguageCode, NoQuery, orNull, page, PageQuery, Section, Slug, TextKind, url } from "./common";
import { z } from "./zod";

export const BALLOT_CHOICES = ["YES", "NO", "ABSTAIN", "OBJECT", "BREAK_SILENCE"] as const;
export const VOTE_OUTCOMES = ["ADOPTED", "REJECTED", "NO_QUORUM"] as const;

export const Title = z.object({ language: LanguageCode, kind: TextKind, title: z.string() }).openapi("Title");

export const Tally = z
  .object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), object: z.number().int(), breakSilence: z.number().int() })
  .openapi("Tally");

export const ClosedVote = z
  .object({
    id: z.string().uuid(),
    rule: z.enum(VOTE_RULES),
    quorumPercent: z.number().int(),
    versionNumber: z.number().int(),
    openedAt: dateTime(),
    closesAt: dateTime(),
    closedAt: dateTime(),
    outcome: z.enum(VOTE_OUTCOMES),
    eligibleCount: z.number().int(),
    tally: Tally,
  })
  .openapi("ClosedVote", { description: "A vote once closed: its rule, quorum, tally and outcome." });

export const Reservation = z.object({ sectionKey: z.string(), text: z.string() }).openapi("Reservation");

export const RecordedVote = z
  .object({
    delegation: DelegationRef,
    choice: orNull(z.enum(BALLOT_CHOICES)).openapi({ description: "Null when the delegation did not vote." }),
    explanation: z.string().nullable(),
    reservations: z.array(Reservation),
    receipt: z.string().nullable().openapi({ description: "SHA-256 receipt the delegation can check." }),
    castAt: dateTime().nullable(),
  })
  .openapi("RecordedVote");

export const Sponsor = z.object({ delegation: DelegationRef, joinedAt: dateTime() }).openapi("Sponsor");

export const PositionSummary = z
  .object({
    slug: z.string(),
    titles: z.array(Title),
    topics: z.array(DsiDimension),
    lead: DelegationRef,
    adoptedAt: dateTime(),
    rule: z.enum(VOTE_RULES),
    versionNumber: z.number().int(),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("PositionSummary");

export const PositionText = z
  .object({
    language: LanguageCode,
    kind: TextKind,
    title: z.string(),
    sections: z.array(Section),
    aknUrl: url().openapi({ description: "This language version as Akoma Ntoso 3.0 XML." }),
  })
  .openapi("PositionText");

export const Position = z
  .object({
    slug: z.string(),
    topics: z.array(DsiDimension),
    lead: DelegationRef,
    originalLanguage: LanguageCode,
    proposedAt: dateTime(),
    adoptedAt: dateTime(),
    sponsors: z.array(Sponsor),
    vote: ClosedVote,
    texts: z.array(PositionText).openapi({ description: "Every language version adopted; the original first." }),
    record: z.array(RecordedVote).openapi({ description: "Each eligible delegation's recorded vote." }),
    pageUrl: url(),
    recordCsvUrl: url(),
  })
  .openapi("Position");

export const listPositions = endpoint({
  id: "listPositions",
  tag: "positions",
  method: "get",
  path: "/positions",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({ topic: DsiDimension.optional() }),
  response: page(PositionSummary, "PositionPage"),
  paginated: true,
});

export const getPosition = endpoint({
  id: "getPosition",
  tag: "positions",
  method: "get",
  path: "/positions/{slug}",
  auth: "public",
  params: z.object({ slug: Slug }),
  query: NoQuery,
  response: Position,
  errors: [404],
});
