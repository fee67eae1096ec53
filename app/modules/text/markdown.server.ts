import { LRUCache } from "lru-cache";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** The longest Markdown text a form accepts. */
export const MARKDOWN_MAX_LENGTH = 20_000;

/** A passage a delegation has put in square brackets (disputed text); `label` is already translated. */
export type BracketMark = { id: string; passage: string; label: string };

const BRACKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Brackets travel through marked as private-use characters: CLOSE ends any bracket and
// OPEN_BASE + i opens brackets[i]. The whole range is stripped from user text first.
const CLOSE = "\uE000";
const OPEN_BASE = 0xe001;
const MAX_BRACKETS = 0x3ff;
const SENTINELS = /[\uE000-\uE3FF]/g;
const stripSentinels = (text: string) => text.replace(SENTINELS, "");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const markdown = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in the source is shown as the text the user typed, never as markup.
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text)),
  },
  walkTokens(token) {
    // marked percent-encodes hrefs, which would hide sentinels from sentinelsToMarks.
    if (token.type === "link") token.href = stripSentinels(token.href);
  },
});

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const REL = "nofollow noopener noreferrer";

// Only absolute URLs with a safe scheme: this also rules out "//host" and "/\host" tricks.
const isSafeHref = (href: string) => URL.canParse(href) && SAFE_SCHEMES.has(new URL(href).protocol);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "mark",
    "span",
  ],
  allowedAttributes: { a: ["href", "rel"], mark: ["class", "data-bracket"], span: ["class"] },
  allowedClasses: { mark: ["bracket"], span: ["visually-hidden"] },
  allowedSchemes: [...SAFE_SCHEMES].map((scheme) => scheme.slice(0, -1)),
  allowProtocolRelative: false,
  transformTags: {
    // User text never outranks the page's own h1/h2.
    h1: "h3",
    h2: "h4",
    a: (tagName, { href }): sanitizeHtml.Tag => ({
      tagName,
      attribs: isSafeHref(href) ? { href, rel: REL } : { rel: REL },
    }),
  },
};

// Rendering is a pure function of its input, and texts are read far more often than
// written (a page of threads renders dozens of comments on every request): recent
// results are kept, bounded by their total size (ADR 019).
const RENDER_CACHE_CHARS = 8_000_000;
const rendered = new LRUCache<string, string>({
  maxSize: RENDER_CACHE_CHARS,
  sizeCalculation: (html, key) => html.length + key.length,
});

/** Markdown (GFM, no raw HTML) to sanitized HTML, with the first occurrence of each bracket's passage marked. */
export function renderMarkdown(source: string, options: { brackets?: BracketMark[] } = {}): string {
  const brackets = (options.brackets ?? []).filter((bracket) => BRACKET_ID.test(bracket.id) && bracket.passage !== "").slice(0, MAX_BRACKETS);
  const key = brackets.length ? `${source}\u0000${JSON.stringify(brackets.map((b) => [b.id, b.passage, b.label]))}` : source;
  const known = rendered.get(key);
  if (known !== undefined) return known;
  const text = insertSentinels(stripSentinels(source), brackets);
  const html = sanitizeHtml(sentinelsToMarks(markdown.parse(text, { async: false }), brackets), SANITIZE).trim();
  if (key.length < RENDER_CACHE_CHARS / 100) rendered.set(key, html);
  return html;
}

function insertSentinels(source: string, brackets: BracketMark[]): string {
  const spans: { start: number; end: number; index: number }[] = [];
  brackets.forEach(({ passage }, index) => {
    const start = source.indexOf(passage);
    if (start < 0) return;
    const end = start + passage.length;
    // Marks must nest: a passage that partly overlaps an earlier one stays unmarked.
    const crosses = spans.some((s) => (s.start < start && start < s.end && s.end < end) || (start < s.start && s.start < end && end < s.end));
    if (!crosses) spans.push({ start, end, index });
  });
  const events = spans.flatMap(({ start, end, index }) => [
    { at: start, text: String.fromCharCode(OPEN_BASE + index), length: end - start },
    { at: end, text: CLOSE, length: 0 },
  ]);
  // At one position: closes first, then the longer (outer) passage opens before the shorter.
  events.sort((a, b) => a.at - b.at || (a.text === CLOSE ? -1 : b.text === CLOSE ? 1 : b.length - a.length));
  let result = "";
  let from = 0;
  for (const event of events) {
    result += source.slice(from, event.at) + event.text;
    from = event.at;
  }
  return result + source.slice(from);
}

function sentinelsToMarks(html: string, brackets: BracketMark[]): string {
  let open = 0;
  // marked escapes "<" and ">" in text and attribute values, so this split finds exactly its tags.
  // Sentinels that landed inside a tag (a title, a code language) are dropped.
  return html
    .split(/(<[^>]*>)/)
    .map((piece, i) =>
      i % 2 === 1
        ? stripSentinels(piece)
        : piece.replace(SENTINELS, (sentinel) => {
            if (sentinel === CLOSE) {
              if (open === 0) return "";
              open--;
              return "]</mark>";
            }
            open++;
            const { id, label } = brackets[sentinel.charCodeAt(0) - OPEN_BASE];
            const hiddenLabel = `<span class="visually-hidden">${escapeHtml(label)}: </span>`;
            return `<mark class="bracket" data-bracket="${escapeHtml(id)}">${hiddenLabel}[`;
          }),
    )
    .join("");
}
