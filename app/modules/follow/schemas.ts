// The follow form.
import { z } from "zod";
import { FOLLOW_TARGETS } from "./constants";

export const FollowSchema = z.object({
  intent: z.enum(["follow", "unfollow"]),
  targetType: z.enum(FOLLOW_TARGETS),
  targetId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  redirectTo: z.string().max(2000).optional(),
});
