import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";

describe("safeRedirect keeps people on this site", () => {
  it.each([
    ["/en/proposals", "/en/proposals"],
    ["/en/proposals?page=2#x", "/en/proposals?page=2#x"],
    ["/pt/estrat%C3%A9gias", "/pt/estrat%C3%A9gias"],
    ["/en/../fr", "/fr"],
  ])("accepts %j", (target, expected) => expect(safeRedirect(target, "/fallback")).toBe(expected));

  it.each([
    ["//evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["/%09/evil.example"],
    ["/%0a/evil.example"],
    ["/%5cevil.example"],
    ["/%5Cevil.example"],
    ["/en\r\nX-Evil: 1"],
    ["https://evil.example/"],
    ["http:/evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [" /en"],
    [""],
    ["/\u0000"],
    ["/" + "a".repeat(5000)],
    [null],
    [42],
  ])("refuses %j", (target) => expect(safeRedirect(target, "/fallback")).toBe("/fallback"));
});
