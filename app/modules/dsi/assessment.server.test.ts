// DSI assessments against a real database: who fills in, submits, publishes
// and reads them; stale saves; the members' median; the audit trail.
import { describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor, dsiIndicatorValues } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { comparisonFor, getAssessment, listAssessmentsFor, publishAssessment, publishedHistory, returnAssessment, saveAssessment, submitAssessment } from "./assessment.server";

const YEAR = new Date().getUTCFullYear();

async function headOf(code: string, status: "MEMBER" | "PARTNER" | "OBSERVER" = "MEMBER") {
  const delegation = await createDelegation({ code, status });
  const existing = await prisma.user.findFirst({ where: { delegationId: delegation.id, role: "HEAD" } });
  return actorFor(existing ?? (await createUser({ role: "HEAD", delegationId: delegation.id, name: `Head ${code}` })));
}

const secretariat = async () => actorFor(await createUser({ role: "SECRETARIAT" }));

/** A published assessment of `code` for `year` with every indicator at `value`. */
async function published(code: string, year: number, value: number, status: "MEMBER" | "PARTNER" = "MEMBER") {
  const head = await headOf(code, status);
  const saved = await saveAssessment({ actor: head, delegationId: head.delegation!.id, year, indicators: dsiIndicatorValues(value), evidence: [] });
  await submitAssessment({ actor: head, assessmentId: saved.id, revision: saved.revision });
  await publishAssessment({ actor: await secretariat(), assessmentId: saved.id, revision: saved.revision + 1 });
  return saved.id;
}

