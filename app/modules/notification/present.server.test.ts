// Every kind of notice reads as a full sentence in every language: no raw key,
// no missing plural form, the object's name placed in the sentence.
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { EVENT_KINDS, SECURITY_KINDS } from "./categories";
import { presentNotices, type NoticeRow } from "./present.server";

const data = {
  closesAt: "2026-12-24T18:00:00.000Z",
  endsAt: "2026-12-24T18:00:00.000Z",
  previous: "2026-12-20T18:00:00.000Z",
  hours: 2,
  count: 3,
  delegation: "BR",
  outcome: "ADOPTED",
  resolution: "KEPT",
  name: "Ana",
  filename: "a.csv",
  sectionKey: "s-1",
  runId: "r",
};

const rows: NoticeRow[] = [...Object.keys(EVENT_KINDS), ...SECURITY_KINDS].map((kind, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  kind,
  category: kind.startsWith("security.") ? "security" : EVENT_KINDS[kind as keyof typeof EVENT_KINDS],
  objectType: kind.startsWith("security.") ? null : "proposal",
  objectId: kind.startsWith("security.") ? null : "00000000-0000-4000-8000-ffffffffffff",
  proposalId: null,
  data,
  createdAt: new Date(),
  readAt: null,
}));

describe.each(LANGUAGE_CODES)("notices in %s", (lang) => {
  it("are sentences, with the object's name in them", async () => {
    const presented = await presentNotices(rows, { lang, timeZone: "Asia/Kolkata" });
    for (const p of presented) {
      expect(p.text, p.kind).not.toMatch(/^kinds\./);
      expect(p.text, p.kind).not.toContain("{{");
      if (!p.kind.startsWith("security.")) expect(p.title, p.kind).not.toBeNull();
    }
  });
});
