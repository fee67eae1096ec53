// Proposals against a real database: versions, stale saves, permissions per
// role, consultation, amendments, brackets, co-sponsors, and the audit trail.
import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { addComment } from "~/modules/comment/comment.server";
import { acceptAmendment, listAmendments, proposeAmendment, rejectAmendment } from "./amendment.server";
import { listBrackets, openBracket, resolveBracket } from "./bracket.server";
import { createProposal, getVersionText, inviteCoDrafter, listProposals, openOrExtendConsultation, saveTranslation, saveVersion, withdrawProposal } from "./proposal.server";
import { setSponsorship } from "./sponsor.server";

const SECTIONS = [
  { heading: "Principles", body: "States retain sovereign control over public AI infrastructure." },
  { heading: "Data", body: "Training data of public interest stays under national jurisdiction." },
];

async function draft(code = "BR") {
  const lead = await delegationActor(code);
  const proposal = await createProposal({ actor: lead, title: "Sovereign AI infrastructure", originalLanguage: "en", topics: ["DIGITAL_INFRASTRUCTURE"], sections: SECTIONS });
  return { lead, proposal };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

describe("drafting", () => {
  it("creates version 1 led by the creator's delegation, audited", async () => {
    const { lead, proposal } = await draft("BR");
    expect(proposal.leadDelegationId).toBe(lead.delegation!.id);
    const view = await getVersionText({ proposalId: proposal.id, number: 1, language: "en" });
    expect(view.text.sections.map((s) => s.heading)).toEqual(["Principles", "Data"]);
    expect(await prisma.auditEvent.count({ where: { objectId: proposal.id, act: "proposal.created" } })).toBe(1);
  });

  it("is created only by drafters of member and partner delegations", async () => {
    for (const actor of [await delegationActor("IN", "EXPERT"), await delegationActor("LK", "DELEGATE", "OBSERVER"), await actorFor(await createUser({ role: "SECRETARIAT" }))]) {
      await expect(createProposal({ actor, title: "T", originalLanguage: "en", topics: ["DATA_OWNERSHIP"], sections: SECTIONS })).rejects.toMatchObject({ status: 403 });
    }
    const partner = await delegationActor("MY", "DELEGATE", "PARTNER");
    await expect(createProposal({ actor: partner, title: "Partner text", originalLanguage: "en", topics: ["DATA_OWNERSHIP"], sections: SECTIONS })).resolves.toBeTruthy();
  });

  it("refuses a save based on an older version, and lets exactly one of two concurrent saves win", async () => {
    const { lead, proposal } = await draft("CN");
    const colleague = await actorFor(await createUser({ role: "DELEGATE", delegationId: lead.delegation!.id }));
    const edit = (actor: typeof lead, body: string) =>
      saveVersion({ actor, proposalId: proposal.id, baseVersion: 1, title: "Sovereign AI infrastructure", changeNote: "edit", sections: [{ heading: "Principles", body }] });
    const results = await Promise.allSettled([edit(lead, "First wording."), edit(colleague, "Second wording.")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409, messageKey: "errors.staleVersion" });
    await expect(edit(lead, "Third wording.")).rejects.toMatchObject({ messageKey: "errors.staleVersion" });
    expect(await prisma.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
  });

  it("lets invited co-drafters edit, and no one else", async () => {
    const { lead, proposal } = await draft("ZA");
    const outsider = await delegationActor("EG");
    const save = (actor: typeof lead, base: number) => saveVersion({ actor, proposalId: proposal.id, baseVersion: base, title: "T", changeNote: "n", sections: SECTIONS });
    await expect(save(outsider, 1)).rejects.toMatchObject({ status: 403 });
    await inviteCoDrafter({ actor: lead, proposalId: proposal.id, delegationId: outsider.delegation!.id });
    await expect(save(outsider, 1)).resolves.toEqual({ number: 2 });
    await expect(inviteCoDrafter({ actor: outsider, proposalId: proposal.id, delegationId: outsider.delegation!.id })).rejects.toMatchObject({ status: 403 });
  });

  it("shows the reader's language when translated, else the original with the list of languages", async () => {
    const { lead, proposal } = await draft("IN");
    await saveTranslation({
      actor: lead,
      proposalId: proposal.id,
      version: 1,
      language: "hi",
      kind: "OFFICIAL_TRANSLATION",
      title: "संप्रभु एआई अवसंरचना",
      sections: (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections.map((s) => ({
        key: s.key,
        heading: `${s.heading} (hi)`,
        body: s.body,
      })),
    });
    const hi = await getVersionText({ proposalId: proposal.id, number: 1, language: "hi" });
    expect(hi.isFallback).toBe(false);
    expect(hi.text).toMatchObject({ language: "hi", kind: "OFFICIAL_TRANSLATION", title: "संप्रभु एआई अवसंरचना" });
    const fa = await getVersionText({ proposalId: proposal.id, number: 1, language: "fa" });
    expect(fa.isFallback).toBe(true);
    expect(fa.text.language).toBe("en");
    expect(fa.languages.map((l) => l.language).sort()).toEqual(["en", "hi"]);
    const listed = await listProposals({ page: 1, language: "hi" });
    expect(listed.items.map((i) => i.id)).toContain(proposal.id);
  });

  it("serializes two saves of the same translation: both answer, one text stays (no unique-index error)", async () => {
    const { lead, proposal } = await draft("BR");
    const keys = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections.map((s) => s.key);
    const save = (title: string) =>
      saveTranslation({
        actor: lead,
        proposalId: proposal.id,
        version: 1,
        language: "pt",
        kind: "UNOFFICIAL_TRANSLATION",
        title,
        sections: keys.map((key) => ({ key, heading: "Seção", body: title })),
      });
    const results = await Promise.allSettled([save("Primeira tradução"), save("Segunda tradução")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const texts = await prisma.proposalText.findMany({ where: { language: "pt", version: { proposalId: proposal.id } } });
    expect(texts).toHaveLength(1);
    expect(["Primeira tradução", "Segunda tradução"]).toContain(texts[0]!.title);
  });

  it("can be withdrawn by the lead before voting, and is then closed to edits", async () => {
    const { lead, proposal } = await draft("ET");
    await withdrawProposal({ actor: lead, proposalId: proposal.id });
    await expect(saveVersion({ actor: lead, proposalId: proposal.id, baseVersion: 1, title: "T", changeNote: "n", sections: SECTIONS })).rejects.toMatchObject({ status: 403 });
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("WITHDRAWN");
  });
});

describe("consultation", () => {
  it("opens and extends only forward, and comments need it open", async () => {
    const { lead, proposal } = await draft("RU");
    const expert = await delegationActor("IR", "EXPERT");
    const key = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections[0]!.key;
    await expect(addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: "Early" })).rejects.toMatchObject({ status: 403 });
    await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inDays(10), extend: false });
    await expect(openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inDays(5), extend: true })).rejects.toMatchObject({
      messageKey: "errors.extensionNotLater",
    });
    await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inDays(20), extend: true });
    const c = await addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: "We support this.", stance: "SUPPORT" });
    expect(c).toMatchObject({ versionNumber: 1, depth: 0, stance: "SUPPORT" });
    // After the end date (database clock), nothing more.
    await prisma.proposal.update({ where: { id: proposal.id }, data: { consultationEndsAt: new Date(Date.now() - 1000) } });
    await expect(addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: "Late" })).rejects.toMatchObject({ messageKey: "errors.consultationClosed" });
  });

  it("accepts an amendment as a new version credited to the proposing delegation", async () => {
    const { lead, proposal } = await draft("BR");
    await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inDays(10), extend: false });
    const key = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections[1]!.key;
    const india = await delegationActor("IN");
    const amendment = await proposeAmendment({
      actor: india,
      proposalId: proposal.id,
      sectionKey: key,
      heading: "Data",
      body: "Training data of public interest stays under national jurisdiction, with agreed exceptions for research.",
      rationale: "Research cooperation.",
    });
    await expect(acceptAmendment({ actor: india, amendmentId: amendment.id })).rejects.toMatchObject({ status: 403 });
    await expect(acceptAmendment({ actor: lead, amendmentId: amendment.id })).resolves.toEqual({ version: 2 });
    const v2 = await getVersionText({ proposalId: proposal.id, number: 2, language: "en" });
    expect(v2.version.creditedDelegationCode).toBe("IN");
    expect(v2.text.sections[1]!.body).toMatch(/agreed exceptions/);
    await expect(rejectAmendment({ actor: lead, amendmentId: amendment.id, reason: "late" })).rejects.toMatchObject({ messageKey: "errors.amendmentDecided" });
  });

  it("flags a pending amendment whose section changed since it was written", async () => {
    const { lead, proposal } = await draft("EG");
    await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: inDays(10), extend: false });
    const sections = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections;
    const cn = await delegationActor("CN");
    await proposeAmendment({ actor: cn, proposalId: proposal.id, sectionKey: sections[0]!.key, heading: "Principles", body: "New principle text.", rationale: "Clarity." });
    await proposeAmendment({ actor: cn, proposalId: proposal.id, sectionKey: sections[1]!.key, heading: "Data", body: "New data text.", rationale: "Clarity." });
    await saveVersion({
      actor: lead,
      proposalId: proposal.id,
      baseVersion: 1,
      title: "T",
      changeNote: "Reworded the principles",
      sections: [{ ...sections[0]!, body: "Reworded principles." }, sections[1]!],
    });
    const list = await listAmendments({ proposalId: proposal.id, currentVersion: 2 });
    const bySection = Object.fromEntries(list.map((a) => [a.sectionKey, a.outdated]));
    expect(bySection).toEqual({ [sections[0]!.key]: true, [sections[1]!.key]: false });
  });
});

