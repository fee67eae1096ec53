// Strategies against a real database: who sees what (per role and
// visibility), versions and stale saves, publishing rights, translations,
// superseding, the list's filters, the comparison, and the audit trail.
import { describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, delegationActor, strategyFields } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import {
  compareStrategies,
  createStrategy,
  getStrategyBySlug,
  getVersionText,
  listDelegationStrategies,
  listStrategies,
  listVersions,
  publishStrategy,
  saveTranslation,
  saveVersion,
  setVisibility,
  supersedeStrategy,
} from "./strategy.server";
import { loadStrategyPage } from "./view.server";

type Actor = Awaited<ReturnType<typeof delegationActor>>;

/** The delegation's head (one per delegation: the database says so), created when missing. */
async function headOf(delegationId: string, code: string) {
  const existing = await prisma.user.findFirst({ where: { delegationId, role: "HEAD" } });
  return actorFor(existing ?? (await createUser({ role: "HEAD", delegationId, name: `Head ${code}` })));
}

/** A delegation with a head and a delegate, and a draft strategy by the delegate. */
async function draftOf(code: string, overrides: Parameters<typeof strategyFields>[0] = {}) {
  const delegate = await delegationActor(code, "DELEGATE");
  const head = await headOf(delegate.delegation!.id, code);
  const strategy = await createStrategy({ actor: delegate, originalLanguage: "en", ...strategyFields(overrides) });
  return { delegate, head, strategy };
}

async function readers() {
  const otherMember = await delegationActor("ZA", "DELEGATE");
  const observer = await delegationActor("LK", "OBSERVER", "OBSERVER");
  const expert = await actorFor(await createUser({ role: "EXPERT" }));
  const secretariat = await actorFor(await createUser({ role: "SECRETARIAT" }));
  return { otherMember, observer, expert, secretariat };
}

const slugsSeenBy = async (user: Actor | null) => (await listStrategies({ user, lang: "en", page: 1, filters: {} })).items.map((s) => s.slug);

