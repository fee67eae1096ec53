// View models of the proposal pages: what each page shows and what the reader
// may do there, computed here from the rules the services own, so routes only
// find the user, call one of these, and respond.
import { countCommentsBySection, listSectionThreads } from "~/modules/comment/comment.server";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { compareVersions, reviewForRefusedSave } from "~/modules/document/document.server";
import { proposalFollowState } from "~/modules/follow/follow.server";
import { renderMarkdown } from "~/modules/text/markdown.server";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma as prisma } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/errors";
import { getFixedT } from "~/utils/i18n.server";
import { isLanguage, LANGUAGES, type Language } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { listAmendments } from "./amendment.server";
import { listBrackets } from "./bracket.server";
import { proposalStore } from "./document-store.server";
import { isLeadDrafter, mayBracket, mayComment, mayCoSponsor, mayEdit, mayLead, mayProposeAmendment, mayResolveBracket } from "./permissions";
import { assertMayRead, getProposalBySlug, getVersionText, listVersions } from "./proposal.server";
import { PROPOSAL_MERGE_FIELDS } from "./schemas";

/** What every proposal page shows at its top: the proposal, its text in the language asked for, and what the reader may do. */
export async function loadProposalPage({
  slug,
  lang,
  user,
  version,
  textLanguage,
}: {
  slug: string;
  lang: string;
  user: CurrentUser | null;
  version?: number;
  /** The text's language asked for (`?text=`); the interface language otherwise. */
  textLanguage?: string;
}) {
  assertMayRead(user);
  const proposal = await getProposalBySlug(slug);
  const number = version ?? proposal.currentVersion;
  const current = await getVersionText({ proposalId: proposal.id, number, language: textLanguage ?? lang });
  const consultationOpen = proposal.status === "CONSULTATION" && proposal.consultationEndsAt !== null && proposal.consultationEndsAt.getTime() > Date.now();
  const ownDelegationId = user.delegation?.id;
  const may = {
    edit: mayEdit(user, proposal),
    lead: mayLead(user, proposal),
    isLead: isLeadDrafter(user, proposal),
    coSponsor: mayCoSponsor(user, proposal),
    isSponsor: current.version.sponsors.some((s) => s.id === ownDelegationId),
    bracket: mayBracket(user, proposal),
    amend: mayProposeAmendment(user, proposal) && consultationOpen,
    comment: mayComment(user, proposal) && consultationOpen,
    moderate: can(user, "moderate"),
  };
  return {
    proposal: {
      id: proposal.id,
      slug: proposal.slug,
      status: proposal.status,
      topics: proposal.topics,
      originalLanguage: proposal.originalLanguage,
      currentVersion: proposal.currentVersion,
      consultationEndsAt: proposal.consultationEndsAt,
      consultationOpen,
      lastActivityAt: proposal.lastActivityAt,
      leadDelegationId: proposal.leadDelegationId,
      leadCode: proposal.leadDelegation.code,
      coDrafters: proposal.coDrafters.map((c) => c.delegation.code),
      coDrafterDelegationIds: proposal.coDrafterDelegationIds,
    },
    current,
    may,
  };
}

type Page = Awaited<ReturnType<typeof loadProposalPage>>;

/** Open brackets of a section, as the Markdown renderer marks them. */
function bracketMarks(brackets: Awaited<ReturnType<typeof listBrackets>>, sectionKey: string, lang: string, t: (key: string, values: Record<string, string>) => string) {
  return brackets
    .filter((b) => b.status === "OPEN" && b.sectionKey === sectionKey)
    .map((b) => ({ id: b.id, passage: b.passage, label: t("brackets.heldBy", { delegation: delegationName(b.holderDelegation.code, lang) }) }));
}

/** The delegations the lead may invite to draft: members and partners not drafting it yet, by name. */
async function coDrafterCandidates(page: Page, lang: string) {
  if (!page.may.lead) return [];
  const drafting = new Set([page.proposal.leadDelegationId, ...page.proposal.coDrafterDelegationIds]);
  const delegations = await listDelegations();
  return sortByName(
    delegations.filter((d) => d.status !== "OBSERVER" && !drafting.has(d.id)),
    lang,
  ).map((d) => ({ id: d.id, code: d.code }));
}

