// Forms of the notification centre and preferences.
import { z } from "zod";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { CATEGORY_NAMES, MAIL_MODES, type Category } from "./categories";

export const NoticeActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("markRead"), notificationId: z.string().uuid() }),
  z.object({ intent: z.literal("markAllRead") }),
]);

const choice = z.object({ email: z.enum(MAIL_MODES), inApp: z.boolean().default(false) });

export const PreferencesSchema = z.object({
  intent: z.literal("preferences"),
  timeZone: z.string().min(1).max(64),
  digestHour: z.coerce.number().int().min(0).max(23),
  categories: z.object(Object.fromEntries(CATEGORY_NAMES.map((c) => [c, choice])) as Record<Category, typeof choice>),
});

export const DimensionsSchema = z.object({
  intent: z.literal("dimensions"),
  dimensions: z.array(z.enum(DSI_DIMENSIONS)).max(DSI_DIMENSIONS.length).default([]),
});

export const ConfirmAddressSchema = z.object({ intent: z.literal("confirmAddress") });

export const UnsubscribeSchema = z.object({
  u: z.string().uuid(),
  c: z.string().min(1).max(40),
  t: z.string().min(1).max(100),
});