describe("creating and versioning", () => {
  it("creates version 1 for the drafter's delegation, audited, listed with its metadata", async () => {
    const { delegate, strategy } = await draftOf("BR");
    expect(strategy).toMatchObject({ delegationId: delegate.delegation!.id, status: "DRAFT", currentVersion: 1, publishedVersion: null, visibility: "MEMBERS" });
    const view = await getVersionText({ strategyId: strategy.id, number: 1, language: "en" });
    expect(view.text).toMatchObject({ kind: "ORIGINAL", title: "National strategy for sovereign AI", issuingAuthority: "Ministry of Science, Technology and Innovation" });
    expect(view.text.sections.map((s) => s.heading)).toEqual(["Vision", "Data"]);
    expect(view.text.dimensionNotes).toEqual({
      DATA_OWNERSHIP: "Public data stays under national jurisdiction.",
      DIGITAL_CAPABILITY: "Ten thousand AI specialists trained by 2030.",
    });
    const row = await prisma.strategy.findUniqueOrThrow({ where: { id: strategy.id } });
    expect(row).toMatchObject({ dimensions: ["DATA_OWNERSHIP", "DIGITAL_CAPABILITY"], sectors: ["HEALTH", "EDUCATION"], languages: ["en"] });
    expect(row.adoptedOn?.toISOString()).toBe("2024-03-15T00:00:00.000Z");
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.created" } })).toBe(1);
  });

  it("is created only by drafters of member and partner delegations", async () => {
    for (const actor of [await delegationActor("IN", "EXPERT"), await delegationActor("SN", "DELEGATE", "OBSERVER"), await actorFor(await createUser({ role: "SECRETARIAT" }))]) {
      await expect(createStrategy({ actor, originalLanguage: "en", ...strategyFields() })).rejects.toMatchObject({ status: 403 });
    }
    const partner = await delegationActor("MY", "DELEGATE", "PARTNER");
    await expect(createStrategy({ actor: partner, originalLanguage: "en", ...strategyFields() })).resolves.toBeTruthy();
  });

  it("keeps only notes of covered dimensions, in the index's order", async () => {
    const { strategy } = await draftOf("CN", {
      dimensions: ["DIGITAL_GOVERNANCE", "DATA_OWNERSHIP"],
      dimensionNotes: { DIGITAL_GOVERNANCE: "An AI oversight office.", DATA_OWNERSHIP: "Data law.", DIGITAL_CAPABILITY: "Not covered." },
    });
    const view = await getVersionText({ strategyId: strategy.id, number: 1, language: "en" });
    expect(view.version.dimensions).toEqual(["DATA_OWNERSHIP", "DIGITAL_GOVERNANCE"]);
    expect(Object.keys(view.text.dimensionNotes).sort()).toEqual(["DATA_OWNERSHIP", "DIGITAL_GOVERNANCE"]);
  });

  it("saves each edit as a new version, refuses a stale base, and lets one of two concurrent saves win", async () => {
    const { delegate, head, strategy } = await draftOf("EG");
    const edit = (actor: Actor, base: number, body: string) =>
      saveVersion({ actor, strategyId: strategy.id, baseVersion: base, changeNote: "edit", ...strategyFields({ sections: [{ heading: "Vision", body }] }) });
    const results = await Promise.allSettled([edit(delegate, 1, "First wording."), edit(head, 1, "Second wording.")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 409, messageKey: "errors.staleVersion" });
    await expect(edit(delegate, 1, "Third wording.")).rejects.toMatchObject({ status: 409, messageKey: "errors.staleVersion" });
    await expect(edit(delegate, 2, "Third wording.")).resolves.toEqual({ number: 3 });
    expect((await listVersions(strategy.id, 3)).map((v) => v.number)).toEqual([3, 2, 1]);
    // Version 1 is untouched.
    expect((await getVersionText({ strategyId: strategy.id, number: 1, language: "en" })).text.sections[0]!.body).toBe("AI that serves every citizen, in every national language.");
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.versionSaved" } })).toBe(2);
  });

  it("is edited only by its own delegation's drafters", async () => {
    const { strategy } = await draftOf("RU");
    for (const actor of [await delegationActor("IN", "DELEGATE"), await delegationActor("RU", "EXPERT")]) {
      await expect(saveVersion({ actor, strategyId: strategy.id, baseVersion: 1, changeNote: "x", ...strategyFields() })).rejects.toMatchObject({ status: 403 });
    }
  });

  it("has immutable versions and original texts, enforced by the database", async () => {
    const { strategy } = await draftOf("ET");
    await expect(prisma.strategyVersion.updateMany({ where: { strategyId: strategy.id }, data: { changeNote: "rewritten" } })).rejects.toThrow(/immutable/);
    await expect(prisma.strategySection.updateMany({ where: { text: { version: { strategyId: strategy.id } } }, data: { body: "rewritten" } })).rejects.toThrow(/immutable/);
    await expect(prisma.strategySection.deleteMany({ where: { text: { version: { strategyId: strategy.id } } } })).rejects.toThrow(/immutable/);
  });
});

