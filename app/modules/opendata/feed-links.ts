// `<link rel="alternate" type="application/atom+xml">` in the head of the
// pages whose lists have a feed, so that browsers and feed readers find it.
import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/meta";

export type FeedKind = "positions" | "strategies" | "evaluations";

/** The page's title and a link to each named feed in the page's language. */
export function metaWithFeeds(...kinds: FeedKind[]): MetaFunction {
  return (args) => {
    const lang = args.params.lang ?? "en";
    return [...titleMeta(args), ...kinds.map((kind) => ({ tagName: "link" as const, rel: "alternate", type: "application/atom+xml", href: `/${lang}/${kind}/feed.atom` }))];
  };
}
