// Model registry constants that pages show (no zod here: pages stay light).

export const MODEL_LIMITS = {
  name: 120,
  family: 60,
  license: 120,
  developer: 120,
  repository: 200,
  url: 500,
  description: 4_000,
  /** Parameters are entered in billions; the largest open models have about 2 trillion. */
  maxBillions: 10_000,
} as const;

export const MODELS_PAGE_SIZE = 20;