describe("visibility", () => {
  it("shows a draft only to its own delegation", async () => {
    const { delegate, strategy } = await draftOf("BR");
    const ownExpert = await actorFor(await createUser({ role: "EXPERT", delegationId: delegate.delegation!.id }));
    const { otherMember, observer, expert, secretariat } = await readers();
    expect(await slugsSeenBy(delegate)).toContain(strategy.slug);
    expect(await slugsSeenBy(ownExpert)).toContain(strategy.slug);
    for (const reader of [null, otherMember, observer, expert, secretariat]) {
      expect(await slugsSeenBy(reader)).not.toContain(strategy.slug);
      await expect(getStrategyBySlug({ user: reader, slug: strategy.slug })).rejects.toMatchObject({ status: 404 });
      expect(await compareStrategies({ user: reader, ids: [strategy.id, strategy.slug], lang: "en" })).toEqual([]);
    }
  });

  it("shows a members-only strategy to every member-side reader but not to the public; public ones to everyone", async () => {
    const { head, strategy } = await draftOf("IN");
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "MEMBERS" });
    const { otherMember, observer, expert, secretariat } = await readers();
    for (const reader of [otherMember, observer, expert, secretariat]) expect(await slugsSeenBy(reader)).toContain(strategy.slug);
    expect(await slugsSeenBy(null)).not.toContain(strategy.slug);
    await expect(loadStrategyPage({ slug: strategy.slug, lang: "en", user: null })).rejects.toMatchObject({ status: 404 });

    await setVisibility({ actor: head, strategyId: strategy.id, visibility: "PUBLIC" });
    expect(await slugsSeenBy(null)).toContain(strategy.slug);
    const page = await loadStrategyPage({ slug: strategy.slug, lang: "en", user: null });
    expect(page.current.text.title).toBe("National strategy for sovereign AI");
    expect(page.may).toEqual({ edit: false, publish: false, seeUnpublished: false });
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.visibilityChanged" } })).toBe(1);
  });

  it("shows readers outside the delegation the published version while a newer one is being drafted", async () => {
    const { delegate, head, strategy } = await draftOf("CN");
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "PUBLIC" });
    await saveVersion({ actor: delegate, strategyId: strategy.id, baseVersion: 1, changeNote: "Draft revision", ...strategyFields({ title: "Revised strategy (draft)" }) });
    const outside = await loadStrategyPage({ slug: strategy.slug, lang: "en", user: null });
    expect(outside.current.version.number).toBe(1);
    expect(outside.current.text.title).toBe("National strategy for sovereign AI");
    await expect(loadStrategyPage({ slug: strategy.slug, lang: "en", user: null, version: 2 })).rejects.toMatchObject({ status: 404 });
    expect((await listStrategies({ user: null, lang: "en", page: 1, filters: {} })).items.find((s) => s.slug === strategy.slug)?.title).toBe("National strategy for sovereign AI");
    const inside = await loadStrategyPage({ slug: strategy.slug, lang: "en", user: delegate });
    expect(inside.current.version.number).toBe(2);
    expect(inside.current.text.title).toBe("Revised strategy (draft)");
    expect((await listStrategies({ user: delegate, lang: "en", page: 1, filters: {} })).items.find((s) => s.slug === strategy.slug)).toMatchObject({
      title: "Revised strategy (draft)",
      unpublishedChanges: true,
    });
  });
});

describe("publishing", () => {
  it("is the head's act only, on the version they read; audited", async () => {
    const { delegate, head, strategy } = await draftOf("ZA");
    const otherHead = await headOf((await createDelegation({ code: "EG" })).id, "EG");
    for (const actor of [delegate, otherHead]) {
      await expect(publishStrategy({ actor, strategyId: strategy.id, version: 1, visibility: "PUBLIC" })).rejects.toMatchObject({ status: 403 });
    }
    await saveVersion({ actor: delegate, strategyId: strategy.id, baseVersion: 1, changeNote: "late change", ...strategyFields() });
    // The head read version 1; version 2 was saved meanwhile.
    await expect(publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "PUBLIC" })).rejects.toMatchObject({
      status: 409,
      messageKey: "errors.staleVersion",
    });
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 2, visibility: "PUBLIC" });
    await expect(publishStrategy({ actor: head, strategyId: strategy.id, version: 2, visibility: "PUBLIC" })).rejects.toMatchObject({
      status: 409,
      messageKey: "strategies:errors.alreadyPublished",
    });
    const row = await prisma.strategy.findUniqueOrThrow({ where: { id: strategy.id } });
    expect(row).toMatchObject({ status: "IN_FORCE", publishedVersion: 2, visibility: "PUBLIC" });
    const events = await prisma.auditEvent.findMany({ where: { objectId: strategy.id }, orderBy: { seq: "asc" }, select: { act: true, data: true } });
    expect(events.map((e) => e.act)).toEqual(["strategy.created", "strategy.versionSaved", "strategy.published"]);
    expect(events[2]!.data).toMatchObject({ version: 2, visibility: "PUBLIC", previousVersion: null });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("lets an alternate act as head", async () => {
    const { strategy } = await draftOf("ID");
    const alternate = await actorFor(await createUser({ role: "ALTERNATE", delegationId: strategy.delegationId }));
    await expect(publishStrategy({ actor: alternate, strategyId: strategy.id, version: 1, visibility: "MEMBERS" })).resolves.toBeUndefined();
  });

  it("supersedes a strategy in force, naming a published successor of the same delegation; then it takes no edits", async () => {
    const { delegate, head, strategy } = await draftOf("IR");
    const newer = await createStrategy({ actor: delegate, originalLanguage: "en", ...strategyFields({ title: "Strategy 2030" }) });
    const foreign = (await draftOf("AE")).strategy;
    await expect(supersedeStrategy({ actor: head, strategyId: strategy.id })).rejects.toMatchObject({ status: 409 }); // still a draft
    await publishStrategy({ actor: head, strategyId: strategy.id, version: 1, visibility: "PUBLIC" });
    await expect(supersedeStrategy({ actor: head, strategyId: strategy.id, successorId: newer.id })).rejects.toMatchObject({ status: 400 }); // not published
    await expect(supersedeStrategy({ actor: head, strategyId: strategy.id, successorId: foreign.id })).rejects.toMatchObject({ status: 400 });
    await expect(supersedeStrategy({ actor: delegate, strategyId: strategy.id })).rejects.toMatchObject({ status: 403 });
    await publishStrategy({ actor: head, strategyId: newer.id, version: 1, visibility: "PUBLIC" });
    await supersedeStrategy({ actor: head, strategyId: strategy.id, successorId: newer.id });
    const page = await loadStrategyPage({ slug: strategy.slug, lang: "en", user: null });
    expect(page.strategy.status).toBe("SUPERSEDED");
    expect(page.strategy.successor).toMatchObject({ slug: newer.slug, title: "Strategy 2030" });
    expect(page.may.edit).toBe(false);
    await expect(saveVersion({ actor: delegate, strategyId: strategy.id, baseVersion: 1, changeNote: "x", ...strategyFields() })).rejects.toMatchObject({ status: 403 });
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.superseded" } })).toBe(1);
  });
});