describe("filling in", () => {
  it("lets the head save the year's indicators with evidence; scores are computed; audited", async () => {
    const head = await headOf("BR");
    const saved = await saveAssessment({
      actor: head,
      delegationId: head.delegation!.id,
      year: YEAR,
      indicators: dsiIndicatorValues((k) => (k.startsWith("data") ? 80 : 40)),
      evidence: [{ indicator: "dataProtectionLaw", url: "https://www.gov.br/lgpd", label: "General Data Protection Law (LGPD)" }],
    });
    expect(saved.revision).toBe(1);
    // dataProtectionLaw (2) = 80, dataResidency (2) = 80, publicDataStewardship (1) = 40 → 72.
    expect(saved.scores.DATA_OWNERSHIP).toBe(72);
    const view = await getAssessment({ user: head, code: "br", year: YEAR });
    expect(view.assessment).toMatchObject({ status: "DRAFT", revision: 1, scores: { DATA_OWNERSHIP: 72, DIGITAL_CAPABILITY: 40 } });
    expect(view.assessment!.evidence).toEqual([{ indicator: "dataProtectionLaw", url: "https://www.gov.br/lgpd", label: "General Data Protection Law (LGPD)" }]);
    expect(view.may).toEqual({ edit: true, submit: true, review: false });
    expect(await prisma.auditEvent.count({ where: { objectId: saved.id, act: "dsi.assessmentSaved" } })).toBe(1);
  });

  it("is filled in by the delegation's head only, for years up to now", async () => {
    const head = await headOf("IN");
    const delegationId = head.delegation!.id;
    for (const actor of [await delegationActor("IN", "DELEGATE"), await headOf("CN"), await secretariat()]) {
      await expect(saveAssessment({ actor, delegationId, year: YEAR, indicators: dsiIndicatorValues(50), evidence: [] })).rejects.toMatchObject({ status: 403 });
    }
    await expect(saveAssessment({ actor: head, delegationId, year: YEAR + 1, indicators: dsiIndicatorValues(50), evidence: [] })).rejects.toMatchObject({ status: 400 });
    await expect(saveAssessment({ actor: head, delegationId, year: 2014, indicators: dsiIndicatorValues(50), evidence: [] })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a save based on an older revision, and a second start of the same year", async () => {
    const head = await headOf("ZA");
    const delegationId = head.delegation!.id;
    const first = await saveAssessment({ actor: head, delegationId, year: YEAR - 1, indicators: dsiIndicatorValues(10), evidence: [] });
    await expect(saveAssessment({ actor: head, delegationId, year: YEAR - 1, indicators: dsiIndicatorValues(20), evidence: [] })).rejects.toMatchObject({ status: 409 });
    await saveAssessment({ actor: head, delegationId, year: YEAR - 1, revision: first.revision, indicators: dsiIndicatorValues(30), evidence: [] });
    await expect(saveAssessment({ actor: head, delegationId, year: YEAR - 1, revision: first.revision, indicators: dsiIndicatorValues(40), evidence: [] })).rejects.toMatchObject({
      status: 409,
      messageKey: "dsi:errors.stale",
    });
    const view = await getAssessment({ user: head, code: "ZA", year: YEAR - 1 });
    expect(view.assessment!.indicators.skills).toBe(30);
  });
});

describe("submitting, publishing, reading", () => {
  it("goes from the head's draft to the secretariat's publication, then is public and final", async () => {
    const head = await headOf("EG");
    const saved = await saveAssessment({ actor: head, delegationId: head.delegation!.id, year: YEAR, indicators: dsiIndicatorValues(60), evidence: [] });
    const otherMember = await delegationActor("RU", "DELEGATE");
    // A draft is seen by the delegation and the secretariat only.
    await expect(getAssessment({ user: null, code: "EG", year: YEAR })).rejects.toMatchObject({ status: 404 });
    await expect(getAssessment({ user: otherMember, code: "EG", year: YEAR })).rejects.toMatchObject({ status: 404 });
    const ownDelegate = await delegationActor("EG", "DELEGATE");
    expect((await getAssessment({ user: ownDelegate, code: "EG", year: YEAR })).may).toEqual({ edit: false, submit: false, review: false });

    const admin = await secretariat();
    await expect(publishAssessment({ actor: admin, assessmentId: saved.id, revision: 1 })).rejects.toMatchObject({ status: 409, messageKey: "dsi:errors.wrongStage" }); // not submitted
    await expect(submitAssessment({ actor: ownDelegate, assessmentId: saved.id, revision: 1 })).rejects.toMatchObject({ status: 403 });
    await submitAssessment({ actor: head, assessmentId: saved.id, revision: 1 });
    // Submitted: the head can no longer change it.
    await expect(
      saveAssessment({ actor: head, delegationId: head.delegation!.id, year: YEAR, revision: 2, indicators: dsiIndicatorValues(70), evidence: [] }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await listAssessmentsFor(admin)).queue).toEqual([expect.objectContaining({ code: "EG", year: YEAR })]);
    expect((await getAssessment({ user: admin, code: "EG", year: YEAR })).may.review).toBe(true);

    await expect(publishAssessment({ actor: head, assessmentId: saved.id, revision: 2 })).rejects.toMatchObject({ status: 403 });
    await expect(publishAssessment({ actor: admin, assessmentId: saved.id, revision: 1 })).rejects.toMatchObject({ status: 409 });
    await publishAssessment({ actor: admin, assessmentId: saved.id, revision: 2 });
    const anonymous = await getAssessment({ user: null, code: "EG", year: YEAR });
    expect(anonymous.assessment).toMatchObject({ status: "PUBLISHED", scores: { DIGITAL_GOVERNANCE: 60 } });
    expect(anonymous.may).toEqual({ edit: false, submit: false, review: false });
    expect((await getAssessment({ user: head, code: "EG", year: YEAR })).may.edit).toBe(false);
    const acts = (await prisma.auditEvent.findMany({ where: { objectId: saved.id }, orderBy: { seq: "asc" } })).map((e) => e.act);
    expect(acts).toEqual(["dsi.assessmentSaved", "dsi.assessmentSubmitted", "dsi.assessmentPublished"]);
  });

  it("can be sent back with a reason, and edited again", async () => {
    const head = await headOf("ET");
    const saved = await saveAssessment({ actor: head, delegationId: head.delegation!.id, year: YEAR, indicators: dsiIndicatorValues(60), evidence: [] });
    await submitAssessment({ actor: head, assessmentId: saved.id, revision: 1 });
    await returnAssessment({ actor: await secretariat(), assessmentId: saved.id, revision: 2, note: "Please add evidence for connectivity." });
    const view = await getAssessment({ user: head, code: "ET", year: YEAR });
    expect(view.assessment).toMatchObject({ status: "DRAFT", returnNote: "Please add evidence for connectivity.", revision: 3 });
    expect(view.may.edit).toBe(true);
    await expect(
      saveAssessment({ actor: head, delegationId: head.delegation!.id, year: YEAR, revision: 3, indicators: dsiIndicatorValues(65), evidence: [] }),
    ).resolves.toMatchObject({ revision: 4 });
  });

  it("gives nobody but the head a way to start an assessment", async () => {
    await createDelegation({ code: "AE" });
    await expect(getAssessment({ user: null, code: "AE", year: YEAR })).rejects.toMatchObject({ status: 404 });
    const head = await headOf("AE");
    expect(await getAssessment({ user: head, code: "AE", year: YEAR })).toMatchObject({ assessment: null, may: { edit: true } });
  });
});

describe("comparisons and history", () => {
  it("compares with the median of member delegations of the same year, or with another delegation", async () => {
    await published("CN", 2019, 20);
    await published("IR", 2019, 40);
    await published("ID", 2019, 90);
    await published("TH", 2019, 100, "PARTNER"); // partners are not in the members' median
    const median = await comparisonFor({ year: 2019, compare: "median", excludeCode: "CN" });
    expect(median).toMatchObject({ kind: "median", count: 3, scores: { DATA_OWNERSHIP: 40, DIGITAL_CAPABILITY: 40 } });
    expect(median.options.sort()).toEqual(["ID", "IR", "TH"]);
    expect(await comparisonFor({ year: 2019, compare: "TH", excludeCode: "CN" })).toMatchObject({ kind: "delegation", code: "TH", scores: { DIGITAL_GOVERNANCE: 100 } });
    expect(await comparisonFor({ year: 2019, compare: "BR", excludeCode: "CN" })).toMatchObject({ scores: null });
  });

  it("lists a delegation's published scores over the years, oldest first, without drafts", async () => {
    await published("UG", 2021, 30, "PARTNER");
    await published("UG", 2022, 45, "PARTNER");
    const head = await headOf("UG", "PARTNER");
    await saveAssessment({ actor: head, delegationId: head.delegation!.id, year: 2023, indicators: dsiIndicatorValues(99), evidence: [] });
    const history = await publishedHistory(head.delegation!.id);
    expect(history.map((h) => [h.year, h.scores.DIGITAL_INFRASTRUCTURE])).toEqual([
      [2021, 30],
      [2022, 45],
    ]);
  });
});
