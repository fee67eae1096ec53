// Who finds what, checked against the rules the rest of the portal applies:
// proposals (drafts included) for those who read members-only content and
// never anonymous readers; positions for everyone; comments (never hidden
// ones), amendments, people and delegations for members; strategies exactly as
// visibleStrategies and readableVersion say; benchmarks as the leaderboards
// list them; the dataset catalogue for everyone. Suggestions reveal nothing either.
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, createDelegation, createUser, datasetFields, delegationActor, modelFields, strategyFields } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import { addComment, hideComment } from "~/modules/comment/comment.server";
import { createDataset, listDatasets } from "~/modules/dataset/dataset.server";
import { recordResults } from "~/modules/evaluation/evaluation.server";
import { listLeaderboards } from "~/modules/evaluation/leaderboard.server";
import { registerModel } from "~/modules/model/model.server";
import { proposeAmendment } from "~/modules/proposal/amendment.server";
import { createProposal, openOrExtendConsultation, originalSections } from "~/modules/proposal/proposal.server";
import { readableVersion, visibleStrategies } from "~/modules/strategy/permissions";
import { createStrategy, getVersionText, publishStrategy, saveVersion } from "~/modules/strategy/strategy.server";
import { listPositions } from "~/modules/position/position.server";
import { openVote } from "~/modules/vote/vote.server";
import type { ResultKind } from "./constants";
import type { Segment } from "./highlight";
import { search } from "./search.server";

type Actor = Awaited<ReturnType<typeof delegationActor>>;
const find = (viewer: Actor | null, query: string, kind?: ResultKind) => search({ viewer, lang: "en", query, filters: kind ? { kind } : {}, sort: "relevance", page: 1 });
const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");

let viewers: Record<"anonymous" | "member" | "otherMember" | "observer" | "expert" | "secretariat", Actor | null>;
let brHead: Actor;

beforeAll(async () => {
  const member = await delegationActor("BR", "DELEGATE");
  brHead = await actorFor(await createUser({ role: "HEAD", delegationId: member.delegation!.id }));
  viewers = {
    anonymous: null,
    member,
    otherMember: await delegationActor("ZA", "DELEGATE"),
    observer: await delegationActor("LK", "OBSERVER", "OBSERVER"),
    expert: await actorFor(await createUser({ role: "EXPERT" })),
    secretariat: await actorFor(await createUser({ role: "SECRETARIAT" })),
  };
});

const signedIn = () => Object.entries(viewers).filter(([name]) => name !== "anonymous") as [string, Actor][];

describe("proposals and positions", () => {
  it("finds drafts for every reader of members-only content, never for anonymous readers", async () => {
    await createProposal({
      actor: viewers.member!,
      title: "Xanthoria lichen survey",
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "A", body: "Body." }],
    });
    expect((await find(null, "xanthoria")).total).toBe(0);
    expect((await find(null, "xanthoria", "proposal")).total).toBe(0);
    for (const [name, viewer] of signedIn())
      expect(
        (await find(viewer, "xanthoria")).results.map((r) => r.kind),
        name,
      ).toEqual(["proposal"]);
  });

  it("finds adopted texts as positions, for everyone, in their adopted version", async () => {
    const lead = viewers.member!;
    const proposal = await createProposal({
      actor: lead,
      title: "Tamarisk accord",
      originalLanguage: "en",
      topics: ["DIGITAL_GOVERNANCE"],
      sections: [{ heading: "A", body: "Body." }],
    });
    const vote = await openVote({
      actor: viewers.secretariat!,
      proposalId: proposal.id,
      rule: "SIMPLE_MAJORITY",
      quorumPercent: 50,
      closesAt: new Date(Date.now() + 100 * 3_600_000),
    });
    // Closed as adopted (the vote's own rules are tested with votes).
    await prisma.vote.update({ where: { id: vote.id }, data: { status: "CLOSED", outcome: "ADOPTED", closedAt: new Date() } });
    await prisma.proposal.update({ where: { id: proposal.id }, data: { status: "ADOPTED" } });
    for (const viewer of Object.values(viewers)) {
      const results = (await find(viewer, "tamarisk")).results;
      expect(results.map((r) => [r.kind, r.href])).toEqual([["position", `/en/positions/${proposal.slug}`]]);
    }
    // The same texts the positions page lists.
    const listed = (await listPositions({ page: 1, pageSize: 100 })).items.map((p) => p.slug);
    expect(listed).toContain(proposal.slug);
  });
});

