// Forms of the model registry (parsed on the server with parseForm, which
// turns empty fields into undefined and numbers into numbers).
import { z } from "zod";
import { text } from "~/utils/validation";
import { MODEL_LIMITS as L } from "./constants";

export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "validation.countryCode")
  .transform((s) => s.toUpperCase());

export const httpUrl = z
  .string()
  .trim()
  .max(L.url)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "validation.url");

export const ModelSchema = z.object({
  name: text({ max: L.name }),
  family: text({ max: L.family }),
  baseModelId: z.string().uuid().optional(),
  /** In billions, as model cards say it ("7.6"). */
  parameterBillions: z.number().positive().max(L.maxBillions).optional(),
  license: text({ max: L.license }),
  openWeights: z.enum(["yes", "no"]).transform((v) => v === "yes"),
  developer: text({ max: L.developer }),
  originCountry: countryCode.optional(),
  repository: z
    .string()
    .trim()
    .max(L.repository)
    .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, "research:validation.repository")
    .optional(),
  url: httpUrl.optional(),
  description: text({ max: L.description, multiline: true }).optional(),
});

export type ModelInput = z.output<typeof ModelSchema>;

export const ModelFilterSchema = z.object({
  family: z.string().trim().min(1).max(L.family).optional().catch(undefined),
  open: z.enum(["yes", "no"]).optional().catch(undefined),
  q: z.string().trim().min(1).max(L.name).optional().catch(undefined),
});