/** The proposal page: its text with open brackets marked, the activity of each section, the lead's controls. */
export async function loadProposalOverview(args: Parameters<typeof loadProposalPage>[0] & { lang: Language }) {
  const page = await loadProposalPage(args);
  const { proposal, current } = page;
  const [brackets, counts, amendments, inviteOptions, follow, t] = await Promise.all([
    listBrackets(proposal.id),
    countCommentsBySection(proposal.id),
    listAmendments({ proposalId: proposal.id, currentVersion: proposal.currentVersion }),
    coDrafterCandidates(page, args.lang),
    args.user ? proposalFollowState(args.user, proposal.id) : { following: false, automatic: false },
    getFixedT(args.lang, "proposals"),
  ]);
  const openBrackets = brackets.filter((b) => b.status === "OPEN");
  const sections = current.text.sections.map((s) => ({
    key: s.key,
    heading: s.heading,
    html: renderMarkdown(s.body, { brackets: bracketMarks(brackets, s.key, args.lang, t) }),
    comments: counts[s.key] ?? 0,
    pendingAmendments: amendments.filter((a) => a.sectionKey === s.key && a.status === "PENDING").length,
    brackets: openBrackets.filter((b) => b.sectionKey === s.key).map((b) => ({ id: b.id, passage: b.passage, holderCode: b.holderDelegation.code, note: b.note })),
  }));
  return { ...page, sections, openBracketCount: openBrackets.length, inviteOptions, follow };
}

/** One section under discussion: its text with brackets, the amendments to it, a page of its comment threads. */
export async function loadSectionPage(args: Parameters<typeof loadProposalPage>[0] & { lang: Language; sectionKey: string; page: number }) {
  const { user } = args;
  const view = await loadProposalPage(args);
  const { proposal, current } = view;
  const section = current.text.sections.find((s) => s.key === args.sectionKey);
  if (!section) throw notFound();
  const [brackets, amendments, threads, t] = await Promise.all([
    listBrackets(proposal.id),
    listAmendments({ proposalId: proposal.id, currentVersion: proposal.currentVersion, sectionKey: section.key }),
    listSectionThreads({ proposalId: proposal.id, sectionKey: section.key, page: args.page, viewer: user! }),
    getFixedT(args.lang, "proposals"),
  ]);
  const sectionBrackets = brackets.filter((b) => b.sectionKey === section.key);
  return {
    ...view,
    section: {
      key: section.key,
      heading: section.heading,
      html: renderMarkdown(section.body, { brackets: bracketMarks(brackets, section.key, args.lang, t) }),
      body: section.body,
    },
    brackets: sectionBrackets.map((b) => ({ ...b, mayResolve: b.status === "OPEN" && mayResolveBracket(user!, proposal, b) })),
    amendments: amendments.map((a) => ({ ...a, bodyHtml: renderMarkdown(a.body) })),
    comments: threads.threads.map((c) => ({ ...c, html: c.body === null ? null : renderMarkdown(c.body) })),
    commentTotal: threads.total,
    commentPageSize: threads.pageSize,
    pageNumber: args.page,
  };
}

/** The editor: the newest version in the original language (the editor always works on it). */
export async function loadEditorPage(args: Parameters<typeof loadProposalPage>[0]) {
  const page = await loadProposalPage(args);
  if (!page.may.edit) throw forbidden();
  const original = await getVersionText({ proposalId: page.proposal.id, number: page.proposal.currentVersion, language: page.proposal.originalLanguage });
  return { ...page, original: original.text };
}

/** The review to show after a refused save of a proposal (ADR 009), or null. */
export function proposalReview(proposalId: string, error: unknown, payload: unknown) {
  return reviewForRefusedSave(proposalStore, proposalId, error, payload, PROPOSAL_MERGE_FIELDS);
}

/** The translation page: the original and the translation into the language asked for (`?language=`), if any. */
export async function loadTranslationPage(args: Parameters<typeof loadProposalPage>[0] & { lang: string; wanted: string | null }) {
  const page = await loadProposalPage(args);
  if (!page.may.edit) throw forbidden();
  const { proposal } = page;
  const targets = LANGUAGES.map((l) => l.code).filter((c) => c !== proposal.originalLanguage);
  const target = isLanguage(args.wanted) && args.wanted !== proposal.originalLanguage ? args.wanted : args.lang !== proposal.originalLanguage ? args.lang : targets[0]!;
  const [original, existing] = await Promise.all([
    getVersionText({ proposalId: proposal.id, number: proposal.currentVersion, language: proposal.originalLanguage }),
    getVersionText({ proposalId: proposal.id, number: proposal.currentVersion, language: target }),
  ]);
  return {
    ...page,
    targets,
    target,
    original: original.text,
    translation: existing.isFallback ? null : existing.text,
    kinds: page.may.isLead ? (["OFFICIAL_TRANSLATION", "UNOFFICIAL_TRANSLATION"] as const) : (["UNOFFICIAL_TRANSLATION"] as const),
  };
}

/** The history, and the comparison of two versions when both are asked for. */
export async function loadHistoryPage(args: Parameters<typeof loadProposalPage>[0] & { from: number | null; to: number | null }) {
  const page = await loadProposalPage(args);
  const { proposal } = page;
  const versions = await listVersions(proposal.id);
  const { from, to } = args;
  const comparison = from && to && from !== to ? await compareVersions(prisma, proposalStore, proposal.id, from, to) : null;
  return {
    ...page,
    versions,
    from: from ?? Math.max(1, proposal.currentVersion - 1),
    to: to ?? proposal.currentVersion,
    comparison: comparison && from && to ? { from, to, ...comparison } : null,
  };
}
