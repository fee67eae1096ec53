// The route-matching cache (patches/@remix-run+router, ADR 019): matching finds
// the same routes with the same ranking as before, and the cache is in effect
// on the server (a patch silently dropped by an upgrade is noticed here).
import { matchRoutes, matchPath } from "@remix-run/router";
import { describe, expect, it } from "vitest";

function tree() {
  return [
    {
      id: "root",
      path: "",
      children: [
        {
          id: "lang",
          path: ":lang",
          children: [
            { id: "home", index: true },
            { id: "proposals", path: "proposals" },
            { id: "proposal-new", path: "proposals/new" },
            { id: "proposal", path: "proposals/:slug" },
            { id: "splat", path: "*" },
          ],
        },
        { id: "healthz", path: "healthz" },
      ],
    },
  ];
}

const ids = (m: ReturnType<typeof matchRoutes>) => m?.map((x) => x.route.id).join(">");

describe("route matching with the server cache", () => {
  it("ranks static segments above dynamic ones and splats last, the same on every call", () => {
    const routes = tree();
    for (let i = 0; i < 3; i++) {
      expect(ids(matchRoutes(routes, "/en/proposals/new"))).toBe("root>lang>proposal-new");
      expect(ids(matchRoutes(routes, "/fa/proposals/data-flows"))).toBe("root>lang>proposal");
      expect(matchRoutes(routes, "/fa/proposals/data-flows")?.at(-1)?.params).toEqual({ lang: "fa", slug: "data-flows" });
      expect(ids(matchRoutes(routes, "/zh"))).toBe("root>lang>home");
      expect(ids(matchRoutes(routes, "/healthz"))).toBe("root>healthz");
      expect(ids(matchRoutes(routes, "/en/no/such/page"))).toBe("root>lang>splat");
    }
  });

  it("keeps a tree's ranked branches: a tree is read once on the server", () => {
    const routes = tree();
    expect(ids(matchRoutes(routes, "/healthz"))).toBe("root>healthz");
    // Mutating a tree after its first match is not seen (no server code does it).
    routes[0].children[0].children!.push({ id: "late", path: "late" } as never);
    expect(ids(matchRoutes(routes, "/en/late"))).toBe("root>lang>splat");
    // A new tree is matched afresh.
    const fresh = tree();
    fresh[0].children[0].children!.push({ id: "late", path: "late" } as never);
    expect(ids(matchRoutes(fresh, "/en/late"))).toBe("root>lang>late");
  });

  it("compiled patterns give fresh params each time", () => {
    const a = matchPath("/:lang/proposals/:slug", "/en/proposals/a");
    const b = matchPath("/:lang/proposals/:slug", "/ar/proposals/b");
    expect(a?.params).toEqual({ lang: "en", slug: "a" });
    expect(b?.params).toEqual({ lang: "ar", slug: "b" });
  });
});
