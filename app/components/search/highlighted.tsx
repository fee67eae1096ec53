// Text with the words that matched a search marked: plain text and <mark>
// elements, never HTML from the database.
import { Fragment } from "react";
import type { Segment } from "~/modules/search/highlight";

export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>;
}