describe("brackets and co-sponsors", () => {
  it("opens a bracket on a passage held by the delegation and records its resolution", async () => {
    const { lead, proposal } = await draft("ID");
    const key = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections[0]!.key;
    const za = await delegationActor("ZA");
    await expect(openBracket({ actor: za, proposalId: proposal.id, sectionKey: key, passage: "not in the text", note: "x" })).rejects.toMatchObject({
      messageKey: "errors.passageNotFound",
    });
    const bracket = await openBracket({ actor: za, proposalId: proposal.id, sectionKey: key, passage: "sovereign control", note: "We prefer 'effective control'." });
    const outsider = await delegationActor("RU");
    await expect(resolveBracket({ actor: outsider, bracketId: bracket.id, outcome: "DROPPED" })).rejects.toMatchObject({ status: 403 });
    await resolveBracket({ actor: lead, bracketId: bracket.id, outcome: "CHANGED", note: "Now 'effective sovereign control'." });
    const [row] = await listBrackets(proposal.id);
    expect(row).toMatchObject({ status: "CHANGED", holderDelegation: { code: "ZA" }, resolvedBy: { name: lead.name } });
    await expect(resolveBracket({ actor: lead, bracketId: bracket.id, outcome: "KEPT" })).rejects.toMatchObject({ messageKey: "errors.bracketResolved" });
  });

  it("keeps the co-sponsors per version", async () => {
    const { lead, proposal } = await draft("BR");
    const headIn = await delegationActor("IN", "HEAD");
    const headZa = await delegationActor("ZA", "HEAD");
    await expect(setSponsorship({ actor: await delegationActor("CN", "DELEGATE"), proposalId: proposal.id, join: true })).rejects.toMatchObject({ status: 403 });
    await setSponsorship({ actor: headIn, proposalId: proposal.id, join: true });
    await saveVersion({ actor: lead, proposalId: proposal.id, baseVersion: 1, title: "T", changeNote: "v2", sections: SECTIONS });
    await setSponsorship({ actor: headZa, proposalId: proposal.id, join: true });
    await setSponsorship({ actor: headIn, proposalId: proposal.id, join: false });
    const codes = async (n: number) => (await getVersionText({ proposalId: proposal.id, number: n, language: "en" })).version.sponsors.map((s) => s.code);
    expect(await codes(1)).toEqual(["IN"]);
    expect(await codes(2)).toEqual(["ZA"]);
  });

  it("leaves an intact audit chain after all of this", async () => {
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
