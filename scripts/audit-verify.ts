// `npm run audit:verify`: recompute the audit log's hash chain and report the
// first broken link. Exits 1 when the chain is broken. Runs beside a live server.
import { latestAuditHash, verifyAuditChain } from "~/modules/audit/audit.server";
import { runCommand } from "../server/command";

await runCommand(async () => {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.count} events verified.`);
    if (result.redacted) console.log(`${result.redacted} of them had personal data redacted (erasure); their place in the chain is verified.`);
    console.log(`Newest hash: ${await latestAuditHash()}`);
    return 0;
  }
  const reason =
    result.reason === "hash"
      ? "its content does not match its hash"
      : result.reason === "data"
        ? "its data does not match the digest its hash covers"
        : "it does not link to the event before";
  console.error(`Audit chain BROKEN at event #${result.brokenAt} (${reason}); ${result.count} events before it verified.`);
  return 1;
});
