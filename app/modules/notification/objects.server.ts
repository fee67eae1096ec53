// The objects notices are about, named in the reader's language: one query per
// kind of object for a whole page of notices (or a digest), never one per notice.
import { prisma } from "~/utils/db.server";
import { delegationName } from "~/modules/delegation/names";
import { CURRENT_TITLES, currentTitles } from "~/modules/proposal/proposal.server";
import type { ObjectType } from "./categories";

export type NamedObject = {
  /** The name as shown, in `language` (the reader's when a version exists in it, otherwise the original). */
  title: string;
  language: string;
  slug: string;
  /** For DSI assessments: the delegation's code and the year, which make its address. */
  code?: string;
  year?: number;
};

export const objectKey = (type: string, id: string) => `${type}:${id}`;

type Ref = { objectType: string | null; objectId: string | null };

/** Picks the reader's language version, else the original, else any. */
function pick<T extends { language: string; kind?: string }>(versions: T[], lang: string): T | undefined {
  return versions.find((v) => v.language === lang) ?? versions.find((v) => v.kind === "ORIGINAL") ?? versions[0];
}

export async function nameObjects(refs: Ref[], lang: string): Promise<Map<string, NamedObject>> {
  const ids = (type: ObjectType) => [...new Set(refs.filter((r) => r.objectType === type && r.objectId).map((r) => r.objectId!))];
  const named = new Map<string, NamedObject>();
  const [proposalIds, strategyIds, datasetIds, modelIds, dsiIds] = [ids("proposal"), ids("strategy"), ids("dataset"), ids("model"), ids("dsi")];

  await Promise.all([
    (async () => {
      if (!proposalIds.length) return;
      const proposals = await prisma.proposal.findMany({ where: { id: { in: proposalIds } }, select: { id: true, slug: true, ...CURRENT_TITLES } });
      for (const p of proposals) {
        const shown = pick(currentTitles(p), lang);
        named.set(objectKey("proposal", p.id), { title: shown?.title ?? p.slug, language: shown?.language ?? lang, slug: p.slug });
      }
    })(),
    (async () => {
      if (!strategyIds.length) return;
      const strategies = await prisma.strategy.findMany({
        where: { id: { in: strategyIds } },
        select: { id: true, slug: true, currentVersion: true, publishedVersion: true },
      });
      const versions = await prisma.strategyVersion.findMany({
        where: { OR: strategies.map((s) => ({ strategyId: s.id, number: s.publishedVersion ?? s.currentVersion })) },
        select: { strategyId: true, texts: { select: { language: true, kind: true, title: true } } },
      });
      for (const s of strategies) {
        const shown = pick(versions.find((v) => v.strategyId === s.id)?.texts ?? [], lang);
        named.set(objectKey("strategy", s.id), { title: shown?.title ?? s.slug, language: shown?.language ?? lang, slug: s.slug });
      }
    })(),
    (async () => {
      if (!datasetIds.length) return;
      const datasets = await prisma.dataset.findMany({
        where: { id: { in: datasetIds } },
        select: { id: true, slug: true, texts: { select: { language: true, kind: true, name: true } } },
      });
      for (const d of datasets) {
        const shown = pick(d.texts, lang);
        named.set(objectKey("dataset", d.id), { title: shown?.name ?? d.slug, language: shown?.language ?? lang, slug: d.slug });
      }
    })(),
    (async () => {
      if (!modelIds.length) return;
      const models = await prisma.aiModel.findMany({ where: { id: { in: modelIds } }, select: { id: true, slug: true, name: true } });
      // Model names are proper names, the same in every language.
      for (const m of models) named.set(objectKey("model", m.id), { title: m.name, language: "en", slug: m.slug });
    })(),
    (async () => {
      if (!dsiIds.length) return;
      const assessments = await prisma.dsiAssessment.findMany({
        where: { id: { in: dsiIds } },
        select: { id: true, year: true, delegation: { select: { code: true } } },
      });
      for (const a of assessments) {
        named.set(objectKey("dsi", a.id), {
          title: `${delegationName(a.delegation.code, lang)} ${a.year}`,
          language: lang,
          slug: a.delegation.code.toLowerCase(),
          code: a.delegation.code,
          year: a.year,
        });
      }
    })(),
  ]);
  return named;
}
