// Forms of the API domain (the account page's tokens section), one zod schema
// each, shared by the server and the page.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "~/utils/session-policy";
import { text } from "~/utils/validation";
import { API_SCOPES, TOKEN_LIFETIMES_DAYS, TOKEN_NAME_MAX } from "./constants";

export const CreateTokenSchema = z.object({
  intent: z.literal("createToken"),
  name: text({ max: TOKEN_NAME_MAX }),
  scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
  lifetimeDays: z.coerce
    .number()
    .int()
    .refine((n) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(n), { message: "validation.choice" }),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const RevokeTokenSchema = z.object({
  intent: z.literal("revokeToken"),
  tokenId: z.string().uuid(),
});
