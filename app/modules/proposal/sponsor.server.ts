// Co-sponsorship follows the text: heads join or leave the sponsors of the
// current version; each version keeps its own list.
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden } from "~/utils/errors";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { noticeSponsorship } from "~/modules/notification/proposal-events.server";
import { mayCoSponsor } from "./permissions";
import { loadAccess } from "./proposal.server";

export async function setSponsorship({ actor, proposalId, join }: { actor: CurrentUser; proposalId: string; join: boolean }) {
  await prisma.$transaction(async (tx) => {
    const access = await loadAccess(tx, proposalId);
    if (!mayCoSponsor(actor, access) || !actor.delegation) throw forbidden();
    const version = await tx.proposalVersion.findUniqueOrThrow({
      where: { proposalId_number: { proposalId, number: access.currentVersion } },
      select: { id: true },
    });
    const delegationId = actor.delegation.id;
    if (join) {
      const r = await tx.proposalSponsor.createMany({
        data: [{ versionId: version.id, delegationId, joinedById: actor.id }],
        skipDuplicates: true,
      });
      if (r.count !== 1) throw new DomainError(409, "errors.alreadySponsor");
    } else {
      const r = await tx.proposalSponsor.deleteMany({ where: { versionId: version.id, delegationId } });
      if (r.count !== 1) throw new DomainError(409, "errors.notSponsor");
    }
    await tx.proposal.update({ where: { id: proposalId }, data: { lastActivityAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      delegationId,
      act: join ? "sponsor.joined" : "sponsor.withdrew",
      objectType: "proposal",
      objectId: proposalId,
      data: { version: access.currentVersion },
    });
    await noticeSponsorship(tx, { actor, proposalId, joined: join });
  });
}
