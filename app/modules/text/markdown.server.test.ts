// Markdown from delegations reaches other users' pages: nothing in it may become live markup,
// scripts or unsafe links, and bracketed passages are marked accessibly.
import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from "./markdown.server";

const ID = "0b6a3c1e-8f2d-4c5b-9a7e-1d2c3b4a5f60";
const OTHER_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
const REL = 'rel="nofollow noopener noreferrer"';

/** Every tag in the output, with its attributes, as written. */
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe("renderMarkdown: no HTML from the user becomes markup", () => {
  it.each([
    ["script", "<script>alert(1)</script>"],
    ["img onerror", '<img src="x" onerror="alert(1)">'],
    ["raw link", '<a href="javascript:alert(1)">x</a>'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["style attribute", '<div style="position:fixed">x</div>'],
    ["svg", "<svg onload=alert(1)>"],
    ["inline tag", "hello <b onclick=\"alert(1)\">bold</b> <span class='x'>s</span>"],
    ["comment", "<!-- hidden --> visible"],
  ])("%s comes out as text", (_name, source) => {
    const html = renderMarkdown(source);
    expect(tags(html).every((tag) => /^<\/?(p|br|h[3-6])>$/.test(tag))).toBe(true);
    expect(html).toContain("&lt;");
    expect(html).not.toMatch(/<(script|img|iframe|svg|div|b|span)\b/);
  });

  it("keeps a raw HTML block visible as the text that was typed", () => {
    expect(renderMarkdown("<div>\n<script>alert(1)</script>\n</div>")).toBe("<p>&lt;div&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/div&gt;</p>");
  });

  it("leaves entities as the characters they stand for, still escaped", () => {
    expect(renderMarkdown("&lt;script&gt; &amp; &copy; &#60;b&#62;")).toBe("<p>&lt;script&gt; &amp; © &lt;b&gt;</p>");
  });

  it("drops images", () => {
    expect(renderMarkdown("![alt](https://cdn.example/x.png)")).not.toContain("<img");
  });

  it("allows no style, on* or other attributes anywhere", () => {
    const html = renderMarkdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [ ] task\n\n```js\nlet x = 1;\n```");
    for (const tag of tags(html)) expect(tag).toMatch(/^<\/?[a-z0-9]+>$/);
  });
});

describe("renderMarkdown: links", () => {
  it.each([
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](//evil.example)",
    "[x](/\\evil.example)",
    "[x](relative/path)",
  ])("removes the href of %s", (source) => {
    const html = renderMarkdown(source);
    expect(html).toBe(`<p><a ${REL}>x</a></p>`);
  });

  it.each([
    ["[site](https://example.org/a?b=1&c=2)", "https://example.org/a?b=1&amp;c=2"],
    ["[site](http://example.org)", "http://example.org"],
    ["[mail](mailto:desk@example.org)", "mailto:desk@example.org"],
  ])("keeps %s, with rel", (source, href) => {
    expect(renderMarkdown(source)).toContain(`href="${href}" ${REL}`);
  });

  it("overrides any rel and links GFM autolinks safely", () => {
    const html = renderMarkdown("See https://example.org and desk@example.org.");
    expect(html).toContain(`<a href="https://example.org" ${REL}>https://example.org</a>`);
    expect(html).toContain(`<a href="mailto:desk@example.org" ${REL}>desk@example.org</a>`);
  });
});

describe("renderMarkdown: structure", () => {
  it("moves h1 and h2 down so user text never outranks the page", () => {
    expect(renderMarkdown("# One\n\n## Two\n\n### Three\n\n#### Four")).toBe("<h3>One</h3>\n<h4>Two</h4>\n<h3>Three</h3>\n<h4>Four</h4>");
  });

  it("renders GFM: emphasis, strikethrough, lists, quotes, code, tables", () => {
    const html = renderMarkdown("**b** *i* ~~d~~ `c<d`\n\n1. one\n\n> q\n\n---\n\n| a |\n|---|\n| 1 |");
    for (const tag of ["strong", "em", "del", "code", "ol", "li", "blockquote", "table", "thead", "tbody", "th", "td"]) {
      expect(html).toContain(`<${tag}>`);
    }
    expect(html).toContain("<hr />");
    expect(html).toContain("<code>c&lt;d</code>");
  });

  it("exports the form limit", () => {
    expect(MARKDOWN_MAX_LENGTH).toBe(20_000);
  });
});

describe("renderMarkdown: brackets", () => {
  const mark = (id: string, label: string, passage: string) => `<mark class="bracket" data-bracket="${id}"><span class="visually-hidden">${label}: </span>[${passage}]</mark>`;

  it("wraps the first occurrence of the passage, with the label for screen readers", () => {
    const html = renderMarkdown("Data may be shared. Data may be shared.", {
      brackets: [{ id: ID, passage: "may be shared", label: "Bracketed" }],
    });
    expect(html).toBe(`<p>Data ${mark(ID, "Bracketed", "may be shared")}. Data may be shared.</p>`);
  });

  it("renders the same text alike with, without and with other brackets (recent results are kept per input)", () => {
    const text = "Each state may share data. Each state may share data.";
    const plain = renderMarkdown(text);
    const marked = renderMarkdown(text, { brackets: [{ id: ID, passage: "may share", label: "Bracketed" }] });
    const relabelled = renderMarkdown(text, { brackets: [{ id: ID, passage: "may share", label: "Entre crochets" }] });
    expect(plain).toBe("<p>Each state may share data. Each state may share data.</p>");
    expect(marked).toBe(`<p>Each state ${mark(ID, "Bracketed", "may share")} data. Each state may share data.</p>`);
    expect(relabelled).toContain("Entre crochets: ");
    expect(renderMarkdown(text)).toBe(plain);
    expect(renderMarkdown(text, { brackets: [{ id: ID, passage: "may share", label: "Bracketed" }] })).toBe(marked);
  });

  it("marks a passage in Arabic", () => {
    const html = renderMarkdown("تلتزم الدول بحماية البيانات الشخصية.", {
      brackets: [{ id: ID, passage: "بحماية البيانات", label: "بين قوسين" }],
    });
    expect(html).toBe(`<p>تلتزم الدول ${mark(ID, "بين قوسين", "بحماية البيانات")} الشخصية.</p>`);
  });

  it("marks a passage in Chinese", () => {
    const html = renderMarkdown("各国应当保护个人数据。", {
      brackets: [{ id: ID, passage: "保护个人数据", label: "方括号" }],
    });
    expect(html).toBe(`<p>各国应当${mark(ID, "方括号", "保护个人数据")}。</p>`);
  });

  it("marks passages inside Markdown formatting and nested passages", () => {
    const html = renderMarkdown("The **parties shall** share data.", {
      brackets: [
        { id: ID, passage: "parties shall** share", label: "A" },
        { id: OTHER_ID, passage: "shall", label: "B" },
      ],
    });
    expect(html).toContain(`<mark class="bracket" data-bracket="${OTHER_ID}"><span class="visually-hidden">B: </span>[shall]</mark>`);
    expect(html).toContain(`data-bracket="${ID}"`);
    expect(html).toContain("<strong>");
  });

  it("ignores a missing passage, a bad id and an empty passage", () => {
    const source = "Nothing to mark here.";
    const html = renderMarkdown(source, {
      brackets: [
        { id: ID, passage: "absent", label: "A" },
        { id: '"><script>alert(1)</script>', passage: "Nothing", label: "B" },
        { id: OTHER_ID, passage: "", label: "C" },
      ],
    });
    expect(html).toBe(renderMarkdown(source));
  });

  it("escapes the label and the passage", () => {
    const html = renderMarkdown("Keep <script>alert(1)</script> out.", {
      brackets: [{ id: ID, passage: "<script>alert(1)</script>", label: '<script>alert("x")</script>' }],
    });
    expect(html).not.toContain("<script");
    expect(html).toContain('<span class="visually-hidden">&lt;script&gt;alert("x")&lt;/script&gt;: </span>');
    expect(html).toContain("[&lt;script&gt;alert(1)&lt;/script&gt;]</mark>");
  });

  it("keeps a link intact when a passage ends inside its URL", () => {
    const html = renderMarkdown("See https://example.org now", {
      brackets: [{ id: ID, passage: "See https://example.org", label: "A" }],
    });
    expect(html).toContain(`href="https://example.org"`);
    expect(html).toContain(`data-bracket="${ID}"`);
  });

  it("ignores private-use characters the user typed", () => {
    expect(renderMarkdown("a \uE001 b \uE000 c")).toBe("<p>a  b  c</p>");
  });
});
