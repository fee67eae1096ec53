// Forms of the personal-data pages.
import { z } from "zod";

/** The secretariat confirms an erasure explicitly: it cannot be undone. */
export const EraseSchema = z.object({
  intent: z.literal("erase"),
  confirm: z
    .string()
    .optional()
    .refine((value) => value === "yes", { message: "privacy:erase.confirmRequired" }),
});
