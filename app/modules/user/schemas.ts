// Forms of the account domain: one zod schema each, used by the server to
// parse and by the page to show the errors beside the fields.
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/i18n";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/utils/session-policy";
import { email, text } from "~/utils/validation";
import { ROLES } from "./constants";

// No composition rules (ASVS 2.1.9); length only. Not trimmed: spaces count.
export const newPassword = () => z.string().min(1).pipe(z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH));

export const LoginSchema = z.object({
  email: email(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  redirectTo: z.string().max(500).optional(),
});

export const TotpCodeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1).max(32)),
});

export const AcceptInvitationSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: text({ max: 120 }),
    password: newPassword(),
    confirmPassword: z.string().min(1),
    locale: z.enum(LANGUAGE_CODES as [string, ...string[]]),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("changePassword"),
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: newPassword(),
    confirmPassword: z.string().min(1),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" });

export const PreferencesSchema = z.object({
  intent: z.literal("preferences"),
  name: text({ max: 120 }),
  locale: z.enum(LANGUAGE_CODES as [string, ...string[]]),
});

export const EnableTotpSchema = z.object({
  intent: z.literal("enable"),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  code: TotpCodeSchema.shape.code,
});

export const PasswordConfirmSchema = z.object({
  intent: z.enum(["disable", "regenerateCodes"]),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const InvitationSchema = z.object({
  intent: z.literal("invite"),
  email: email(),
  role: z.enum(ROLES),
  delegationId: z.string().uuid().optional(),
});

export const ChangeRoleSchema = z.object({
  intent: z.literal("changeRole"),
  role: z.enum(ROLES),
  delegationId: z.string().uuid().optional(),
});

export const UserFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
});

export const UserIdSchema = z.string().uuid();

export const UserAccessSchema = z.object({ intent: z.enum(["disable", "enable", "endSessions"]) });

export const RevokeInvitationSchema = z.object({ invitationId: z.string().uuid() });

export const SessionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("endSession"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("endOtherSessions") }),
  z.object({ intent: z.literal("markRead") }),
]);

export const PasswordOnlySchema = z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
