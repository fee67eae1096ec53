// Factories for tests. Those the demo seed uses too (people, delegations,
// actors) live in prisma/factories.ts and are re-exported here.
import type { DelegationStatus, DsiDimension, Role } from "~/generated/prisma/enums";
import { actorFor, createDelegation, createUser, unique } from "../prisma/factories";

export { actorFor, createDelegation, createUser, newTotpSecret, TEST_PASSWORD } from "../prisma/factories";

/** A person of a delegation (created if needed) as a service actor. */
export async function delegationActor(code: string, role: Role = "DELEGATE", status: DelegationStatus = "MEMBER") {
  const delegation = await createDelegation({ code, status });
  return actorFor(await createUser({ role, delegationId: delegation.id, name: `${role} ${code}` }));
}

// ---------------------------------------------------------------------------
// Strategies and DSI assessments
// (Imports are hoisted: these sit here to keep the additions in one place.)
import { DSI_INDICATOR_KEYS, type DsiIndicatorKey } from "~/modules/dsi/constants";

type StrategyFields = {
  title: string;
  summary: string;
  issuingAuthority: string;
  adoptedOn?: string;
  dimensions: DsiDimension[];
  sectors: string[];
  dimensionNotes: Partial<Record<DsiDimension, string>>;
  sections: { key?: string; heading: string; body: string }[];
};

/** The fields of a complete strategy text, as createStrategy and saveVersion take them. */
export function strategyFields(overrides: Partial<StrategyFields> = {}): StrategyFields {
  return {
    title: "National strategy for sovereign AI",
    summary: "How the state builds, governs and uses AI on its own terms.",
    issuingAuthority: "Ministry of Science, Technology and Innovation",
    adoptedOn: "2024-03-15",
    dimensions: ["DATA_OWNERSHIP", "DIGITAL_CAPABILITY"],
    sectors: ["HEALTH", "EDUCATION"],
    dimensionNotes: {
      DATA_OWNERSHIP: "Public data stays under national jurisdiction.",
      DIGITAL_CAPABILITY: "Ten thousand AI specialists trained by 2030.",
    },
    sections: [
      { heading: "Vision", body: "AI that serves every citizen, in every national language." },
      { heading: "Data", body: "Public datasets are catalogued, stewarded and kept at home." },
    ],
    ...overrides,
  };
}

/** Every DSI indicator set to `value`, or to what `valueOf(key)` says. */
export function dsiIndicatorValues(valueOf: number | ((key: DsiIndicatorKey) => number)): Record<DsiIndicatorKey, number> {
  return Object.fromEntries(DSI_INDICATOR_KEYS.map((k) => [k, typeof valueOf === "number" ? valueOf : valueOf(k)])) as Record<DsiIndicatorKey, number>;
}

// --- Models, evaluations and datasets ----------------------------------------

/** The fields of a registry entry, as registerModel and updateModel take them. */
export function modelFields(overrides: Partial<import("~/modules/model/schemas").ModelInput> = {}): import("~/modules/model/schemas").ModelInput {
  return {
    name: `Test-Model-${unique()}`,
    family: "Test family",
    parameterBillions: 7,
    license: "Apache-2.0",
    openWeights: true,
    developer: "Test lab",
    originCountry: "IN",
    ...overrides,
  };
}

/** The fields of a new catalogue entry, as createDataset takes them. */
export function datasetFields(overrides: Partial<import("~/modules/dataset/schemas").CreateDatasetInput> = {}): import("~/modules/dataset/schemas").CreateDatasetInput {
  return {
    name: `Test corpus ${unique()}`,
    description: "Sentences for testing.",
    originalLanguage: "en",
    languages: ["en"],
    license: "CC-BY-4.0",
    modality: "TEXT",
    residencyCountry: "BR",
    crossBorder: "RESTRICTED",
    access: "OPEN",
    ...overrides,
  };
}

/** Bytes as the async iterable an upload streams. */
export async function* uploadBytes(content: string | Uint8Array, chunk = 64 * 1024) {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
}
