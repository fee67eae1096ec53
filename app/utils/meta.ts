import type { MetaFunction } from "@remix-run/node";

/** Every page's loader returns a translated `title`; this puts it in <title>. */
export const titleMeta: MetaFunction = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title ?? "Concord" }];
