// Search against a real database: every kind found, each language's stemming
// and script (Russian inflections, Arabic prefixes, Hindi, Chinese words inside
// running text, Persian with ZWNJ and Arabic letters), typo tolerance and
// suggestions, snippets, filters, sort and pages, odd queries, and the index
// kept by the triggers as texts change. Who may find what: visibility.server.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, createUser, datasetFields, delegationActor, modelFields, strategyFields } from "../../../test/factories";
import { prisma } from "~/utils/db.server";
import type { Language } from "~/utils/i18n";
import { addComment, editComment, hideComment } from "~/modules/comment/comment.server";
import { createDataset, saveDatasetText, updateDatasetMetadata } from "~/modules/dataset/dataset.server";
import { recordResults } from "~/modules/evaluation/evaluation.server";
import { registerModel, updateModel } from "~/modules/model/model.server";
import { proposeAmendment } from "~/modules/proposal/amendment.server";
import { createProposal, openOrExtendConsultation, originalSections, saveTranslation, saveVersion } from "~/modules/proposal/proposal.server";
import { createStrategy, publishStrategy } from "~/modules/strategy/strategy.server";
import { setUserDisabled } from "~/modules/user/admin.server";
import { updatePreferences } from "~/modules/user/account.server";
import { COMMENT_CANDIDATES, COMMENT_PROBE, SEARCH_PAGE_SIZE } from "./constants";
import type { Segment } from "./highlight";
import type { SearchFilters } from "./schemas";
import { parseQuery } from "./query";
import { forgetLexemeStatistics, prepare, search } from "./search.server";
import pg from "pg";
import { ownerUrlOf } from "../../../test/db";

type Actor = Awaited<ReturnType<typeof delegationActor>>;
type Options = { lang?: Language; filters?: SearchFilters; sort?: "relevance" | "newest"; page?: number };

const find = (viewer: Actor | null, query: string, { lang = "en", filters = {}, sort = "relevance", page = 1 }: Options = {}) =>
  search({ viewer, lang, query, filters, sort, page });
const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");
const marks = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const titles = async (viewer: Actor | null, query: string, options?: Options) => (await find(viewer, query, options)).results.map((r) => plain(r.title));

let member: Actor;
let head: Actor;
let expert: Actor;
let proposalId: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

