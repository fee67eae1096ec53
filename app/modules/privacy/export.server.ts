// A person's own data, as they may ask for it under their country's law
// (LGPD art. 18, DPDP Act s. 11, POPIA s. 23, PIPL art. 45, 152-FZ art. 14):
// their account, where and when they signed in, their notices, and the acts
// they took part in. Never a secret (password hash, second-factor secret,
// recovery codes, session ids) and never another person's address. One query
// per kind of record; docs/decisions/013-personal-data.md lists what is kept and why.
import { prisma } from "~/utils/db.server";

export const EXPORT_FORMAT_VERSION = 1;

export async function exportPersonalData(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      createdAt: true,
      passwordChangedAt: true,
      totpEnabledAt: true,
      disabledAt: true,
      delegation: { select: { code: true, status: true } },
    },
  });
  const [
    sessions,
    signIns,
    recoveryCodes,
    notifications,
    invitationAccepted,
    invitationsSent,
    comments,
    amendments,
    proposalVersions,
    proposalTexts,
    strategyVersions,
    strategyTexts,
    ballots,
    datasets,
    datasetFiles,
    accessRequests,
    evaluationRuns,
    auditEvents,
    notificationSettings,
    notificationPreferences,
    follows,
    mails,
    apiTokens,
  ] = await Promise.all([
    prisma.session.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, expiresAt: true, authenticatedAt: true, userAgent: true, ipAddress: true },
    }),
    prisma.signInRecord.findMany({ where: { userId }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true, outcome: true, ipAddress: true } }),
    prisma.recoveryCode.groupBy({ by: ["userId"], where: { userId }, _count: { _all: true, usedAt: true } }),
    prisma.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { kind: true, category: true, data: true, createdAt: true, readAt: true },
    }),
    prisma.invitation.findFirst({
      where: { acceptedUserId: userId },
      select: { createdAt: true, acceptedAt: true, role: true, delegation: { select: { code: true } } },
    }),
    prisma.invitation.findMany({
      where: { invitedById: userId },
      orderBy: { createdAt: "desc" },
      // Whom they invited is the invitee's personal data, not theirs: the act only.
      select: { createdAt: true, role: true, acceptedAt: true, revokedAt: true, delegation: { select: { code: true } } },
    }),
    prisma.comment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, editedAt: true, hiddenAt: true, sectionKey: true, versionNumber: true, stance: true, body: true, proposal: { select: { slug: true } } },
    }),
    prisma.amendment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, sectionKey: true, baseVersion: true, heading: true, body: true, rationale: true, status: true, proposal: { select: { slug: true } } },
    }),
    prisma.proposalVersion.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, number: true, changeNote: true, proposal: { select: { slug: true } } },
    }),
    prisma.proposalText.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, language: true, kind: true, title: true, version: { select: { number: true, proposal: { select: { slug: true } } } } },
    }),
    prisma.strategyVersion.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, number: true, changeNote: true, strategy: { select: { slug: true } } },
    }),
    prisma.strategyText.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, language: true, kind: true, title: true, version: { select: { number: true, strategy: { select: { slug: true } } } } },
    }),
    // Every ballot they cast for their delegation, including those later changed.
    prisma.ballotHistory.findMany({
      where: { castById: userId },
      orderBy: { castAt: "asc" },
      select: { castAt: true, choice: true, explanation: true, receipt: true, vote: { select: { id: true, proposal: { select: { slug: true } } } } },
    }),
    prisma.dataset.findMany({ where: { createdById: userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, slug: true } }),
    prisma.datasetFile.findMany({
      where: { uploadedById: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, filename: true, size: true, sha256: true, dataset: { select: { slug: true } } },
    }),
    prisma.datasetAccessRequest.findMany({
      where: { requesterId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, purpose: true, status: true, decidedAt: true, decisionNote: true, dataset: { select: { slug: true } } },
    }),
    prisma.evaluationRun.findMany({
      where: { submittedById: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, source: true, harness: true, fileName: true, resultCount: true, model: { select: { slug: true } } },
    }),
    prisma.auditEvent.findMany({
      where: { actorId: userId },
      orderBy: { seq: "asc" },
      select: { seq: true, occurredAt: true, act: true, objectType: true, objectId: true },
    }),
    prisma.notificationSettings.findUnique({
      where: { userId },
      select: { timeZone: true, digestHour: true, verifiedEmail: true, emailVerifiedAt: true, emailBouncedAt: true },
    }),
    prisma.notificationPreference.findMany({ where: { userId }, orderBy: { category: "asc" }, select: { category: true, email: true, inApp: true } }),
    prisma.follow.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, createdAt: true } }),
    prisma.mailOutbox.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { kind: true, category: true, status: true, createdAt: true, sentAt: true },
    }),
    // Personal access tokens (ADR 017): what they were for and when used, never the secret's hash.
    prisma.apiToken.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { name: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
    }),
  ]);

  const codes = recoveryCodes[0]?._count;
  return {
    format: "concord-personal-data",
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    account: { ...user, delegation: user.delegation ? { code: user.delegation.code, status: user.delegation.status } : null },
    security: {
      sessions,
      signIns,
      recoveryCodes: { total: codes?._all ?? 0, used: codes?.usedAt ?? 0 },
      apiTokens: apiTokens.map((t) => ({ ...t, scopes: t.scopes.map((s) => (s === "READ" ? "read" : "evaluations:write")) })),
    },
    notifications,
    notificationSettings: { settings: notificationSettings, preferences: notificationPreferences, follows, mails },
    invitations: {
      accepted: invitationAccepted ? { ...invitationAccepted, delegation: invitationAccepted.delegation?.code ?? null } : null,
      sent: invitationsSent.map((i) => ({ ...i, delegation: i.delegation?.code ?? null })),
    },
    contributions: {
      comments: comments.map(({ proposal, ...c }) => ({ proposal: proposal.slug, ...c })),
      amendments: amendments.map(({ proposal, ...a }) => ({ proposal: proposal.slug, ...a })),
      proposalVersions: proposalVersions.map(({ proposal, ...v }) => ({ proposal: proposal.slug, ...v })),
      proposalTexts: proposalTexts.map(({ version, ...t }) => ({ proposal: version.proposal.slug, version: version.number, ...t })),
      strategyVersions: strategyVersions.map(({ strategy, ...v }) => ({ strategy: strategy.slug, ...v })),
      strategyTexts: strategyTexts.map(({ version, ...t }) => ({ strategy: version.strategy.slug, version: version.number, ...t })),
      ballotsCast: ballots.map(({ vote, ...b }) => ({ proposal: vote.proposal.slug, vote: vote.id, ...b })),
      datasets: datasets,
      datasetFiles: datasetFiles.map(({ dataset, size, ...f }) => ({ dataset: dataset.slug, size: Number(size), ...f })),
      accessRequests: accessRequests.map(({ dataset, ...r }) => ({ dataset: dataset.slug, ...r })),
      evaluationRuns: evaluationRuns.map(({ model, ...r }) => ({ model: model.slug, ...r })),
    },
    auditEvents: auditEvents.map((e) => ({ ...e, seq: e.seq.toString() })),
  };
}

export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;

/** How many records of each kind the export holds: the summary the account page shows. */
export function exportCounts(data: PersonalDataExport) {
  const c = data.contributions;
  return {
    sessions: data.security.sessions.length,
    signIns: data.security.signIns.length,
    notifications: data.notifications.length,
    follows: data.notificationSettings.follows.length,
    mails: data.notificationSettings.mails.length,
    invitationsSent: data.invitations.sent.length,
    comments: c.comments.length,
    amendments: c.amendments.length,
    versions: c.proposalVersions.length + c.strategyVersions.length,
    texts: c.proposalTexts.length + c.strategyTexts.length,
    ballots: c.ballotsCast.length,
    datasets: c.datasets.length + c.datasetFiles.length,
    accessRequests: c.accessRequests.length,
    evaluations: c.evaluationRuns.length,
    auditEvents: data.auditEvents.length,
  };
}
