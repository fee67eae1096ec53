// The kernel against a real database, through both document types: a stale
// save never overwrites what another drafter saved. It is refused with a merge
// (every case: sections changed on one side or both, the same change on both,
// added, removed, moved, the title), the review's choices are required and
// applied, and the history keeps both contributions.
import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor, strategyFields } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { FieldError, StaleVersionError } from "~/utils/errors";
import { createProposal, getVersionText, listVersions, saveVersion } from "~/modules/proposal/proposal.server";
import { createStrategy, getVersionText as strategyText, saveVersion as saveStrategyVersion } from "~/modules/strategy/strategy.server";
import { DocumentStaleError, reviewOf, type StaleSave } from "./document.server";

const SECTIONS = [
  { heading: "Principles", body: "States keep control of public AI infrastructure." },
  { heading: "Financing", body: "Each member pays its share." },
  { heading: "Review", body: "The text is reviewed every two years." },
];

/** A proposal with two drafters of the lead delegation, and its section keys. */
async function twoDrafters(code: string) {
  const ana = await delegationActor(code);
  const ben = await actorFor(await createUser({ role: "DELEGATE", delegationId: ana.delegation!.id, name: "Ben" }));
  const proposal = await createProposal({ actor: ana, title: "Shared compute", originalLanguage: "en", topics: ["DIGITAL_INFRASTRUCTURE"], sections: SECTIONS });
  const v1 = await getVersionText({ proposalId: proposal.id, number: 1, language: "en" });
  const [a, b, c] = v1.text.sections;
  return { ana, ben, proposal, a: a!, b: b!, c: c! };
}

async function staleOf(run: Promise<unknown>): Promise<StaleSave> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentStaleError);
  expect(error).toBeInstanceOf(StaleVersionError);
  return (error as DocumentStaleError).detail;
}

const bodies = async (proposalId: string, number: number) => (await getVersionText({ proposalId, number, language: "en" })).text.sections.map((s) => `${s.heading}: ${s.body}`);

