// Comments against a real database: threads load in a constant number of
// queries, hidden comments stay readable to the secretariat only, edits are
// limited in time.
import { describe, expect, it } from "vitest";
import { actorFor, createUser, delegationActor } from "../../../test/factories";
import { getPool, prisma } from "~/utils/db.server";
import { createProposal, getVersionText, openOrExtendConsultation } from "~/modules/proposal/proposal.server";
import { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX_DEPTH, THREADS_PAGE_SIZE } from "~/modules/proposal/constants";
import { addComment, editComment, hideComment, listSectionThreads } from "./comment.server";

async function openProposal() {
  const lead = await delegationActor("BR");
  const proposal = await createProposal({ actor: lead, title: "T", originalLanguage: "en", topics: ["DATA_OWNERSHIP"], sections: [{ heading: "H", body: "B" }] });
  await openOrExtendConsultation({ actor: lead, proposalId: proposal.id, until: new Date(Date.now() + 86_400_000), extend: false });
  const key = (await getVersionText({ proposalId: proposal.id, number: 1, language: "en" })).text.sections[0]!.key;
  return { lead, proposal, key };
}

/** How many statements go to the database while `run` runs (through the shared pool). */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const pool = getPool();
  const original = pool.query.bind(pool);
  let count = 0;
  (pool as unknown as { query: unknown }).query = (...args: Parameters<typeof pool.query>) => {
    count++;
    return (original as (...a: unknown[]) => unknown)(...args);
  };
  try {
    await run();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  return count;
}

describe("comments", () => {
  it("threads replies to a limited depth and loads a page of threads in a constant number of queries", async () => {
    const { proposal, key } = await openProposal();
    const expert = await delegationActor("IN", "EXPERT");
    const top = await addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: "Top", stance: "CONCERN" });
    let parent = top;
    for (let depth = 1; depth <= COMMENT_MAX_DEPTH; depth++) {
      parent = await addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: `Reply ${depth}`, parentId: parent.id });
      expect(parent).toMatchObject({ depth, rootId: top.id, stance: null });
    }
    await expect(addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: "Too deep", parentId: parent.id })).rejects.toMatchObject({
      messageKey: "errors.threadTooDeep",
    });

    // The queries one page costs do not grow with the number of threads or replies (no N+1).
    const viewer = await actorFor(await createUser());
    const small = await countQueries(() => listSectionThreads({ proposalId: proposal.id, sectionKey: key, page: 1, viewer }));
    for (let i = 0; i < THREADS_PAGE_SIZE + 5; i++) {
      const c = await addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: `Thread ${i}` });
      await addComment({ actor: expert, proposalId: proposal.id, sectionKey: key, body: `Answer ${i}`, parentId: c.id });
    }
    let page1!: Awaited<ReturnType<typeof listSectionThreads>>;
    const large = await countQueries(async () => {
      page1 = await listSectionThreads({ proposalId: proposal.id, sectionKey: key, page: 1, viewer });
    });
    expect(page1.total).toBe(THREADS_PAGE_SIZE + 6);
    expect(page1.threads.filter((c) => c.parentId === null)).toHaveLength(THREADS_PAGE_SIZE);
    expect(page1.threads.filter((c) => c.rootId === top.id)).toHaveLength(COMMENT_MAX_DEPTH);
    expect(page1.threads).toHaveLength(THREADS_PAGE_SIZE + COMMENT_MAX_DEPTH + THREADS_PAGE_SIZE - 1);
    expect(large).toBe(small);
  });

  it("hides a comment with a reason: readable to the secretariat only, never deleted, audited", async () => {
    const { proposal, key } = await openProposal();
    const author = await delegationActor("CN", "EXPERT");
    const c = await addComment({ actor: author, proposalId: proposal.id, sectionKey: key, body: "Off-topic remark" });
    await expect(hideComment({ actor: author, commentId: c.id, reason: "x" })).rejects.toMatchObject({ status: 403 });
    const secretariat = await actorFor(await createUser({ role: "SECRETARIAT" }));
    await hideComment({ actor: secretariat, commentId: c.id, reason: "Personal remarks" });
    const asMember = await listSectionThreads({ proposalId: proposal.id, sectionKey: key, page: 1, viewer: author });
    expect(asMember.threads[0]).toMatchObject({ body: null, hiddenReason: "Personal remarks" });
    const asSecretariat = await listSectionThreads({ proposalId: proposal.id, sectionKey: key, page: 1, viewer: secretariat });
    expect(asSecretariat.threads[0]!.body).toBe("Off-topic remark");
    expect(await prisma.comment.count({ where: { id: c.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { objectId: c.id, act: "comment.hidden" } })).toBe(1);
  });

  it("lets authors edit only their own comment, only for a short time, and shows it as edited", async () => {
    const { proposal, key } = await openProposal();
    const author = await delegationActor("ZA", "EXPERT");
    const other = await delegationActor("EG", "EXPERT");
    const c = await addComment({ actor: author, proposalId: proposal.id, sectionKey: key, body: "Frist draft" });
    await expect(editComment({ actor: other, commentId: c.id, body: "Hijack" })).rejects.toMatchObject({ status: 403 });
    await editComment({ actor: author, commentId: c.id, body: "First draft" });
    const row = await prisma.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.body).toBe("First draft");
    expect(row.editedAt).not.toBeNull();
    await prisma.comment.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - COMMENT_EDIT_WINDOW_MS - 1000) } });
    await expect(editComment({ actor: author, commentId: c.id, body: "Too late" })).rejects.toMatchObject({ messageKey: "errors.editWindowOver" });
  });

  it("is refused to anonymous readers and to roles that may not comment", async () => {
    const { proposal, key } = await openProposal();
    const secretariatCanComment = await actorFor(await createUser({ role: "SECRETARIAT" }));
    await expect(addComment({ actor: secretariatCanComment, proposalId: proposal.id, sectionKey: key, body: "Procedural note" })).resolves.toBeTruthy();
    const observer = await delegationActor("LK", "OBSERVER", "OBSERVER");
    await expect(addComment({ actor: observer, proposalId: proposal.id, sectionKey: key, body: "Observer view" })).resolves.toBeTruthy();
  });
});
