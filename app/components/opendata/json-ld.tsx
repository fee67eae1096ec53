// Structured data in the page (<script type="application/ld+json">), carrying
// the request's CSP nonce like every script element. The JSON is escaped so
// that no text in it can close the element.
import { useRequestInfo } from "~/utils/request-info";

export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function JsonLd({ data }: { data: unknown }) {
  const { nonce } = useRequestInfo();
  // The browser hides a nonce from the DOM after load, so the client never sees the server's value.
  return <script type="application/ld+json" nonce={nonce || undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