describe("comments, amendments, people and delegations", () => {
  it("are found by members only, and hidden comments by no one", async () => {
    const lead = viewers.member!;
    const proposal = await createProposal({
      actor: lead,
      title: "Consultation text",
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "A", body: "Body." }],
    });
    await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: new Date(Date.now() + 10 * 86_400_000), extend: false });
    const [key] = (await originalSections(prisma, proposal.id, 1)).sections.map((s) => s.key);
    await addComment({ actor: viewers.otherMember!, proposalId: proposal.id, sectionKey: key!, body: "Quillwort remarks." });
    const hidden = await addComment({ actor: viewers.otherMember!, proposalId: proposal.id, sectionKey: key!, body: "Sporangium remarks." });
    await hideComment({ actor: viewers.secretariat!, commentId: hidden.id, reason: "Off topic" });
    await proposeAmendment({ actor: viewers.otherMember!, proposalId: proposal.id, sectionKey: key!, heading: "A", body: "Hornwort wording.", rationale: "Clarity." });
    await createUser({ role: "DELEGATE", delegationId: lead.delegation!.id, name: "Ngozi Adichie-Bello" });
    for (const [query, kind] of [
      ["quillwort", "comment"],
      ["hornwort", "amendment"],
      ["Adichie", "person"],
    ] as const) {
      expect((await find(null, query)).total, query).toBe(0);
      expect((await find(null, query, kind)).total, query).toBe(0);
      for (const [name, viewer] of signedIn())
        expect(
          (await find(viewer, query)).results.map((r) => r.kind),
          `${query} ${name}`,
        ).toEqual([kind]);
    }
    for (const viewer of Object.values(viewers)) expect((await find(viewer, "sporangium")).total).toBe(0);
    expect((await find(null, "South Africa")).delegations).toEqual([]);
    expect((await find(viewers.observer, "South Africa")).delegations.map((d) => d.code)).toEqual(["ZA"]);
  });
});

describe("strategies", () => {
  it("are found exactly as visibleStrategies and readableVersion let each reader see them", async () => {
    const br = viewers.member!;
    const za = viewers.otherMember!;
    const zaHead = await actorFor(await createUser({ role: "HEAD", delegationId: za.delegation!.id }));
    const text = (title: string, body: string) => strategyFields({ title, sections: [{ heading: "Plan", body }] });
    // A draft never published; a public one; a members-only one; a published one with a newer draft version.
    const draft = await createStrategy({ actor: br, originalLanguage: "en", ...text("Commonstrat draft", "Orchidarium plans.") });
    const open = await createStrategy({ actor: za, originalLanguage: "en", ...text("Commonstrat public", "Open plans.") });
    await publishStrategy({ actor: zaHead, strategyId: open.id, version: 1, visibility: "PUBLIC" });
    const closed = await createStrategy({ actor: za, originalLanguage: "en", ...text("Commonstrat members", "Closed plans.") });
    await publishStrategy({ actor: zaHead, strategyId: closed.id, version: 1, visibility: "MEMBERS" });
    const revised = await createStrategy({ actor: br, originalLanguage: "en", ...text("Commonstrat revised", "Fernery plans.") });
    await publishStrategy({ actor: brHead, strategyId: revised.id, version: 1, visibility: "PUBLIC" });
    await saveVersion({ actor: br, strategyId: revised.id, baseVersion: 1, changeNote: "", ...text("Commonstrat revised", "Bromeliad plans.") });
    const ours = [draft.id, open.id, closed.id, revised.id];

    for (const [name, viewer] of Object.entries(viewers)) {
      // What the strategy pages let this reader see, and in which version.
      const visible = await prisma.strategy.findMany({
        where: { AND: [visibleStrategies(viewer), { id: { in: ours } }] },
        select: { id: true, slug: true, delegationId: true, status: true, currentVersion: true, publishedVersion: true },
      });
      const expectedSlugs = visible.map((s) => s.slug).sort();
      const found = (await find(viewer, "commonstrat")).results.filter((r) => r.kind === "strategy");
      expect(found.map((r) => r.href.split("/")[3]!.split("?")[0]).sort(), name).toEqual(expectedSlugs);
      // Words only in a version the reader may not read are not found.
      for (const s of visible) {
        const words = plain(
          (await getVersionText({ strategyId: s.id, number: readableVersion(viewer, s)!, language: "en" })).text.sections.map((x) => ({ text: x.body, mark: false })),
        );
        if (s.id === revised.id) {
          const readsDraft = words.includes("Bromeliad");
          expect((await find(viewer, "bromeliad")).total, name).toBe(readsDraft ? 1 : 0);
          expect((await find(viewer, "fernery")).total, name).toBe(readsDraft ? 0 : 1);
        }
      }
    }
    expect((await find(null, "orchidarium")).total).toBe(0);
    expect((await find(viewers.secretariat, "orchidarium")).total).toBe(0);
    expect((await find(br, "orchidarium")).total).toBe(1);
  });
});

