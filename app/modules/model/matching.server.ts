// Finding the registered model a results file is about. A file names its model
// by a repository id (pretrained=, peft=, base_name=…), sometimes only by a
// local path or a bare name, and states the revision it evaluated (model_sha).
// An exact repository match is the model; otherwise the likely models are
// proposed, each with why, and the person importing chooses.
import { prisma } from "~/utils/db.server";

export type ModelCandidateReason = "sameRevision" | "baseModel" | "similarName";
export type ModelCandidate = { id: string; slug: string; name: string; repository: string | null; reason: ModelCandidateReason };
export type RegisteredModel = { id: string; slug: string; name: string };

export type FileModelMatch = { kind: "matched"; model: RegisteredModel } | { kind: "unmatched"; candidates: ModelCandidate[] };

/** Most models proposed when none matches exactly. */
export const MODEL_CANDIDATES_MAX = 5;

/** The registry entry with this repository id (case does not matter, as on Hugging Face). */
export async function findModelByRepository(repository: string): Promise<RegisteredModel | null> {
  return prisma.aiModel.findFirst({ where: { repository: { equals: repository, mode: "insensitive" } }, select: { id: true, slug: true, name: true } });
}

export async function matchModelForFile({
  repository,
  baseRepository,
  sha,
  nameHint,
}: {
  /** The evaluated model's repository id, when the file gives one. */
  repository: string | null;
  /** For an adapter, the repository of the model it was applied to. */
  baseRepository: string | null;
  sha: string | null;
  /** A name to look for when nothing matches exactly (the last part of what the file names). */
  nameHint: string | null;
}): Promise<FileModelMatch> {
  if (repository) {
    const model = await findModelByRepository(repository);
    if (model) return { kind: "matched", model };
  }
  const select = { id: true, slug: true, name: true, repository: true } as const;
  const [sameRevision, base, similar] = await Promise.all([
    // Earlier imports of the same revision of the weights (model_sha).
    sha ? prisma.aiModel.findMany({ where: { runs: { some: { modelSha: sha } } }, orderBy: { name: "asc" }, take: MODEL_CANDIDATES_MAX, select }) : [],
    baseRepository ? prisma.aiModel.findMany({ where: { repository: { equals: baseRepository, mode: "insensitive" } }, take: 1, select }) : [],
    nameHint
      ? prisma.aiModel.findMany({
          where: { OR: [{ name: { contains: nameHint, mode: "insensitive" } }, { repository: { contains: nameHint, mode: "insensitive" } }] },
          orderBy: { name: "asc" },
          take: MODEL_CANDIDATES_MAX,
          select,
        })
      : [],
  ]);
  const candidates: ModelCandidate[] = [];
  const seen = new Set<string>();
  for (const [reason, models] of [
    ["sameRevision", sameRevision],
    ["baseModel", base],
    ["similarName", similar],
  ] as const) {
    for (const m of models) {
      if (seen.has(m.id) || candidates.length >= MODEL_CANDIDATES_MAX) continue;
      seen.add(m.id);
      candidates.push({ ...m, reason });
    }
  }
  return { kind: "unmatched", candidates };
}
