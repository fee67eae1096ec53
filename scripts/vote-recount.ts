// `npm run vote:recount -- <vote id>` (or `--all`): recount the ballots of closed
// votes and compare with the recorded tally and outcome. Exits 1 on any
// mismatch. Runs beside a live server.
import { prisma } from "~/utils/db.server";
import { recountVote } from "~/modules/vote/vote.server";
import { runCommand } from "../server/command";

const arg = process.argv[2];
if (!arg) {
  console.error("Usage: npm run vote:recount -- <vote id> | --all");
  process.exit(2);
}
await runCommand(async () => {
  let mismatches = 0;
  const ids = arg === "--all" ? (await prisma.vote.findMany({ where: { status: "CLOSED" }, select: { id: true }, orderBy: { closedAt: "asc" } })).map((v) => v.id) : [arg];
  for (const id of ids) {
    const r = await recountVote(id);
    const line = `${id}  ${r.vote.rule}  recorded ${JSON.stringify(r.stored)} ${r.vote.outcome ?? "OPEN"}  recount ${JSON.stringify(r.recount)} ${r.outcome}`;
    if (r.matches) console.log(`ok        ${line}`);
    else {
      mismatches++;
      console.error(`MISMATCH  ${line}`);
    }
  }
  console.log(`${ids.length} vote(s) recounted, ${mismatches} mismatch(es).`);
  return mismatches ? 1 : 0;
});
