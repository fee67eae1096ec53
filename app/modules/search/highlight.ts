// A ts_headline result as plain segments, some marked: the page renders them as
// text and <mark> elements (React escapes the text), never as HTML.
export type Segment = { text: string; mark: boolean };

const START = "\uE000";
const END = "\uE001";
// Separators the index puts between Chinese characters (dropped again) and in place of ZWNJ (restored).
const CJK_SEPARATOR = /\uE003/g;
const ZWNJ_STAND_IN = /\uE002/g;

// The same ranges as query.ts and the migration.
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/**
 * The headline as segments. ts_headline marks every character of a Chinese
 * word wherever it occurs ("数" in "参数" for the word "数据集"): a marked run
 * of Chinese characters stays marked only when it holds one of `cjkTerms`.
 */
export function toSegments(headline: string | null | undefined, cjkTerms: string[] = []): Segment[] {
  if (!headline) return [];
  const text = headline.replace(CJK_SEPARATOR, "").replace(ZWNJ_STAND_IN, "\u200C");
  const segments: Segment[] = [];
  let mark = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === START) mark = true;
    else if (part === END) mark = false;
    else if (part) {
      const last = segments.at(-1);
      // Adjacent marks (the characters of one Chinese word) make one mark.
      if (last && last.mark === mark) last.text += part;
      else segments.push({ text: part, mark });
    }
  }
  for (const segment of segments) {
    if (segment.mark && CJK_CHAR.test(segment.text) && !cjkTerms.some((term) => segment.text.includes(term))) segment.mark = false;
  }
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.mark === segment.mark) last.text += segment.text;
    else merged.push({ ...segment });
  }
  segments.splice(0, segments.length, ...merged);
  // A fragment starts or ends mid-sentence: trim the blanks the headline left.
  if (segments[0] && !segments[0].mark) segments[0].text = segments[0].text.trimStart();
  const last = segments.at(-1);
  if (last && !last.mark) last.text = last.text.trimEnd();
  return segments.filter((s) => s.text !== "");
}

export function hasMark(segments: Segment[]): boolean {
  return segments.some((s) => s.mark);
}

const SENTENCE_END = /[.!?。！？؟।…:;)"”»]$/u;

/** A snippet that stops mid-sentence ends with an ellipsis. */
export function withEllipsis(segments: Segment[]): Segment[] {
  const last = segments.at(-1);
  if (!last || SENTENCE_END.test(last.text)) return segments;
  return [...segments, { text: "…", mark: false }];
}
