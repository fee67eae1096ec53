// Priority hints on <link>: React 18 passes the lowercase `fetchpriority` attribute through to
// the DOM as written (it knows the camel-cased `fetchPriority` only from React 19 on).
import "react";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface LinkHTMLAttributes<T> {
    fetchpriority?: "high" | "low" | "auto";
  }
}
