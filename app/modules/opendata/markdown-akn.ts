// A section's Markdown as Akoma Ntoso blocks: paragraphs become <p>, lists
// <ul>/<ol> with <li>, tables <table>, strong and emphasis <b>/<i>, links <a>
// (only http, https and mailto), code <inline name="code">, line breaks <eol/>.
// Raw HTML in the source is kept as the text the author typed, as on the page.
import { Lexer, type Token, type Tokens } from "marked";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";

export const AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// Characters XML 1.0 cannot carry (user text refuses them already; belt and braces).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

/** marked leaves character references in text tokens; the XML writer escapes on its own. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const isSafeHref = (href: string) => URL.canParse(href) && SAFE_SCHEMES.has(new URL(href).protocol);

function inline(parent: XMLBuilder, tokens: Token[] | undefined): void {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        inline(parent.ele(AKN_NS, "b"), (token as Tokens.Strong).tokens);
        break;
      case "em":
        inline(parent.ele(AKN_NS, "i"), (token as Tokens.Em).tokens);
        break;
      case "del":
        inline(parent.ele(AKN_NS, "del"), (token as Tokens.Del).tokens);
        break;
      case "codespan":
        parent.ele(AKN_NS, "inline", { name: "code" }).txt(xmlText(decodeEntities((token as Tokens.Codespan).text)));
        break;
      case "br":
        parent.ele(AKN_NS, "eol");
        break;
      case "link": {
        const link = token as Tokens.Link;
        if (isSafeHref(link.href)) inline(parent.ele(AKN_NS, "a", { href: link.href }), link.tokens);
        else inline(parent, link.tokens);
        break;
      }
      case "image":
        parent.txt(xmlText((token as Tokens.Image).text));
        break;
      case "text": {
        const text = token as Tokens.Text;
        if (text.tokens?.length) inline(parent, text.tokens);
        else parent.txt(xmlText(decodeEntities(text.text)));
        break;
      }
      case "escape":
        parent.txt(xmlText((token as Tokens.Escape).text));
        break;
      case "html":
        parent.txt(xmlText((token as Tokens.HTML).text));
        break;
      default:
        if ("text" in token && typeof token.text === "string") parent.txt(xmlText(decodeEntities(token.text)));
    }
  }
}

function blocks(parent: XMLBuilder, tokens: Token[]): number {
  let written = 0;
  for (const token of tokens) {
    switch (token.type) {
      case "paragraph":
      case "heading":
        // Headings inside a section's text are emphasized paragraphs: the section has its own heading.
        if (token.type === "heading") inline(parent.ele(AKN_NS, "p", { class: "heading" }).ele(AKN_NS, "b"), (token as Tokens.Heading).tokens);
        else inline(parent.ele(AKN_NS, "p"), (token as Tokens.Paragraph).tokens);
        written++;
        break;
      case "text":
        // Text directly in a tight list item.
        inline(parent.ele(AKN_NS, "p"), (token as Tokens.Text).tokens ?? [{ type: "text", raw: token.raw, text: (token as Tokens.Text).text } as Token]);
        written++;
        break;
      case "list": {
        const list = token as Tokens.List;
        const element = parent.ele(AKN_NS, list.ordered ? "ol" : "ul");
        for (const item of list.items) {
          const li = element.ele(AKN_NS, "li");
          if (blocks(li, item.tokens) === 0) li.txt("");
        }
        written++;
        break;
      }
      case "blockquote": {
        const quote = token as Tokens.Blockquote;
        const container = parent.ele(AKN_NS, "blockContainer", { class: "quote" });
        if (blocks(container, quote.tokens) === 0) container.ele(AKN_NS, "p");
        written++;
        break;
      }
      case "code": {
        const p = parent.ele(AKN_NS, "p", { class: "code" });
        (token as Tokens.Code).text.split("\n").forEach((line, i) => {
          if (i > 0) p.ele(AKN_NS, "eol");
          p.ele(AKN_NS, "inline", { name: "code" }).txt(xmlText(line));
        });
        written++;
        break;
      }
      case "table": {
        const table = token as Tokens.Table;
        const element = parent.ele(AKN_NS, "table");
        const header = element.ele(AKN_NS, "tr");
        for (const cell of table.header) inline(header.ele(AKN_NS, "th").ele(AKN_NS, "p"), cell.tokens);
        for (const row of table.rows) {
          const tr = element.ele(AKN_NS, "tr");
          for (const cell of row) inline(tr.ele(AKN_NS, "td").ele(AKN_NS, "p"), cell.tokens);
        }
        written++;
        break;
      }
      case "html":
        parent.ele(AKN_NS, "p").txt(xmlText((token as Tokens.HTML).text.trim()));
        written++;
        break;
      default:
        // space, hr, definitions: nothing to write.
        break;
    }
  }
  return written;
}

/** Writes the Markdown `source` as blocks under `parent` (at least one, an empty <p> for an empty text). */
export function markdownToAkn(parent: XMLBuilder, source: string): void {
  const tokens = new Lexer({ gfm: true }).lex(source);
  if (blocks(parent, tokens) === 0) parent.ele(AKN_NS, "p");
}
