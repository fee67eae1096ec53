// The JSON in a script element cannot end the element, whatever the text holds.
import { describe, expect, it } from "vitest";
import { jsonForScript } from "./json-ld";

describe("JSON-LD in a page", () => {
  it("escapes what could close the script element, and reads back the same", () => {
    const data = { name: "</script><script>alert(1)</script>", description: "line\u2028separator" };
    const text = jsonForScript(data);
    expect(text).not.toContain("</script");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual(data);
  });
});
