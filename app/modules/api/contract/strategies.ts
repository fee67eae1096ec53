// Strategies: each delegation's sovereign-AI strategy, versioned and in
// several language versions. Public ones to anyone; members-only ones to a
// token whose owner may read them.
import { STRATEGY_STATUSES, STRATEGY_VISIBILITIES } from "~/modules/strategy/constants";
import { endpoint } from "./endpoint";
import { date, dateTime, DelegationRef, DsiDimension, LanguageCode, NoQuery, page, PageQuery, Section, Slug, TextKind, url } from "./common";
import { Title } from "./positions";
import { z } from "./zod";

export const StrategySummary = z
  .object({
    slug: z.string(),
    delegation: DelegationRef,
    status: z.enum(STRATEGY_STATUSES),
    visibility: z.enum(STRATEGY_VISIBILITIES),
    originalLanguage: LanguageCode,
    version: z.number().int().openapi({ description: "The version this caller reads: the published one, or a newer draft for its own delegation." }),
    titles: z.array(Title),
    dimensions: z.array(DsiDimension),
    sectors: z.array(z.string()),
    adoptedOn: date().nullable(),
    publishedAt: dateTime().nullable(),
    apiUrl: url(),
    pageUrl: url(),
  })
  .openapi("StrategySummary");

export const StrategyText = z
  .object({
    language: LanguageCode,
    kind: TextKind,
    title: z.string(),
    summary: z.string(),
    issuingAuthority: z.string(),
    sections: z.array(Section),
    dimensionNotes: z.array(z.object({ dimension: DsiDimension, summary: z.string() })).openapi({ description: "What the text says about each DSI dimension it covers." }),
  })
  .openapi("StrategyText");

export const StrategyVersion = z
  .object({
    number: z.number().int(),
    createdAt: dateTime(),
    changeNote: z.string(),
    adoptedOn: date().nullable(),
    dimensions: z.array(DsiDimension),
    sectors: z.array(z.string()),
    texts: z.array(StrategyText).openapi({ description: "Every language version; the original first." }),
  })
  .openapi("StrategyVersion");

export const Strategy = StrategySummary.extend({
  supersededAt: dateTime().nullable(),
  supersededBy: z.string().nullable().openapi({ description: "Slug of the strategy that replaced it, when the caller may read that one." }),
  versions: z
    .array(z.object({ number: z.number().int(), createdAt: dateTime(), changeNote: z.string(), languages: z.array(LanguageCode), apiUrl: url() }))
    .openapi({ description: "The versions this caller may read, newest first." }),
  current: StrategyVersion,
}).openapi("Strategy");

const StrategyParams = z.object({ slug: Slug });

export const listStrategies = endpoint({
  id: "listStrategies",
  tag: "strategies",
  method: "get",
  path: "/strategies",
  auth: "public",
  params: z.object({}),
  query: PageQuery.extend({
    delegation: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional()
      .openapi({ description: "ISO 3166 code of the delegation." }),
    status: z.enum(STRATEGY_STATUSES).optional(),
    dimension: DsiDimension.optional(),
  }),
  response: page(StrategySummary, "StrategyPage"),
  paginated: true,
});

export const getStrategy = endpoint({
  id: "getStrategy",
  tag: "strategies",
  method: "get",
  path: "/strategies/{slug}",
  auth: "public",
  params: StrategyParams,
  query: NoQuery,
  response: Strategy,
  errors: [404],
});

export const getStrategyVersion = endpoint({
  id: "getStrategyVersion",
  tag: "strategies",
  method: "get",
  path: "/strategies/{slug}/versions/{number}",
  auth: "public",
  params: StrategyParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000) }),
  query: NoQuery,
  response: StrategyVersion,
  errors: [404],
});
