// The model registry: registering and editing models, listing and reading
// them. Registry entries are public (like model cards); what is members-only
// is some of their evaluation results (see evaluation/).
import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma, type Transaction } from "~/utils/db.server";
import { forbidden, notFound, FieldError } from "~/utils/errors";
import { can } from "~/utils/permissions";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { MODELS_PAGE_SIZE } from "./constants";
import { mayEditModel } from "./permissions";
import type { ModelInput } from "./schemas";

/** A URL-safe name: "DeepSeek-R1-Distill-Qwen-7B" → "deepseek-r1-distill-qwen-7b". */
export function slugFor(name: string, fallback = "model"): string {
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/\.+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return base || `${fallback}-${randomBytes(3).toString("hex")}`;
}

/** Path segments of the registry's own pages: no model may be named like them. */
export const RESERVED_SLUGS = new Set(["new", "edit", "compare", "import"]);

async function freeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugFor(name);
  const taken = RESERVED_SLUGS.has(base) || (await tx.aiModel.findUnique({ where: { slug: base }, select: { id: true } }));
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The base model must exist and must not descend from the model itself (no lineage loops). */
async function checkBaseModel(tx: Transaction, baseModelId: string | undefined, modelId?: string) {
  if (!baseModelId) return;
  let cursor: string | null = baseModelId;
  for (let depth = 0; cursor !== null && depth < 50; depth++) {
    if (cursor === modelId) throw new FieldError(400, { baseModelId: "research:errors.lineageLoop" });
    const row: { baseModelId: string | null } | null = await tx.aiModel.findUnique({ where: { id: cursor }, select: { baseModelId: true } });
    if (!row) {
      if (depth === 0) throw new FieldError(400, { baseModelId: "research:errors.unknownModel" });
      return;
    }
    cursor = row.baseModelId;
  }
}

function fieldsOf(input: ModelInput) {
  return {
    name: input.name,
    family: input.family,
    baseModelId: input.baseModelId ?? null,
    parameterCount: input.parameterBillions === undefined ? null : BigInt(Math.round(input.parameterBillions * 1e9)),
    license: input.license,
    openWeights: input.openWeights,
    developer: input.developer,
    originCountry: input.originCountry ?? null,
    repository: input.repository ?? null,
    url: input.url ?? null,
    description: input.description ?? "",
  };
}

export async function registerModel({ actor, input }: { actor: CurrentUser; input: ModelInput }) {
  if (!can(actor, "submitResearch")) throw forbidden();
  try {
    return await prisma.$transaction(async (tx) => {
      await checkBaseModel(tx, input.baseModelId);
      const model = await tx.aiModel.create({
        data: { ...fieldsOf(input), slug: await freeSlug(tx, input.name), registeredById: actor.id, delegationId: actor.delegation?.id ?? null },
        select: { id: true, slug: true, name: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: actor.delegation?.id,
        act: "model.registered",
        objectType: "model",
        objectId: model.id,
        data: { slug: model.slug, name: model.name },
      });
      return model;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError(409, { repository: "research:errors.repositoryTaken" });
    throw error;
  }
}

export async function updateModel({ actor, modelId, input }: { actor: CurrentUser; modelId: string; input: ModelInput }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await tx.aiModel.findUnique({ where: { id: modelId }, select: { registeredById: true, delegationId: true, slug: true } });
      if (!current) throw notFound();
      if (!mayEditModel(actor, current)) throw forbidden();
      await checkBaseModel(tx, input.baseModelId, modelId);
      const model = await tx.aiModel.update({ where: { id: modelId }, data: fieldsOf(input), select: { id: true, slug: true, name: true } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        delegationId: actor.delegation?.id,
        act: "model.updated",
        objectType: "model",
        objectId: model.id,
        data: { slug: model.slug, name: model.name },
      });
      return model;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError(409, { repository: "research:errors.repositoryTaken" });
    throw error;
  }
}

const LIST_SELECT = {
  id: true,
  slug: true,
  name: true,
  family: true,
  parameterCount: true,
  license: true,
  openWeights: true,
  developer: true,
  originCountry: true,
} satisfies Prisma.AiModelSelect;

export async function listModels({ page, family, openWeights, q }: { page: number; family?: string; openWeights?: boolean; q?: string }) {
  const where: Prisma.AiModelWhereInput = {
    ...(family ? { family } : {}),
    ...(openWeights === undefined ? {} : { openWeights }),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { repository: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.aiModel.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * MODELS_PAGE_SIZE,
      take: MODELS_PAGE_SIZE,
      select: LIST_SELECT,
    }),
    prisma.aiModel.count({ where }),
  ]);
  return { items, total, pageSize: MODELS_PAGE_SIZE };
}

/** The families in the registry, for filters. */
export async function listFamilies(): Promise<string[]> {
  const rows = await prisma.aiModel.findMany({ distinct: ["family"], orderBy: { family: "asc" }, select: { family: true } });
  return rows.map((r) => r.family);
}

/** Most models a selector offers; a registry larger than this is searched by name instead. */
export const MODEL_OPTIONS_MAX = 500;

export async function listModelOptions() {
  return prisma.aiModel.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: MODEL_OPTIONS_MAX, select: { id: true, slug: true, name: true, family: true } });
}

export async function getModelBySlug(slug: string) {
  const model = await prisma.aiModel.findUnique({
    where: { slug },
    select: {
      ...LIST_SELECT,
      repository: true,
      url: true,
      description: true,
      baseModelId: true,
      registeredById: true,
      delegationId: true,
      createdAt: true,
      updatedAt: true,
      baseModel: { select: { slug: true, name: true } },
      derived: { orderBy: { name: "asc" }, take: 50, select: { slug: true, name: true } },
      registeredBy: { select: { name: true } },
      delegation: { select: { code: true } },
    },
  });
  if (!model) throw notFound();
  return model;
}