describe("translations", () => {
  it("adds language versions of the current version; only the head declares one official", async () => {
    const { delegate, head, strategy } = await draftOf("BR");
    const keys = (await getVersionText({ strategyId: strategy.id, number: 1, language: "en" })).text.sections.map((s) => s.key);
    const pt = {
      strategyId: strategy.id,
      version: 1,
      language: "pt",
      title: "Estratégia nacional de IA soberana",
      summary: "Como o Estado constrói, governa e usa a IA nos seus próprios termos.",
      issuingAuthority: "Ministério da Ciência, Tecnologia e Inovação",
      dimensionNotes: { DATA_OWNERSHIP: "Os dados públicos ficam sob jurisdição nacional.", DIGITAL_CAPABILITY: "Dez mil especialistas formados até 2030." },
      sections: [
        { key: keys[0]!, heading: "Visão", body: "IA a serviço de cada cidadão." },
        { key: keys[1]!, heading: "Dados", body: "Os dados públicos são catalogados." },
      ],
    };
    await expect(saveTranslation({ actor: delegate, kind: "OFFICIAL_TRANSLATION", ...pt })).rejects.toMatchObject({ status: 403 });
    await saveTranslation({ actor: delegate, kind: "UNOFFICIAL_TRANSLATION", ...pt });
    await saveTranslation({ actor: head, kind: "OFFICIAL_TRANSLATION", ...pt });
    const inPt = await getVersionText({ strategyId: strategy.id, number: 1, language: "pt" });
    expect(inPt.isFallback).toBe(false);
    expect(inPt.text).toMatchObject({ kind: "OFFICIAL_TRANSLATION", title: "Estratégia nacional de IA soberana" });
    expect(inPt.languages.map((l) => l.language).sort()).toEqual(["en", "pt"]);
    const inFr = await getVersionText({ strategyId: strategy.id, number: 1, language: "fr" });
    expect(inFr).toMatchObject({ isFallback: true, text: { language: "en" } });
    expect((await prisma.strategy.findUniqueOrThrow({ where: { id: strategy.id } })).languages.sort()).toEqual(["en", "pt"]);
    expect(await prisma.auditEvent.count({ where: { objectId: strategy.id, act: "strategy.translationSaved" } })).toBe(2);

    // Refused: the original's language, a stale version, missing notes of covered dimensions.
    await expect(saveTranslation({ actor: delegate, kind: "UNOFFICIAL_TRANSLATION", ...pt, language: "en" })).rejects.toMatchObject({ status: 400 });
    await expect(saveTranslation({ actor: delegate, kind: "UNOFFICIAL_TRANSLATION", ...pt, language: "es", dimensionNotes: {} })).rejects.toMatchObject({
      status: 400,
      messageKey: "strategies:validation.dimensionNote",
    });
    await saveVersion({ actor: delegate, strategyId: strategy.id, baseVersion: 1, changeNote: "x", ...strategyFields() });
    await expect(saveTranslation({ actor: delegate, kind: "UNOFFICIAL_TRANSLATION", ...pt, language: "es" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("the list and the comparison", () => {
  it("filters by delegation, status, dimension, sector, language and year", async () => {
    // Partners' strategies with years no other test uses; only titles starting with "Filter" are looked at.
    const bo = await draftOf("BO", {
      title: "Filter Bolivia",
      adoptedOn: "2011-07-01",
      dimensions: ["DATA_OWNERSHIP"],
      sectors: ["AGRICULTURE"],
      dimensionNotes: { DATA_OWNERSHIP: "d" },
    });
    const kz = await draftOf("KZ", {
      title: "Filter Kazakhstan",
      adoptedOn: "2013-02-01",
      dimensions: ["DIGITAL_INFRASTRUCTURE"],
      sectors: ["ENERGY"],
      dimensionNotes: { DIGITAL_INFRASTRUCTURE: "i" },
    });
    await publishStrategy({ actor: bo.head, strategyId: bo.strategy.id, version: 1, visibility: "PUBLIC" });
    await publishStrategy({ actor: kz.head, strategyId: kz.strategy.id, version: 1, visibility: "PUBLIC" });
    await createStrategy({ actor: kz.delegate, originalLanguage: "ru", ...strategyFields({ title: "Filter Kazakhstan draft", adoptedOn: "2013-05-05" }) });
    const titles = async (filters: Parameters<typeof listStrategies>[0]["filters"], user: Actor | null = null) =>
      (await listStrategies({ user, lang: "en", page: 1, filters })).items
        .map((s) => s.title)
        .filter((t) => t.startsWith("Filter"))
        .sort();
    expect(await titles({})).toEqual(["Filter Bolivia", "Filter Kazakhstan"]);
    expect(await titles({ delegationCode: "KZ" })).toEqual(["Filter Kazakhstan"]);
    expect(await titles({ dimension: "DATA_OWNERSHIP" })).toEqual(["Filter Bolivia"]);
    expect(await titles({ sector: "ENERGY" })).toEqual(["Filter Kazakhstan"]);
    expect(await titles({ year: 2011 })).toEqual(["Filter Bolivia"]);
    expect(await titles({ language: "en" })).toEqual(["Filter Bolivia", "Filter Kazakhstan"]);
    expect(await titles({ language: "ru" })).toEqual([]);
    expect(await titles({ status: "DRAFT" })).toEqual([]);
    expect(await titles({ status: "IN_FORCE", year: 2013 })).toEqual(["Filter Kazakhstan"]);
    // Its own delegation sees the draft, in Russian, through the same filters.
    expect(await titles({ status: "DRAFT", language: "ru" }, kz.delegate)).toEqual(["Filter Kazakhstan draft"]);
    expect((await listDelegationStrategies({ user: null, lang: "en", delegationId: bo.strategy.delegationId, limit: 10 })).items.map((s) => s.title)).toEqual(["Filter Bolivia"]);
  });

  it("compares the strategies given, in order, by id or slug, aligned by dimension", async () => {
    const br = await draftOf("BR", { title: "Brazil plan", dimensions: ["DATA_OWNERSHIP"], dimensionNotes: { DATA_OWNERSHIP: "Data stays in Brazil." } });
    const inn = await draftOf("IN", {
      title: "India plan",
      dimensions: ["DATA_OWNERSHIP", "DIGITAL_CAPABILITY"],
      dimensionNotes: { DATA_OWNERSHIP: "Data embassies.", DIGITAL_CAPABILITY: "Skills." },
    });
    await publishStrategy({ actor: br.head, strategyId: br.strategy.id, version: 1, visibility: "PUBLIC" });
    await publishStrategy({ actor: inn.head, strategyId: inn.strategy.id, version: 1, visibility: "MEMBERS" });
    const forMembers = await compareStrategies({ user: br.delegate, ids: [inn.strategy.slug, br.strategy.id], lang: "en" });
    expect(forMembers.map((s) => s.text.title)).toEqual(["India plan", "Brazil plan"]);
    expect(forMembers.map((s) => s.text.dimensionNotes.DATA_OWNERSHIP)).toEqual(["Data embassies.", "Data stays in Brazil."]);
    // The members-only one is left out for the public.
    expect((await compareStrategies({ user: null, ids: [inn.strategy.slug, br.strategy.id], lang: "en" })).map((s) => s.text.title)).toEqual(["Brazil plan"]);
  });
});
