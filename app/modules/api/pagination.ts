// Cursor pagination (ADR 017): a list is ordered by an immutable key with the
// id as tie-breaker, and the cursor is that pair for the last item of a page,
// opaque to clients (base64url JSON). Pages never shift when items are added.
import { z } from "zod";
import { ApiError } from "./errors";

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The values of a cursor, checked against their shape; `invalid_cursor` (400) when it is not one of ours. */
export function decodeCursor<T extends z.ZodTypeAny>(cursor: string | undefined, shape: T): z.infer<T> | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, "invalid_cursor", undefined, {}, [{ field: "cursor", message: "not a cursor of this list" }]);
}

/** A time and an id: the cursor of lists ordered by a date. */
export const TimeCursor = z.tuple([z.string().datetime(), z.string().uuid()]);
/** A text key and an id: lists ordered by a name or code. */
export const KeyCursor = z.tuple([z.string().max(200), z.string().max(200)]);

/**
 * One page out of `limit + 1` rows read: the first `limit`, and the cursor of
 * the last of them when there was one more.
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => readonly (string | number)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length ? encodeCursor(cursorOf(items[items.length - 1]!)) : null;
  return { items, nextCursor };
}

/** Prisma's `where` for "after (at, id)" in an order of `field` descending, then id ascending. */
export function afterDescending<W>(field: string, cursor: [string, string] | null): W {
  if (!cursor) return {} as W;
  const at = new Date(cursor[0]);
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { gt: cursor[1] } }] } as W;
}

/** Prisma's `where` for "after (key, id)" in an order of `field` ascending, then id ascending. */
export function afterAscending<W>(field: string, cursor: [string, string] | null): W {
  if (!cursor) return {} as W;
  return { OR: [{ [field]: { gt: cursor[0] } }, { [field]: cursor[0], id: { gt: cursor[1] } }] } as W;
}
