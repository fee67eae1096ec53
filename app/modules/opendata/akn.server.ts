// Akoma Ntoso 3.0 (OASIS LegalDocML) of a position, or of a proposal version
// for members: one XML document per language version (an FRBR expression),
// valid against the official schema (test/fixtures/akn/akomantoso30.xsd).
//
// - Identification: the work is the text (`/akn/concord/statement/<created>/<slug>`),
//   each language version of the version an expression (`…/<lang>@v<n>`) whose
//   translations name the original as master expression, and this XML file the
//   manifestation.
// - The sections are <section>s with <num> and <heading>; reservations made in
//   the vote are footnotes (<authorialNote placement="bottom">) on the heading
//   of the section they concern.
// - The co-sponsors and the vote are metadata: <workflow> steps (proposal,
//   co-sponsorships, vote opened, vote closed with its outcome), <lifecycle>
//   events, the organizations in <references>, and the tally and each
//   delegation's recorded vote in <proprietary>.
// See docs/decisions/017-open-data-api.md.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { delegationName } from "~/modules/delegation/names";
import { formatDate } from "~/components/ui/formatted";
import { getFixedT } from "~/utils/i18n.server";
import { DEFAULT_LANGUAGE, isLanguage } from "~/utils/i18n";
import { notFound } from "~/utils/errors";
import { iso6392 } from "./languages";
import { AKN_NS, markdownToAkn, xmlText } from "./markdown-akn";
import { loadTextDocument, type TextDocument } from "~/modules/position/document.server";

/** The namespace of Concord's own metadata inside <proprietary>. */
export const CONCORD_AKN_NS = "urn:concord:akn:1";
/** The jurisdiction part of the URIs (FRBRcountry): the portal's members acting together. */
export const AKN_JURISDICTION = "concord";
export const AKN_CONTENT_TYPE = "application/akn+xml";

const day = (d: Date) => d.toISOString().slice(0, 10);
const orgId = (code: string) => `delegation_${code.toLowerCase()}`;

export type AknLabels = {
  appName: string;
  chair: string;
  leadDelegation: string;
  coSponsor: string;
  coSponsors: string;
  reservationOf: (delegation: string) => string;
  status: string;
  rule: string;
  outcome: string;
  events: { proposed: string; versionSaved: string; coSponsored: string; voteOpened: string; voteClosed: string };
};

export async function aknLabels(doc: TextDocument, language: string): Promise<AknLabels> {
  const lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  const [t, votes, common] = await Promise.all([getFixedT(lang, "api"), getFixedT(lang, "votes"), getFixedT(lang, "common")]);
  const vote = doc.vote;
  return {
    appName: common("appName"),
    chair: t("akn.chair"),
    leadDelegation: t("akn.leadDelegation"),
    coSponsor: t("akn.coSponsor"),
    coSponsors: t("akn.coSponsors"),
    reservationOf: (delegation) => t("akn.reservationOf", { delegation }),
    status: vote
      ? t("akn.statusVoted", { outcome: votes(`outcome.${vote.outcome}`), date: formatDate(vote.closedAt, lang), rule: votes(`rule.${vote.rule}`) })
      : t("akn.statusVersion", { number: doc.version.number, date: formatDate(doc.version.createdAt, lang) }),
    rule: vote ? votes(`rule.${vote.rule}`) : "",
    outcome: vote ? votes(`outcome.${vote.outcome}`) : "",
    events: {
      proposed: t("akn.events.proposed"),
      versionSaved: t("akn.events.versionSaved"),
      coSponsored: t("akn.events.coSponsored"),
      voteOpened: t("akn.events.voteOpened"),
      voteClosed: t("akn.events.voteClosed"),
    },
  };
}

/** The URIs of a document and of its expressions (FRBR). */
export function aknUris(doc: TextDocument, language: string) {
  const work = `/akn/${AKN_JURISDICTION}/statement/${day(doc.proposal.createdAt)}/${doc.proposal.slug}`;
  const expression = (lang: string) => `${work}/${iso6392(lang)}@v${doc.version.number}`;
  return { work, expression: expression(language), expressionOf: expression, manifestation: `${expression(language)}/!main.xml` };
}