describe("a stale save of a proposal", () => {
  it("is refused with a merge that keeps their change and yours; saving the merge keeps both, and the history shows both", async () => {
    const { ana, ben, proposal, a, b, c } = await twoDrafters("BR");
    await saveVersion({
      actor: ana,
      proposalId: proposal.id,
      baseVersion: 1,
      title: "Shared compute",
      changeNote: "Principles",
      sections: [{ ...a, body: "Ana's principles." }, b, c],
    });
    const stale = await staleOf(
      saveVersion({ actor: ben, proposalId: proposal.id, baseVersion: 1, title: "Shared compute", changeNote: "Financing", sections: [a, { ...b, body: "Ben's financing." }, c] }),
    );
    expect(stale).toMatchObject({ base: 1, current: 2, versions: [{ number: 2, authorName: ana.name, delegationCode: "BR", changeNote: "Principles" }] });
    expect(stale.merge.conflicts).toBe(0);
    const review = reviewOf(stale);
    expect(review.summary!.theirs).toEqual([{ kind: "section", name: "Principles", change: "changed" }]);
    expect(review.summary!.yours).toEqual([{ kind: "section", name: "Financing", change: "changed" }]);
    // Nothing was written by the refused save.
    expect(await prisma.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
    // The review form starts from the merge; saved on version 2, it keeps both changes.
    const draft = review.draft!;
    await saveVersion({ actor: ben, proposalId: proposal.id, baseVersion: 2, title: draft.fields.title!, changeNote: "Financing", sections: draft.sections });
    expect(await bodies(proposal.id, 3)).toEqual(["Principles: Ana's principles.", "Financing: Ben's financing.", "Review: The text is reviewed every two years."]);
    const history = await listVersions(proposal.id);
    expect(history.map((v) => [v.number, v.author.name, v.changeNote])).toEqual([
      [3, "Ben", "Financing"],
      [2, ana.name, "Principles"],
      [1, ana.name, ""],
    ]);
  });

  it("takes the same change made by both once, and merges additions, removals and moves from both sides", async () => {
    const { ana, ben, proposal, a, b, c } = await twoDrafters("IN");
    // Ana: same new wording of Principles, removes Review, adds Scope at the end.
    await saveVersion({
      actor: ana,
      proposalId: proposal.id,
      baseVersion: 1,
      title: "Shared compute",
      changeNote: "v2",
      sections: [{ ...a, body: "Agreed principles." }, b, { heading: "Scope", body: "Public-interest research." }],
    });
    // Ben: the same wording of Principles, moves Financing first, adds Definitions after Principles.
    const stale = await staleOf(
      saveVersion({
        actor: ben,
        proposalId: proposal.id,
        baseVersion: 1,
        title: "Shared compute",
        changeNote: "v2'",
        sections: [b, { ...a, body: "Agreed principles." }, { heading: "Definitions", body: "Compute means…" }, c],
      }),
    );
    expect(stale.merge.conflicts).toBe(0);
    const draft = stale.merge.draft;
    expect(draft.sections.map((s) => s.heading)).toEqual(["Financing", "Principles", "Definitions", "Scope"]);
    const summary = reviewOf(stale).summary!;
    expect(summary.same).toEqual([{ kind: "section", name: "Principles", change: "changed" }]);
    expect(summary.theirs).toEqual(
      expect.arrayContaining([
        { kind: "section", name: "Review", change: "removed" },
        { kind: "section", name: "Scope", change: "added" },
      ]),
    );
    expect(summary.yours).toEqual(expect.arrayContaining([{ kind: "section", name: "Definitions", change: "added" }]));
    await saveVersion({ actor: ben, proposalId: proposal.id, baseVersion: 2, title: "Shared compute", changeNote: "merged", sections: draft.sections });
    expect(await bodies(proposal.id, 3)).toEqual([
      "Financing: Each member pays its share.",
      "Principles: Agreed principles.",
      "Definitions: Compute means…",
      "Scope: Public-interest research.",
    ]);
  });

  it("makes a section both changed differently a conflict: refused until a choice is made, then the choice is saved", async () => {
    const { ana, ben, proposal, a, b, c } = await twoDrafters("ZA");
    await saveVersion({ actor: ana, proposalId: proposal.id, baseVersion: 1, title: "Compute for all", changeNote: "v2", sections: [{ ...a, body: "Ana's principles." }, b, c] });
    const stale = await staleOf(
      saveVersion({ actor: ben, proposalId: proposal.id, baseVersion: 1, title: "Compute for everyone", changeNote: "v2'", sections: [{ ...a, body: "Ben's principles." }, b, c] }),
    );
    expect(stale.merge.conflicts).toBe(2);
    const review = reviewOf(stale);
    expect(review.conflicts.fields).toEqual([expect.objectContaining({ name: "title", mine: "Compute for everyone", theirs: "Compute for all" })]);
    expect(review.conflicts.sections).toEqual([expect.objectContaining({ index: 0, kind: "bothChanged", mine: { heading: "Principles", body: "Ben's principles." } })]);
    expect(review.conflicts.sections[0]!.body.map((p) => p.kind)).toEqual(["removed", "added", "same"]);
    const draft = review.draft!;
    // Saving the review form without choosing is refused beside each conflict; nothing is written.
    const unresolved = await saveVersion({
      actor: ben,
      proposalId: proposal.id,
      baseVersion: 2,
      title: draft.fields.title!,
      changeNote: "merged",
      sections: draft.sections,
      fieldConflicts: draft.fieldConflicts as ["title"],
    }).catch((e: unknown) => e);
    expect(unresolved).toBeInstanceOf(FieldError);
    expect((unresolved as FieldError).fields).toEqual({ "fieldResolutions.title": ["documents:review.required"], "sections[0].resolution": ["documents:review.required"] });
    expect(await prisma.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
    // Their title, and a combined text for the section.
    await saveVersion({
      actor: ben,
      proposalId: proposal.id,
      baseVersion: 2,
      title: draft.fields.title!,
      changeNote: "merged",
      sections: [{ ...draft.sections[0]!, body: "Ana's and Ben's principles.", resolution: "edited" }, ...draft.sections.slice(1)],
      fieldConflicts: ["title"],
      fieldResolutions: { title: "current" },
    });
    const v3 = await getVersionText({ proposalId: proposal.id, number: 3, language: "en" });
    expect(v3.text.title).toBe("Compute for all");
    expect(v3.text.sections[0]!.body).toBe("Ana's and Ben's principles.");
  });

  it("offers a section they removed but you changed, and one you removed but they changed, and applies the choices", async () => {
    const { ana, ben, proposal, a, b, c } = await twoDrafters("EG");
    await saveVersion({ actor: ana, proposalId: proposal.id, baseVersion: 1, title: "Shared compute", changeNote: "v2", sections: [{ ...a, body: "Ana's principles." }, c] });
    const stale = await staleOf(
      saveVersion({ actor: ben, proposalId: proposal.id, baseVersion: 1, title: "Shared compute", changeNote: "v2'", sections: [{ ...b, body: "Ben's financing." }, c] }),
    );
    expect(stale.merge.draft.sections.map((s) => [s.key, s.conflict])).toEqual([
      [a.key, "youRemoved"],
      [b.key, "theyRemoved"],
      [c.key, undefined],
    ]);
    const [principles, financing, review] = stale.merge.draft.sections;
    await saveVersion({
      actor: ben,
      proposalId: proposal.id,
      baseVersion: 2,
      title: "Shared compute",
      changeNote: "merged",
      sections: [{ ...principles!, resolution: "current" }, { ...financing!, resolution: "edited" }, review!],
    });
    expect(await bodies(proposal.id, 3)).toEqual(["Principles: Ana's principles.", "Financing: Ben's financing.", "Review: The text is reviewed every two years."]);
  });
});

describe("a stale save of a strategy", () => {
  it("merges fields, dimensions and sections the same way, and says who saved in between", async () => {
    const ana = await delegationActor("CN");
    const ben = await actorFor(await createUser({ role: "DELEGATE", delegationId: ana.delegation!.id, name: "Ben" }));
    const strategy = await createStrategy({ actor: ana, originalLanguage: "en", ...strategyFields() });
    const v1 = await strategyText({ strategyId: strategy.id, number: 1, language: "en" });
    const [vision, data] = v1.text.sections;
    await saveStrategyVersion({
      actor: ana,
      strategyId: strategy.id,
      baseVersion: 1,
      changeNote: "Summary",
      ...strategyFields({ summary: "Ana's summary.", sections: [vision!, data!] }),
    });
    const stale = await staleOf(
      saveStrategyVersion({
        actor: ben,
        strategyId: strategy.id,
        baseVersion: 1,
        changeNote: "Governance",
        ...strategyFields({
          dimensions: ["DATA_OWNERSHIP", "DIGITAL_CAPABILITY", "DIGITAL_GOVERNANCE"],
          dimensionNotes: { ...strategyFields().dimensionNotes, DIGITAL_GOVERNANCE: "An AI council." },
          sections: [vision!, { ...data!, body: "Ben's data." }],
        }),
      }),
    );
    expect(stale.versions).toEqual([expect.objectContaining({ number: 2, authorName: ana.name, delegationCode: "CN" })]);
    expect(stale.merge.conflicts).toBe(0);
    const draft = stale.merge.draft;
    expect(draft.fields).toMatchObject({ summary: "Ana's summary.", "note-DIGITAL_GOVERNANCE": "An AI council." });
    expect(draft.sets.dimensions).toEqual(["DATA_OWNERSHIP", "DIGITAL_CAPABILITY", "DIGITAL_GOVERNANCE"]);
    const f = draft.fields;
    await saveStrategyVersion({
      actor: ben,
      strategyId: strategy.id,
      baseVersion: 2,
      changeNote: "Governance",
      title: f.title!,
      summary: f.summary!,
      issuingAuthority: f.issuingAuthority!,
      adoptedOn: f.adoptedOn || undefined,
      dimensions: draft.sets.dimensions as ["DATA_OWNERSHIP"],
      sectors: draft.sets.sectors!,
      dimensionNotes: { DATA_OWNERSHIP: f["note-DATA_OWNERSHIP"], DIGITAL_CAPABILITY: f["note-DIGITAL_CAPABILITY"], DIGITAL_GOVERNANCE: f["note-DIGITAL_GOVERNANCE"] },
      sections: draft.sections,
    });
    const v3 = await strategyText({ strategyId: strategy.id, number: 3, language: "en" });
    expect(v3.text.summary).toBe("Ana's summary.");
    expect(v3.text.sections.map((s) => s.body)).toEqual([vision!.body, "Ben's data."]);
    expect(v3.version.dimensions).toEqual(["DATA_OWNERSHIP", "DIGITAL_GOVERNANCE", "DIGITAL_CAPABILITY"]);
    expect(v3.text.dimensionNotes.DIGITAL_GOVERNANCE).toBe("An AI council.");
  });
});