beforeAll(async () => {
  member = await delegationActor("BR", "DELEGATE");
  head = await actorFor(await createUser({ role: "HEAD", delegationId: member.delegation!.id, name: "Head BR" }));
  expert = await delegationActor("IN", "EXPERT");
  // An English proposal under consultation, with a French translation.
  const proposal = await createProposal({
    actor: member,
    title: "Interoperable compute registries",
    originalLanguage: "en",
    topics: ["DIGITAL_INFRASTRUCTURE"],
    sections: [
      { heading: "Purpose", body: "Good governance of **public compute** needs shared registries." },
      { heading: "Health data", body: "Health records stay under national jurisdiction. <script>alert(1)</script>" },
    ],
  });
  proposalId = proposal.id;
  const keys = (await originalSections(prisma, proposal.id, 1)).sections.map((s) => s.key);
  await saveTranslation({
    actor: member,
    proposalId,
    version: 1,
    language: "fr",
    kind: "UNOFFICIAL_TRANSLATION",
    title: "Registres interopérables de calcul",
    sections: [
      { key: keys[0]!, heading: "Objet", body: "La bonne gouvernance du calcul public exige des registres partagés." },
      { key: keys[1]!, heading: "Données de santé", body: "Les dossiers médicaux restent sous juridiction nationale." },
    ],
  });
  await openOrExtendConsultation({ actor: member, proposalId, until: inDays(30), extend: false });
  // Drafts in Russian and Chinese.
  const ru = await delegationActor("RU", "DELEGATE");
  await createProposal({
    actor: ru,
    title: "Обязательства государств",
    originalLanguage: "ru",
    topics: ["DATA_OWNERSHIP"],
    sections: [{ heading: "Принципы", body: "Государства соблюдают суверенитет данных." }],
  });
  const cn = await delegationActor("CN", "DELEGATE");
  await createProposal({
    actor: cn,
    title: "开放模型评测标准",
    originalLanguage: "zh",
    topics: ["DIGITAL_CAPABILITY"],
    sections: [{ heading: "原则", body: "评测报告应公开所用数据集、提示模板和解码参数。" }],
  });
  // Strategies: Arabic (published, public) and Portuguese.
  const eg = await delegationActor("EG", "DELEGATE");
  const egHead = await actorFor(await createUser({ role: "HEAD", delegationId: eg.delegation!.id }));
  const arabic = await createStrategy({
    actor: eg,
    originalLanguage: "ar",
    ...strategyFields({
      title: "الاستراتيجية الوطنية للذكاء الاصطناعي السيادي",
      summary: "كيف تبني الدولة الذكاء الاصطناعي.",
      issuingAuthority: "وزارة الاتصالات",
      sections: [{ heading: "البيانات", body: "حماية البيانات الشخصية أولوية وطنية." }],
      dimensionNotes: { DATA_OWNERSHIP: "تبقى البيانات العامة داخل البلاد." },
    }),
  });
  await publishStrategy({ actor: egHead, strategyId: arabic.id, version: 1, visibility: "PUBLIC" });
  const brazilian = await createStrategy({
    actor: member,
    originalLanguage: "pt",
    ...strategyFields({ title: "Estratégia Brasileira de IA Soberana", sections: [{ heading: "Dados", body: "Dados públicos ficam no país." }] }),
  });
  await publishStrategy({ actor: head, strategyId: brazilian.id, version: 1, visibility: "PUBLIC" });
  // Datasets in Hindi, Spanish and Indonesian; a model; a benchmark with public results; a person.
  await createDataset({
    actor: expert,
    input: datasetFields({ name: "हिंदी–अंग्रेज़ी समानांतर कॉर्पस", description: "सरकारी सेवाओं के लिए अनुवाद।", originalLanguage: "hi", languages: ["hi", "en"] }),
  });
  await createDataset({
    actor: member,
    input: datasetFields({ name: "Corpus de noticias", description: "Noticias regionales etiquetadas.", originalLanguage: "es", languages: ["es"] }),
  });
  const id = await delegationActor("ID", "DELEGATE");
  await createDataset({ actor: id, input: datasetFields({ name: "Korpus daerah", description: "Kumpulan pemberitaan daerah.", originalLanguage: "id", languages: ["id", "sw"] }) });
  const model = await registerModel({ actor: expert, input: modelFields({ name: "Sarvam-Lexicon-2B", family: "Sarvam", description: "Trained on parliamentary transcripts." }) });
  await recordResults({
    actor: expert,
    modelId: model.id,
    harness: "lm-evaluation-harness",
    evaluatedAt: new Date("2025-03-01T00:00:00Z"),
    visibility: "PUBLIC",
    results: [{ task: "belebele_hin_Deva", metric: "acc", higherIsBetter: true, score: 0.5, language: "hi" }],
  });
  await createUser({ role: "DELEGATE", delegationId: member.delegation!.id, name: "Amara Okonkwo" });
  // A Persian comment (ZWNJ, Persian yeh) and an amendment.
  const ir = await delegationActor("IR", "DELEGATE");
  await addComment({ actor: ir, proposalId, sectionKey: keys[0]!, body: "داده‌ها باید در ایران بمانند." });
  await proposeAmendment({
    actor: ir,
    proposalId,
    sectionKey: keys[1]!,
    heading: "Health data",
    body: "Records stay under the jurisdiction of origin.",
    rationale: "Provenance matters for federated registries.",
  });
});