/** The XML of one language version of the document. */
export function buildAkomaNtoso(doc: TextDocument, language: string, labels: AknLabels): string {
  const text = doc.texts.find((t) => t.language === language);
  if (!text) throw notFound();
  const original = doc.texts.find((t) => t.kind === "ORIGINAL") ?? doc.texts[0]!;
  const uris = aknUris(doc, language);
  const name = (code: string) => delegationName(code, language);
  const vote = doc.vote;
  const adopted = vote?.outcome === "ADOPTED";
  const isPosition = adopted && doc.proposal.status === "ADOPTED";

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(AKN_NS, "akomaNtoso").att("http://www.w3.org/2000/xmlns/", "xmlns:concord", CONCORD_AKN_NS);
  const statement = root.ele(AKN_NS, "statement", { name: isPosition ? "position" : "proposal" });
  const meta = statement.ele(AKN_NS, "meta");

  // --- identification (FRBR)
  const identification = meta.ele(AKN_NS, "identification", { source: "#concord" });
  const work = identification.ele(AKN_NS, "FRBRWork");
  work.ele(AKN_NS, "FRBRthis", { value: `${uris.work}/!main` });
  work.ele(AKN_NS, "FRBRuri", { value: uris.work });
  work.ele(AKN_NS, "FRBRalias", { value: doc.proposal.slug, name: "slug" });
  work.ele(AKN_NS, "FRBRdate", { date: day(doc.proposal.createdAt), name: "proposal" });
  work.ele(AKN_NS, "FRBRauthor", { href: `#${orgId(doc.proposal.leadCode)}`, as: "#leadDelegation" });
  work.ele(AKN_NS, "FRBRcountry", { value: AKN_JURISDICTION });
  work.ele(AKN_NS, "FRBRsubtype", { value: isPosition ? "position" : "proposal" });
  work.ele(AKN_NS, "FRBRnumber", { value: doc.proposal.slug });
  work.ele(AKN_NS, "FRBRname", { value: xmlText(original.title) });
  work.ele(AKN_NS, "FRBRprescriptive", { value: "false" });
  work.ele(AKN_NS, "FRBRauthoritative", { value: String(isPosition) });

  const expression = identification.ele(AKN_NS, "FRBRExpression");
  expression.ele(AKN_NS, "FRBRthis", { value: `${uris.expression}/!main` });
  expression.ele(AKN_NS, "FRBRuri", { value: uris.expression });
  expression.ele(AKN_NS, "FRBRdate", { date: day(isPosition ? vote!.closedAt : doc.version.createdAt), name: isPosition ? "adoption" : "version" });
  expression.ele(AKN_NS, "FRBRauthor", { href: `#${orgId(doc.proposal.leadCode)}`, as: "#leadDelegation" });
  expression.ele(AKN_NS, "FRBRversionNumber", { value: String(doc.version.number) });
  // An unofficial translation does not bind anyone; the original and official translations do, once adopted.
  expression.ele(AKN_NS, "FRBRauthoritative", { value: String(isPosition && text.kind !== "UNOFFICIAL_TRANSLATION") });
  if (text.kind !== "ORIGINAL") expression.ele(AKN_NS, "FRBRmasterExpression", { href: uris.expressionOf(original.language), showAs: xmlText(original.title) });
  expression.ele(AKN_NS, "FRBRlanguage", { language: iso6392(text.language) });
  if (text.kind !== "ORIGINAL") {
    expression.ele(AKN_NS, "FRBRtranslation", {
      href: uris.expressionOf(original.language),
      fromLanguage: iso6392(original.language),
      authoritative: String(text.kind === "OFFICIAL_TRANSLATION"),
      by: `#${orgId(doc.proposal.leadCode)}`,
    });
  }

  const manifestation = identification.ele(AKN_NS, "FRBRManifestation");
  manifestation.ele(AKN_NS, "FRBRthis", { value: uris.manifestation });
  manifestation.ele(AKN_NS, "FRBRuri", { value: `${uris.expression}.akn` });
  // Marked up when the last thing it records happened: the text's language version, or the vote's close.
  const markedUp = vote && vote.closedAt > text.createdAt ? vote.closedAt : text.createdAt;
  manifestation.ele(AKN_NS, "FRBRdate", { date: day(markedUp), name: "markup" });
  manifestation.ele(AKN_NS, "FRBRauthor", { href: "#concord", as: "#publisher" });
  manifestation.ele(AKN_NS, "FRBRformat", { value: AKN_CONTENT_TYPE });

  // --- classification: the DSI dimensions the text is about
  if (doc.proposal.topics.length) {
    const classification = meta.ele(AKN_NS, "classification", { source: "#concord" });
    for (const topic of doc.proposal.topics) classification.ele(AKN_NS, "keyword", { value: topic, showAs: topic, dictionary: "#dsi" });
  }

  // --- lifecycle: the text comes into being, and (for a position) is adopted
  const lifecycle = meta.ele(AKN_NS, "lifecycle", { source: "#concord" });
  lifecycle.ele(AKN_NS, "eventRef", { eId: "evt_proposed", date: day(doc.proposal.createdAt), source: "#original", type: "generation", refersTo: "#proposed" });
  if (doc.version.number > 1) {
    lifecycle.ele(AKN_NS, "eventRef", { eId: "evt_version", date: day(doc.version.createdAt), source: "#original", type: "amendment", refersTo: "#versionSaved" });
  }
  if (isPosition) {
    lifecycle.ele(AKN_NS, "eventRef", { eId: "evt_adopted", date: day(vote!.closedAt), source: "#original", type: "generation", refersTo: "#voteClosed" });
  }

  // --- workflow: who did what, when, with what outcome
  const workflow = meta.ele(AKN_NS, "workflow", { source: "#concord" });
  workflow.ele(AKN_NS, "step", { date: doc.proposal.createdAt.toISOString(), by: `#${orgId(doc.proposal.leadCode)}`, as: "#leadDelegation", refersTo: "#proposed" });
  if (doc.version.number > 1) {
    const by = doc.version.creditedCode ?? doc.proposal.leadCode;
    workflow.ele(AKN_NS, "step", { date: doc.version.createdAt.toISOString(), by: `#${orgId(by)}`, refersTo: "#versionSaved" });
  }
  for (const sponsor of doc.sponsors) {
    workflow.ele(AKN_NS, "step", { date: sponsor.joinedAt.toISOString(), by: `#${orgId(sponsor.code)}`, as: "#coSponsor", refersTo: "#coSponsored" });
  }
  if (vote) {
    workflow.ele(AKN_NS, "step", {
      date: vote.openedAt.toISOString(),
      by: vote.openedByChair ? "#secretariat" : `#${orgId(doc.proposal.leadCode)}`,
      as: vote.openedByChair ? "#chair" : "#leadDelegation",
      refersTo: "#voteOpened",
    });
    workflow.ele(AKN_NS, "step", { date: vote.closedAt.toISOString(), by: "#concord", refersTo: "#voteClosed", outcome: `#outcome_${vote.outcome.toLowerCase()}` });
  }

  // --- references: everyone and everything the metadata points to
  const references = meta.ele(AKN_NS, "references", { source: "#concord" });
  references.ele(AKN_NS, "original", { eId: "original", href: uris.expressionOf(original.language), showAs: xmlText(original.title) });
  references.ele(AKN_NS, "TLCOrganization", { eId: "concord", href: "/ontology/organization/concord", showAs: labels.appName });
  references.ele(AKN_NS, "TLCOrganization", { eId: "secretariat", href: "/ontology/organization/concord/secretariat", showAs: labels.chair });
  const delegations = new Set([doc.proposal.leadCode, ...doc.sponsors.map((s) => s.code), ...doc.record.map((r) => r.delegationCode)]);
  if (doc.version.creditedCode) delegations.add(doc.version.creditedCode);
  for (const code of [...delegations].sort()) {
    references.ele(AKN_NS, "TLCOrganization", { eId: orgId(code), href: `/ontology/organization/concord/delegation/${code.toLowerCase()}`, showAs: name(code) });
  }
  references.ele(AKN_NS, "TLCRole", { eId: "leadDelegation", href: "/ontology/role/concord/leadDelegation", showAs: labels.leadDelegation });
  references.ele(AKN_NS, "TLCRole", { eId: "coSponsor", href: "/ontology/role/concord/coSponsor", showAs: labels.coSponsor });
  references.ele(AKN_NS, "TLCRole", { eId: "chair", href: "/ontology/role/concord/chair", showAs: labels.chair });
  references.ele(AKN_NS, "TLCRole", { eId: "publisher", href: "/ontology/role/concord/publisher", showAs: labels.appName });
  for (const [id, label] of Object.entries(labels.events)) {
    references.ele(AKN_NS, "TLCEvent", { eId: id, href: `/ontology/event/concord/${id}`, showAs: label });
  }
  if (vote) {
    references.ele(AKN_NS, "TLCConcept", {
      eId: `outcome_${vote.outcome.toLowerCase()}`,
      href: `/ontology/concept/concord/outcome/${vote.outcome.toLowerCase()}`,
      showAs: labels.outcome,
    });
    references.ele(AKN_NS, "TLCConcept", { eId: "rule", href: `/ontology/concept/concord/rule/${vote.rule.toLowerCase()}`, showAs: labels.rule });
  }
  if (doc.proposal.topics.length) {
    references.ele(AKN_NS, "TLCConcept", { eId: "dsi", href: "/ontology/concept/concord/dsi", showAs: "Digital Sovereignty Index" });
  }

  // --- proprietary: the vote as recorded (tally, each delegation's vote, explanations, reservations)
  if (vote) {
    const proprietary = meta.ele(AKN_NS, "proprietary", { source: "#concord" });
    const v = proprietary.ele(CONCORD_AKN_NS, "concord:vote", {
      id: vote.id,
      rule: vote.rule,
      quorumPercent: String(vote.quorumPercent),
      versionNumber: String(vote.versionNumber),
      eligible: String(vote.eligibleCount),
      opened: vote.openedAt.toISOString(),
      closed: vote.closedAt.toISOString(),
      outcome: vote.outcome,
    });
    v.ele(CONCORD_AKN_NS, "concord:tally", {
      yes: String(vote.tally.yes),
      no: String(vote.tally.no),
      abstain: String(vote.tally.abstain),
      object: String(vote.tally.object),
      breakSilence: String(vote.tally.breakSilence),
    });
    for (const r of doc.record) {
      const ballot = v.ele(CONCORD_AKN_NS, "concord:ballot", { delegation: r.delegationCode, refersTo: `#${orgId(r.delegationCode)}` });
      if (r.choice) ballot.att("choice", r.choice);
      if (r.castAt) ballot.att("cast", r.castAt.toISOString());
      if (r.receipt) ballot.att("receipt", r.receipt);
      if (r.explanation) ballot.ele(CONCORD_AKN_NS, "concord:explanation").txt(xmlText(r.explanation));
      for (const res of r.reservations) ballot.ele(CONCORD_AKN_NS, "concord:reservation", { section: res.sectionKey }).txt(xmlText(res.text));
    }
  }

  // --- preface: title, proponents, status
  const preface = statement.ele(AKN_NS, "preface");
  preface.ele(AKN_NS, "p", { class: "title" }).ele(AKN_NS, "docTitle").txt(xmlText(text.title));
  const lead = preface.ele(AKN_NS, "p", { class: "proponent" });
  lead.txt(`${labels.leadDelegation}: `);
  lead.ele(AKN_NS, "docProponent", { as: "#leadDelegation", refersTo: `#${orgId(doc.proposal.leadCode)}` }).txt(name(doc.proposal.leadCode));
  if (doc.sponsors.length) {
    const sponsors = preface.ele(AKN_NS, "p", { class: "coSponsors" });
    sponsors.txt(`${labels.coSponsors}: `);
    doc.sponsors.forEach((s, i) => {
      if (i > 0) sponsors.txt(", ");
      sponsors.ele(AKN_NS, "docProponent", { as: "#coSponsor", refersTo: `#${orgId(s.code)}` }).txt(name(s.code));
    });
  }
  const status = preface.ele(AKN_NS, "p", { class: "status" });
  status.ele(AKN_NS, "docStatus").txt(labels.status);
  const statusDate = vote ? vote.closedAt : doc.version.createdAt;
  status.txt(" ");
  status.ele(AKN_NS, "docDate", { date: day(statusDate) }).txt(day(statusDate));

  // --- the text: sections, with reservations as footnotes on their headings
  const mainBody = statement.ele(AKN_NS, "mainBody");
  const keys = new Set(text.sections.map((s) => s.key));
  const notes = doc.record.flatMap((r) => r.reservations.map((res) => ({ code: r.delegationCode, ...res }))).filter((n) => keys.has(n.sectionKey));
  let marker = 0;
  text.sections.forEach((section, i) => {
    const eId = `sec_${i + 1}`;
    const element = mainBody.ele(AKN_NS, "section", { eId, wId: `sec_${section.key}` });
    element.ele(AKN_NS, "num").txt(`${i + 1}.`);
    const heading = element.ele(AKN_NS, "heading", { eId: `${eId}__heading` });
    heading.txt(xmlText(section.heading));
    for (const note of notes.filter((n) => n.sectionKey === section.key)) {
      marker++;
      addNote(heading, `${eId}__authorialNote_${marker}`, marker, `${labels.reservationOf(name(note.code))}: `, note.text, orgId(note.code));
    }
    markdownToAkn(element.ele(AKN_NS, "content"), section.body);
  });
  // Reservations on a section this language version does not have (should not happen) are kept, not lost.
  const orphans = doc.record.flatMap((r) => r.reservations.map((res) => ({ code: r.delegationCode, ...res }))).filter((n) => !keys.has(n.sectionKey));
  if (orphans.length) {
    const conclusions = statement.ele(AKN_NS, "conclusions");
    const p = conclusions.ele(AKN_NS, "p");
    for (const note of orphans) {
      marker++;
      addNote(p, `conclusions__authorialNote_${marker}`, marker, `${labels.reservationOf(name(note.code))} (${note.sectionKey}): `, note.text, orgId(note.code));
    }
  }
  return root.end({ prettyPrint: true });
}

function addNote(parent: XMLBuilder, eId: string, marker: number, label: string, body: string, by: string) {
  const note = parent.ele(AKN_NS, "authorialNote", { eId, marker: String(marker), placement: "bottom", refersTo: `#${by}` });
  const p = note.ele(AKN_NS, "p");
  p.txt(label);
  p.txt(xmlText(body));
}

/**
 * The Akoma Ntoso of a position in one of its languages (`number` omitted), or of
 * a proposal version (members only: the route checks). The language version is
 * the one asked for when the text has it, else the original.
 */
export async function exportAkn({ slug, number, language }: { slug: string; number?: number; language: string }) {
  const doc = await loadTextDocument({ slug, number });
  const text = doc.texts.find((t) => t.language === language) ?? doc.texts.find((t) => t.kind === "ORIGINAL") ?? doc.texts[0];
  if (!text) throw notFound();
  const xml = buildAkomaNtoso(doc, text.language, await aknLabels(doc, text.language));
  return {
    xml,
    language: text.language,
    languages: doc.texts.map((t) => ({ language: t.language, kind: t.kind })),
    filename: `${doc.proposal.slug}-v${doc.version.number}-${text.language}.akn.xml`,
  };
}
