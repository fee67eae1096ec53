import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, nonceSource, sealInlineScripts } from "./csp.server";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("the CSP of a public page", () => {
  it("names by hash only the inline scripts the app wrote with the render's nonce, and removes the nonce", () => {
    const nonce = "c2VjcmV0LW5vbmNl";
    const own = 'window.__remixContext = {"title":"Données \\u003cb\\u003e"};';
    const module = 'import "/build/entry.client-ABC.js";';
    const html =
      `<html><head><link rel="modulepreload" href="/build/a.js" nonce="${nonce}"/></head><body>` +
      `<p>Comment</p><script>alert("injected past the sanitizer")</script>` +
      `<script nonce="${nonce}">${own}</script><script type="module" async="" nonce="${nonce}">${module}</script>` +
      `<script src="/build/b.js" nonce="${nonce}"></script></body></html>`;
    const sealed = sealInlineScripts(html, nonce);
    expect(sealed.scriptHashes).toEqual([sha(own), sha(module)]);
    expect(sealed.scriptHashes).not.toContain(sha('alert("injected past the sanitizer")'));
    expect(sealed.html).not.toContain(nonce);
    expect(sealed.html).toContain(`<script>${own}</script>`);
    expect(sealed.html).toContain('<script type="module" async="">');
  });

  it("keeps the rest of the policy the same with hashes as with a nonce", () => {
    const withNonce = contentSecurityPolicy({ scriptSources: [nonceSource("abc")], https: true });
    const withHashes = contentSecurityPolicy({ scriptSources: [sha("x")], https: true });
    expect(withNonce).toBe(withHashes.replace(sha("x"), "'nonce-abc'"));
    expect(withHashes).toContain("frame-ancestors 'none'");
    expect(withHashes).toContain("upgrade-insecure-requests");
    expect(withHashes).not.toContain("unsafe-inline");
  });
});