describe("what search finds", () => {
  it("finds each kind of thing by its words", async () => {
    const kinds = async (viewer: Actor | null, q: string) => (await find(viewer, q)).results.map((r) => r.kind);
    expect(await kinds(member, "interoperable registries")).toContain("proposal");
    expect(await kinds(member, "federated provenance")).toEqual(["amendment"]);
    expect(await kinds(member, "parliamentary transcripts")).toEqual(["model"]);
    expect(await kinds(null, "belebele")).toEqual(["benchmark"]);
    expect(await kinds(member, "Okonkwo")).toEqual(["person"]);
    expect(await kinds(null, "noticias")).toEqual(["dataset"]);
    expect(await kinds(null, "Brasileira")).toContain("strategy");
    const comment = (await find(member, "ایران")).results;
    expect(comment.map((r) => r.kind)).toEqual(["comment"]);
    expect(comment[0]!.href).toMatch(/^\/en\/proposals\/.+\/sections\/.+#c-/);
  });

  it("stems each language: inflected forms find each other", async () => {
    expect(await titles(member, "governing")).toContain("Interoperable compute registries");
    expect(await titles(member, "обязательство")).toEqual(["Обязательства государств"]);
    expect(await titles(null, "للبيانات")).toEqual(["الاستراتيجية الوطنية للذكاء الاصطناعي السيادي"]);
    expect(await titles(null, "सेवा")).toEqual(["हिंदी–अंग्रेज़ी समानांतर कॉर्पस"]);
    expect(await titles(null, "publico")).toEqual(["Estratégia Brasileira de IA Soberana"]);
    expect(await titles(null, "etiquetada")).toEqual(["Corpus de noticias"]);
    expect(await titles(null, "berita")).toEqual(["Korpus daerah"]);
    // French, typed without accents, finds the French version of the proposal.
    const french = (await find(member, "donnees sante")).results;
    expect(french.map((r) => [r.kind, plain(r.title), r.matchedLanguage])).toEqual([["proposal", "Registres interopérables de calcul", "fr"]]);
  });

  it("finds a Chinese word inside running Chinese text, marked as one word", async () => {
    const [result] = (await find(member, "数据集")).results;
    expect(plain(result!.title)).toBe("开放模型评测标准");
    expect(marks(result!.snippet)).toEqual(["数据集"]);
    // "参数" holds a character of the word but is not the word: not marked.
    expect(plain(result!.snippet)).toContain("数据集、提示模板和解码参数");
    // A phrase of characters that are each in the text but not together finds nothing.
    expect((await find(member, "数集")).total).toBe(0);
  });

  it("reads Persian with or without ZWNJ and with Arabic letters", async () => {
    for (const q of ["داده", "داده‌ها", "ايران"])
      expect(
        (await find(member, q)).results.map((r) => r.kind),
        q,
      ).toEqual(["comment"]);
    const [comment] = (await find(member, "داده")).results;
    // The ZWNJ is shown as written.
    expect(plain(comment!.snippet)).toContain("داده\u200Cها");
  });

  it("tolerates typos in titles and names, and suggests a spelling when nothing matches", async () => {
    const similar = (await find(null, "interoprable")).results;
    expect(similar).toEqual([]);
    const [hit] = (await find(member, "interoprable")).results;
    expect(hit).toMatchObject({ kind: "proposal", match: "similar" });
    expect((await find(member, "Okonkow")).results.map((r) => r.kind)).toEqual(["person"]);
    await createDataset({ actor: expert, input: datasetFields({ name: "Language atlas", description: "Where each is spoken." }) });
    // Too far for a match, close enough for a suggestion; the rest of the query is kept as typed.
    const none = await find(null, "langauge atlas");
    expect(none.total).toBe(0);
    expect(none.suggestions).toEqual(["language atlas"]);
  });

  it("finds a delegation by its name in any language, misspelt too, and what it owns", async () => {
    for (const q of ["Brasil", "Brazl", "Бразилия", "巴西", "البرازيل"]) {
      const outcome = await find(member, q);
      expect(
        outcome.delegations.map((d) => d.code),
        q,
      ).toEqual(["BR"]);
      expect(
        outcome.results.map((r) => plain(r.title)),
        q,
      ).toContain("Estratégia Brasileira de IA Soberana");
    }
    // Datasets by the language of their data.
    expect(await titles(null, "Swahili")).toEqual(["Korpus daerah"]);
  });
});

describe("snippets", () => {
  it("come from the best-matching section, with its heading, matches marked and Markdown flattened", async () => {
    const [result] = (await find(member, "public compute")).results;
    expect(result!.kind).toBe("proposal");
    expect(plain(result!.heading!)).toBe("Purpose");
    expect(plain(result!.snippet)).toBe("Good governance of public compute needs shared registries…");
    expect(marks(result!.snippet)).toEqual(["public", "compute"]);
    expect(result!.href).toMatch(/#s-/);
  });

  it("are plain text: no markup from a text reaches them, and a title is shown as written", async () => {
    const [result] = (await find(member, "jurisdiction records", { filters: { kind: "proposal" } })).results;
    expect(marks(result!.snippet)).toEqual(["records", "jurisdiction"]);
    expect(plain(result!.snippet)).not.toContain("<script");
    await createDataset({ actor: expert, input: datasetFields({ name: "Wetland <b>birds</b> census", description: "Counts." }) });
    const [dataset] = (await find(null, "wetland")).results;
    // Shown as text (React escapes it), marked, never as markup.
    expect(dataset!.title).toEqual([
      { text: "Wetland", mark: true },
      { text: " <b>birds</b> census", mark: false },
    ]);
  });
});

describe("filters, order and pages", () => {
  it("filters by kind, delegation, language, status, dimension and year", async () => {
    const kindsOf = async (q: string, filters: SearchFilters, viewer: Actor | null = member) => (await find(viewer, q, { filters })).results.map((r) => r.kind);
    expect(await kindsOf("registries", { kind: "amendment" })).toEqual(["amendment"]);
    expect(await kindsOf("registries", { kind: "proposal" })).toEqual(["proposal"]);
    expect(await kindsOf("registries", { delegation: "IR" })).toEqual(["amendment"]);
    expect(await titles(member, "calcul", { filters: { language: "fr" } })).toEqual(["Registres interopérables de calcul"]);
    expect(await titles(member, "calcul", { filters: { language: "en" } })).toEqual([]);
    expect(await kindsOf("registries", { status: "proposal:CONSULTATION" })).toEqual(["proposal"]);
    expect(await kindsOf("registries", { status: "proposal:DRAFT" })).toEqual([]);
    expect(await kindsOf("registries", { status: "amendment:PENDING" })).toEqual(["amendment"]);
    expect(await titles(null, "Brasileira", { filters: { dimension: "DATA_OWNERSHIP" } })).toEqual(["Estratégia Brasileira de IA Soberana"]);
    expect(await titles(null, "Brasileira", { filters: { dimension: "DIGITAL_GOVERNANCE" } })).toEqual([]);
    // Strategies by the year they were adopted.
    expect(await titles(null, "Brasileira", { filters: { year: 2024 } })).toEqual(["Estratégia Brasileira de IA Soberana"]);
    expect(await titles(null, "Brasileira", { filters: { year: 2023 } })).toEqual([]);
  });

  it("counts per kind whatever kind is shown, and pages through many results, newest first when asked", async () => {
    const za = await delegationActor("ZA", "DELEGATE");
    const keys = (await originalSections(prisma, proposalId, 1)).sections.map((s) => s.key);
    for (let i = 0; i < SEARCH_PAGE_SIZE + 5; i++) {
      await addComment({ actor: za, proposalId, sectionKey: keys[0]!, body: `Observation ${i} about quorumwatch procedures.` });
    }
    const first = await find(member, "quorumwatch", { sort: "newest" });
    expect(first.total).toBe(SEARCH_PAGE_SIZE + 5);
    expect(first.kinds).toEqual([{ value: "comment", count: SEARCH_PAGE_SIZE + 5 }]);
    expect(first.results).toHaveLength(SEARCH_PAGE_SIZE);
    expect(plain(first.results[0]!.snippet)).toContain(`Observation ${SEARCH_PAGE_SIZE + 4}`);
    const second = await find(member, "quorumwatch", { sort: "newest", page: 2 });
    expect(second.results).toHaveLength(5);
    expect(plain(second.results[4]!.snippet)).toContain("Observation 0 ");
    const onlyProposals = await find(member, "quorumwatch", { filters: { kind: "proposal" } });
    expect(onlyProposals.results).toEqual([]);
    expect(onlyProposals.kinds).toEqual([{ value: "comment", count: SEARCH_PAGE_SIZE + 5 }]);
  });

  it("ranks a title match above a body match", async () => {
    const za = await delegationActor("ZA", "DELEGATE");
    await createDataset({ actor: za, input: datasetFields({ name: "Mangrove survey", description: "Coastal plots." }) });
    await createDataset({ actor: za, input: datasetFields({ name: "Coastal plots", description: "A survey of mangrove forests." }) });
    expect(await titles(null, "mangrove")).toEqual(["Mangrove survey", "Coastal plots"]);
  });
});

describe("queries", () => {
  it("understands phrases, exclusions and or", async () => {
    expect(await titles(null, '"noticias regionales"')).toEqual(["Corpus de noticias"]);
    expect(await titles(null, '"regionales noticias"')).toEqual([]);
    expect(await titles(null, "noticias -etiquetadas")).toEqual([]);
    expect((await titles(null, "noticias or berita")).sort()).toEqual(["Corpus de noticias", "Korpus daerah"]);
  });

  it("answers any input without an error", async () => {
    const odd = ["", " ", "\u0000", '"', "-", "or", "- or -", "((", "!!&|:*", '\'; DROP TABLE "User"; --', "\uD800", "\u202Eevil", "a".repeat(5000), "😀", "-noticias"];
    for (const q of odd) {
      const outcome = await find(member, q);
      expect(outcome.total, JSON.stringify(q)).toBeGreaterThanOrEqual(0);
    }
    expect((await find(member, "-noticias")).empty).toBe(true);
    expect((await find(member, "")).empty).toBe(true);
  });
});

describe("the index follows the texts in the same transaction", () => {
  it("follows edited and hidden comments", async () => {
    const keys = (await originalSections(prisma, proposalId, 1)).sections.map((s) => s.key);
    const author = await delegationActor("ET", "DELEGATE");
    const comment = await addComment({ actor: author, proposalId, sectionKey: keys[0]!, body: "First thoughts on heliostat siting." });
    expect((await find(member, "heliostat")).total).toBe(1);
    await editComment({ actor: author, commentId: comment.id, body: "Second thoughts on solarium siting." });
    expect((await find(member, "heliostat")).total).toBe(0);
    expect((await find(member, "solarium")).total).toBe(1);
    const secretariat = await actorFor(await createUser({ role: "SECRETARIAT" }));
    await hideComment({ actor: secretariat, commentId: comment.id, reason: "Off topic" });
    expect((await find(member, "solarium")).total).toBe(0);
    expect((await find(secretariat, "solarium")).total).toBe(0);
  });

  it("follows new versions (only the current one is found) and replaced translations", async () => {
    const gh = await delegationActor("GH", "DELEGATE");
    const p = await createProposal({
      actor: gh,
      title: "Cocoa traceability",
      originalLanguage: "en",
      topics: ["DATA_OWNERSHIP"],
      sections: [{ heading: "Scope", body: "Farm registers." }],
    });
    expect((await find(member, "registers cocoa")).total).toBe(1);
    const [key] = (await originalSections(prisma, p.id, 1)).sections.map((s) => s.key);
    await saveVersion({
      actor: gh,
      proposalId: p.id,
      baseVersion: 1,
      title: "Cocoa traceability",
      changeNote: "",
      sections: [{ key, heading: "Scope", body: "Cooperative ledgers." }],
    });
    expect((await find(member, "registers cocoa")).total).toBe(0);
    expect((await find(member, "ledgers cocoa")).total).toBe(1);
    await saveTranslation({
      actor: gh,
      proposalId: p.id,
      version: 2,
      language: "fr",
      kind: "UNOFFICIAL_TRANSLATION",
      title: "Traçabilité du cacao",
      sections: [{ key: key!, heading: "Portée", body: "Registres coopératifs." }],
    });
    expect(await titles(member, "cacao")).toEqual(["Traçabilité du cacao"]);
    await saveTranslation({
      actor: gh,
      proposalId: p.id,
      version: 2,
      language: "fr",
      kind: "UNOFFICIAL_TRANSLATION",
      title: "Traçabilité des fèves",
      sections: [{ key: key!, heading: "Portée", body: "Registres coopératifs." }],
    });
    expect(await titles(member, "cacao")).toEqual([]);
  });

  it("follows datasets, models and people", async () => {
    const ke = await delegationActor("KE", "DELEGATE");
    const dataset = await createDataset({ actor: ke, input: datasetFields({ name: "Savanna acoustics", residencyNote: "Nairobi facility" }) });
    expect(await titles(null, "nairobi")).toEqual(["Savanna acoustics"]);
    await updateDatasetMetadata({ actor: ke, datasetId: dataset.id, input: { ...datasetFields(), residencyNote: "Mombasa facility", languages: ["en"] } });
    expect(await titles(null, "nairobi")).toEqual([]);
    expect(await titles(null, "mombasa")).toEqual(["Savanna acoustics"]);
    await saveDatasetText({ actor: ke, datasetId: dataset.id, language: "sw", name: "Sauti za savana", description: "Rekodi." });
    const [sw] = (await find(null, "sauti")).results;
    expect([plain(sw!.title), sw!.matchedLanguage]).toEqual(["Sauti za savana", "sw"]);

    const model = await registerModel({ actor: expert, input: modelFields({ name: "Baobab-1B" }) });
    expect(await titles(null, "baobab")).toEqual(["Baobab-1B"]);
    await updateModel({ actor: expert, modelId: model.id, input: modelFields({ name: "Acacia-1B" }) });
    expect(await titles(null, "baobab")).toEqual([]);

    const person = await createUser({ role: "DELEGATE", delegationId: ke.delegation!.id, name: "Wanjiru Kamau" });
    expect(await titles(member, "Wanjiru")).toEqual(["Wanjiru Kamau"]);
    await updatePreferences({ userId: person.id, name: "Wanjiru Otieno", locale: "en" });
    expect(await titles(member, "Kamau")).toEqual([]);
    const secretariat = await createUser({ role: "SECRETARIAT" });
    await setUserDisabled({ actorId: secretariat.id, userId: person.id, disabled: true });
    expect(await titles(member, "Wanjiru")).toEqual([]);
  });

  it("ranks comments among the newest that match, and says when more match", async () => {
    const author = await delegationActor("SN", "DELEGATE");
    const start = Date.now() - 86_400_000;
    await prisma.comment.createMany({
      data: Array.from({ length: COMMENT_PROBE + 5 }, (_, i) => ({
        proposalId,
        versionNumber: 1,
        sectionKey: "s-bulk",
        authorId: author.id,
        delegationId: author.delegation!.id,
        body: `Note ${i} on kestrelnote upkeep.`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    const common = async () => (await prepare(parseQuery("kestrelnote"), { regions: [], languages: [] })).commonInComments;
    expect(await common()).toBe(false);
    const outcome = await find(member, "kestrelnote", { sort: "newest" });
    expect(outcome.capped).toBe(true);
    expect(outcome.total).toBe(COMMENT_CANDIDATES);
    expect(plain(outcome.results[0]!.snippet)).toContain(`Note ${COMMENT_PROBE + 4} `);
    // Once the statistics say the word is common, the newest comments are walked instead: the same answer.
    // As autovacuum would, with the owner's rights (the application's role may not alter or analyze tables).
    const owner = new pg.Client({ connectionString: ownerUrlOf(process.env.DATABASE_URL!) });
    await owner.connect();
    try {
      await owner.query(`ALTER TABLE "SearchEntry" ALTER COLUMN doc SET STATISTICS 1000`);
      await owner.query(`ANALYZE "SearchEntry"`);
    } finally {
      await owner.end();
    }
    forgetLexemeStatistics();
    expect(await common()).toBe(true);
    const walked = await find(member, "kestrelnote", { sort: "newest" });
    expect(walked.results.map((r) => r.id)).toEqual(outcome.results.map((r) => r.id));
    expect(walked.total).toBe(outcome.total);
  });
});