describe("the research catalogue", () => {
  it("lists a benchmark only to those who may see one of its results, as the leaderboard does", async () => {
    const expert = await delegationActor("IN", "EXPERT");
    const model = await registerModel({ actor: expert, input: modelFields({ name: "Visibility-Model" }) });
    await recordResults({
      actor: expert,
      modelId: model.id,
      harness: "lm-evaluation-harness",
      evaluatedAt: new Date("2025-01-01T00:00:00Z"),
      visibility: "MEMBERS",
      results: [{ task: "cloistered_reasoning", metric: "acc", higherIsBetter: true, score: 0.4, language: "en" }],
    });
    for (const [name, viewer] of Object.entries(viewers)) {
      // A benchmark is listed when one of its leaderboards is (limited runs included).
      const listed = new Set((await listLeaderboards({ viewer, page: 1, q: "cloistered", limited: true })).items.map((b) => b.benchmarkId)).size;
      expect((await find(viewer, "cloistered")).results.filter((r) => r.kind === "benchmark").length, name).toBe(listed);
    }
    expect((await find(null, "cloistered")).total).toBe(0);
    expect((await find(viewers.member, "cloistered")).total).toBe(1);
  });

  it("finds every dataset's catalogue entry for everyone, whatever the access to its data, as the catalogue lists them", async () => {
    const steward = await delegationActor("KE", "DELEGATE");
    for (const access of ["OPEN", "MEMBERS", "ON_REQUEST"] as const) {
      await createDataset({ actor: steward, input: datasetFields({ name: `Baobab census ${access.toLowerCase()}`, access }) });
    }
    const catalogue = (await listDatasets({ page: 1, lang: "en", q: "Baobab census" })).items.map((d) => d.name).sort();
    for (const viewer of Object.values(viewers)) {
      expect((await find(viewer, "baobab census")).results.map((r) => plain(r.title)).sort()).toEqual(catalogue);
    }
  });
});

describe("suggestions", () => {
  it("come only from titles the reader may see", async () => {
    await createProposal({
      actor: viewers.member!,
      title: "Thermocline observatory",
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "A", body: "Body." }],
    });
    expect((await find(viewers.otherMember, "thermoclyne")).total).toBeGreaterThan(0);
    expect((await find(viewers.otherMember, "obzervatori")).suggestions).toEqual(["observatory"]);
    expect((await find(null, "obzervatori")).suggestions).toEqual([]);
  });
});

describe("filters never widen what is visible", () => {
  it("gives anonymous readers nothing members-only whatever the kind, delegation or status asked", async () => {
    const brCode = "BR";
    await createDelegation({ code: brCode });
    for (const kind of ["proposal", "comment", "amendment", "person", "delegation"] as const) {
      expect((await find(null, "xanthoria", kind)).results, kind).toEqual([]);
    }
    const outcome = await search({ viewer: null, lang: "en", query: "xanthoria", filters: { delegation: brCode, status: "proposal:DRAFT" }, sort: "relevance", page: 1 });
    expect(outcome.total).toBe(0);
  });
});
