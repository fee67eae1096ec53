// Akoma Ntoso exports validated against the official schema: every demo
// position in every language version it was adopted in, and a document that
// uses every kind of Markdown and metadata the export writes.
import { beforeAll, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { seedDemoIfEmpty } from "../../../prisma/seed";
import { validateAkn } from "../../../test/akn";
import { prisma } from "~/utils/db.server";
import { aknLabels, buildAkomaNtoso, exportAkn } from "./akn.server";
import type { TextDocument } from "~/modules/position/document.server";

beforeAll(async () => {
  await seedDemoIfEmpty();
}, 120_000);

type Node = Record<string, unknown>;
const parse = (xml: string) => create(xml).end({ format: "object" }) as Node;

describe("Akoma Ntoso of positions", () => {
  it("validates for every demo position in every adopted language version", async () => {
    const positions = await prisma.proposal.findMany({ where: { status: "ADOPTED" }, select: { slug: true } });
    expect(positions.length).toBeGreaterThan(0);
    const documents: { name: string; xml: string }[] = [];
    for (const { slug } of positions) {
      const first = await exportAkn({ slug, language: "en" });
      for (const { language } of first.languages) {
        const akn = await exportAkn({ slug, language });
        expect(akn.language).toBe(language);
        documents.push({ name: `${slug}.${language}.xml`, xml: akn.xml });
      }
    }
    // At least one position exists in more than one language, so translations are exercised.
    expect(new Set(documents.map((d) => d.name.split(".")[0])).size).toBeLessThan(documents.length);
    const errors = await validateAkn(documents);
    expect(Object.values(errors).flat()).toEqual([]);
  }, 120_000);

  it("writes the sections, the reservations as footnotes and the vote in the metadata", async () => {
    const withReservation = await prisma.ballot.findFirstOrThrow({
      where: { reservations: { not: [] }, vote: { outcome: "ADOPTED" } },
      select: { reservations: true, delegation: { select: { code: true } }, vote: { select: { proposal: { select: { slug: true } }, tallyYes: true } } },
    });
    const akn = await exportAkn({ slug: withReservation.vote.proposal.slug, language: "en" });
    const xml = akn.xml;
    expect(xml).toContain('<statement name="position">');
    expect(xml).toMatch(/<section eId="sec_1" wId="sec_[^"]+">\s*<num>1\.<\/num>\s*<heading eId="sec_1__heading">/);
    const reservation = (withReservation.reservations as { text: string }[])[0]!;
    expect(xml).toContain(`placement="bottom"`);
    expect(xml).toContain(reservation.text.slice(0, 20).replaceAll("&", "&amp;"));
    expect(xml).toMatch(/<step date="[^"]+" by="#concord" refersTo="#voteClosed" outcome="#outcome_adopted"\/>/);
    expect(xml).toContain(`yes="${withReservation.vote.tallyYes}"`);
    expect(xml).toContain(`<concord:ballot delegation="${withReservation.delegation.code}"`);
  });

  it("refuses what is not a position", async () => {
    const draft = await prisma.proposal.findFirstOrThrow({ where: { status: "DRAFT" }, select: { slug: true } });
    await expect(exportAkn({ slug: draft.slug, language: "en" })).rejects.toMatchObject({ status: 404 });
    await expect(exportAkn({ slug: "no-such-position", language: "en" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("Akoma Ntoso of a document using everything", () => {
  const at = (s: string) => new Date(s);
  const doc: TextDocument = {
    proposal: {
      id: "p",
      slug: "complete-text",
      status: "ADOPTED",
      topics: ["DATA_OWNERSHIP", "DIGITAL_CAPABILITY"],
      originalLanguage: "fr",
      createdAt: at("2026-03-01T10:00:00Z"),
      leadCode: "BR",
    },
    version: { number: 3, createdAt: at("2026-04-02T09:00:00Z"), changeNote: "Amendment of India", creditedCode: "IN" },
    texts: [
      {
        language: "fr",
        kind: "ORIGINAL",
        title: "Texte complet & « exact »",
        createdAt: at("2026-04-02T09:00:00Z"),
        sections: [
          {
            key: "objet",
            heading: "Objet <1>",
            body: "Un **gras**, un *italique*, du `code`, ~~barré~~, un [lien](https://example.org/a?b=1&c=2) et un [autre](javascript:alert(1)).\\\nLigne suivante &amp; entité.\n\n# Titre interne\n\n- un\n- deux\n  1. imbriqué\n\n> citation\n\n```\nligne 1\nligne 2\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>brut</b>\n\n---\n\n![image](https://example.org/i.png)",
          },
          { key: "vide", heading: "Vide", body: "" },
        ],
      },
      { language: "ar", kind: "OFFICIAL_TRANSLATION", title: "النص الكامل", createdAt: at("2026-04-05T09:00:00Z"), sections: [{ key: "objet", heading: "الموضوع", body: "نص." }] },
      {
        language: "zh",
        kind: "UNOFFICIAL_TRANSLATION",
        title: "完整文本",
        createdAt: at("2026-04-06T09:00:00Z"),
        sections: [
          { key: "objet", heading: "目的", body: "文本。" },
          { key: "vide", heading: "空", body: "" },
        ],
      },
    ],
    sponsors: [
      { code: "IN", joinedAt: at("2026-04-03T09:00:00Z") },
      { code: "ZA", joinedAt: at("2026-04-04T09:00:00Z") },
    ],
    vote: {
      id: "v",
      rule: "CONSENSUS",
      quorumPercent: 50,
      versionNumber: 3,
      openedAt: at("2026-04-10T09:00:00Z"),
      closesAt: at("2026-04-20T09:00:00Z"),
      closedAt: at("2026-04-20T09:00:00Z"),
      outcome: "ADOPTED",
      eligibleCount: 3,
      openedByChair: true,
      tally: { yes: 2, no: 0, abstain: 1, object: 0, breakSilence: 0 },
    },
    record: [
      { delegationCode: "BR", choice: "YES", explanation: "Nous soutenons.", reservations: [], receipt: "a".repeat(64), castAt: at("2026-04-11T09:00:00Z") },
      {
        delegationCode: "CN",
        choice: "ABSTAIN",
        explanation: null,
        reservations: [
          { sectionKey: "objet", text: "Réserve sur l’objet." },
          { sectionKey: "vide", text: "Réserve sur la section vide." },
        ],
        receipt: "b".repeat(64),
        castAt: at("2026-04-12T09:00:00Z"),
      },
      { delegationCode: "EG", choice: null, explanation: null, reservations: [], receipt: null, castAt: null },
    ],
  };

  it("validates in each language version, with translations pointing to the original", async () => {
    const documents = await Promise.all(
      doc.texts.map(async (t) => ({ name: `complete.${t.language}.xml`, xml: buildAkomaNtoso(doc, t.language, await aknLabels(doc, t.language)) })),
    );
    const errors = await validateAkn(documents);
    expect(Object.values(errors).flat()).toEqual([]);
    const fr = documents[0]!.xml;
    expect(fr).toContain("<b>gras</b>");
    expect(fr).toContain('<a href="https://example.org/a?b=1&amp;c=2">lien</a>');
    expect(fr).not.toContain("javascript:");
    expect(fr).toContain("Ligne suivante &amp; entité.");
    expect(fr).toContain("&lt;b&gt;brut&lt;/b&gt;");
    expect(fr).toContain('<FRBRuri value="/akn/concord/statement/2026-03-01/complete-text/fra@v3"/>');
    const ar = documents[1]!.xml;
    expect(ar).toContain('<FRBRlanguage language="ara"/>');
    expect(ar).toContain('<FRBRtranslation href="/akn/concord/statement/2026-03-01/complete-text/fra@v3" fromLanguage="fra" authoritative="true" by="#delegation_br"/>');
    // The Arabic version lacks the section "vide": its reservation is kept in the conclusions.
    expect(ar).toContain("<conclusions>");
    // The validator does refuse what the schema does not allow.
    const broken = await validateAkn([{ name: "broken.xml", xml: fr.replace(/<mainBody>[\s\S]*<\/mainBody>/, "") }]);
    expect(broken["broken.xml"]!.join("\n")).toMatch(/mainBody|conclusions|Missing child/);
    const zh = documents[2]!.xml;
    expect(zh).toContain('<FRBRauthoritative value="false"/>');
    const parsed = parse(zh);
    expect(JSON.stringify(parsed)).toContain("完整文本");
  });
});
