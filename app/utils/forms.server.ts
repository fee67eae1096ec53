// Parsing a submitted form: the zod schema with Concord's translated messages.
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { errorMap } from "./validation";

export function parseForm<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema, errorMap });
}
