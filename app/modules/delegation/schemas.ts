import { z } from "zod";
import { displayNames } from "~/utils/intl";
import { DELEGATION_STATUSES } from "./constants";

const regions = displayNames(["en"], { type: "region", fallback: "none" });
/** An ISO 3166-1 alpha-2 code that CLDR knows. */
function isKnownRegion(code: string): boolean {
  try {
    return regions.of(code) !== undefined;
  } catch {
    return false;
  }
}

export const CreateDelegationSchema = z.object({
  intent: z.literal("create"),
  code: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, "validation.countryCode")
        .refine(isKnownRegion, "validation.countryCode"),
    ),
  status: z.enum(DELEGATION_STATUSES),
});

export const ChangeStatusSchema = z.object({
  intent: z.literal("changeStatus"),
  delegationId: z.string().uuid(),
  status: z.enum(DELEGATION_STATUSES),
});
