// The Content-Security-Policy, written in one place (ADR 004, ADR 018).
//
// Pages rendered for one request allow their inline scripts by a fresh nonce. A public page
// that a shared cache keeps is sent to many people, so a nonce in it would be the same for
// all of them for as long as it is cached, and readable by anyone: such pages instead allow
// exactly their own inline scripts by SHA-256 hash, computed from the HTML that is sent
// and cached with it (the hash-based strict CSP recommended for cached pages; ADR 018).
import { createHash } from "node:crypto";

export function contentSecurityPolicy({ scriptSources, https }: { scriptSources: string[]; https: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", ...scriptSources],
    ["style-src", "'self'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join(";");
}

export function nonceSource(nonce: string): string {
  return `'nonce-${nonce}'`;
}

// Inline scripts as React writes them: `<script …>text</script>`, the text never holding `</script`
// (React writes attribute values escaped, Remix escapes `<` in the data it inlines).
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/**
 * A page made public: the page rendered with this request's nonce, which was never sent.
 * Only the inline scripts that carry it — the ones the app's own code wrote — are named by
 * hash; a script that got into the page any other way (user content past the sanitizer)
 * has no nonce, so no hash, and the browser refuses it as the nonce policy would. The
 * nonce is then removed, so the page is the same for everyone.
 */
export function sealInlineScripts(html: string, nonce: string): { html: string; scriptHashes: string[] } {
  const marker = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (!attributes.includes(marker) || /\ssrc\s*=/i.test(attributes) || text.length === 0) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return { html: html.replaceAll(marker, ""), scriptHashes: [...hashes] };
}
