// Parsing a submitted form: the zod schema with Concord's translated messages,
// after every list field has been bounded (ADR 016).
//
// Conform turns `sections[99999].heading` into an array of 100,000 slots, and a
// refused form echoes its payload back to the page, which renders every slot:
// one 90-byte request could occupy the server for minutes. So before anything is
// built, each list field (`x[i]…` or a repeated `x`) is held to the maximum its
// zod schema declares (`z.array(…).max(n)`), or LIST_DEFAULT_MAX where it
// declares none: an index at or past the maximum, or more items than it, refuses
// the form with a message beside the field, and the echo keeps only what the
// form accepts. Gaps are closed (`x[0]`, `x[7]` become `x[0]`, `x[1]`), so
// nothing downstream ever sees a sparse list.
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { errorMap } from "./validation";

/** A list field whose schema states no maximum takes at most this many items. */
export const LIST_DEFAULT_MAX = 50;

type Segment = string | number;

/** `sections[2].heading` → ["sections", 2, "heading"]; null for a name that is not a path. */
export function nameToPath(name: string): Segment[] | null {
  const path: Segment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|(\.)/gy;
  let match: RegExpExecArray | null;
  let expectName = true;
  while (pattern.lastIndex < name.length && (match = pattern.exec(name))) {
    if (match[1] !== undefined) {
      if (!expectName) return null;
      path.push(match[1]);
      expectName = false;
    } else if (match[2] !== undefined) {
      if (path.length === 0) return null;
      path.push(Number(match[2]));
      expectName = false;
    } else {
      if (expectName) return null;
      expectName = true;
    }
  }
  return pattern.lastIndex === name.length && !expectName ? path : null;
}

function pathToName(path: Segment[]): string {
  return path.reduce<string>((name, segment) => (typeof segment === "number" ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment), "");
}

/** The pattern of a path: list indexes replaced by `[]`, e.g. `sections[].heading`. */
function patternOf(path: Segment[]): string {
  return path.reduce<string>((p, s) => (typeof s === "number" ? `${p}[]` : p ? `${p}.${s}` : s), "");
}

/** The maximum item count of each list in a schema, keyed by list pattern (`sections`, `a[].b`). */
export function listLimits(schema: z.ZodTypeAny): Map<string, number> {
  const limits = new Map<string, number>();
  const visit = (node: z.ZodTypeAny, pattern: string, depth: number) => {
    if (depth > 20) return;
    const def = node._def as Record<string, unknown> & { typeName?: string };
    switch (def.typeName) {
      case z.ZodFirstPartyTypeKind.ZodObject:
        for (const [key, child] of Object.entries((node as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>)) {
          visit(child, pattern ? `${pattern}.${key}` : key, depth + 1);
        }
        return;
      case z.ZodFirstPartyTypeKind.ZodArray: {
        const max = (def.maxLength as { value: number } | null)?.value ?? (def.exactLength as { value: number } | null)?.value;
        limits.set(pattern, Math.min(limits.get(pattern) ?? Infinity, max ?? LIST_DEFAULT_MAX));
        visit(def.type as z.ZodTypeAny, `${pattern}[]`, depth + 1);
        return;
      }
      case z.ZodFirstPartyTypeKind.ZodEffects:
        return visit(def.schema as z.ZodTypeAny, pattern, depth + 1);
      case z.ZodFirstPartyTypeKind.ZodPipeline:
        return visit(def.in as z.ZodTypeAny, pattern, depth + 1);
      case z.ZodFirstPartyTypeKind.ZodOptional:
      case z.ZodFirstPartyTypeKind.ZodNullable:
      case z.ZodFirstPartyTypeKind.ZodDefault:
      case z.ZodFirstPartyTypeKind.ZodCatch:
      case z.ZodFirstPartyTypeKind.ZodReadonly:
        return visit(def.innerType as z.ZodTypeAny, pattern, depth + 1);
      case z.ZodFirstPartyTypeKind.ZodBranded:
        return visit(def.type as z.ZodTypeAny, pattern, depth + 1);
      case z.ZodFirstPartyTypeKind.ZodLazy:
        return visit((def.getter as () => z.ZodTypeAny)(), pattern, depth + 1);
      case z.ZodFirstPartyTypeKind.ZodUnion:
      case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
        const options = def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>;
        for (const option of options instanceof Map ? options.values() : options) visit(option, pattern, depth + 1);
        return;
      }
      case z.ZodFirstPartyTypeKind.ZodIntersection:
        visit(def.left as z.ZodTypeAny, pattern, depth + 1);
        return visit(def.right as z.ZodTypeAny, pattern, depth + 1);
      default:
        return;
    }
  };
  visit(schema, "", 0);
  return limits;
}

export type ListOverflow = { name: string; max: number };

/**
 * Holds every list field of a form to its maximum and closes gaps in indexes.
 * Returns the bounded form and the lists that went over (their names as the form writes them).
 */
export function boundLists(formData: FormData, limits: Map<string, number>): { formData: FormData; overflow: ListOverflow[] } {
  type Entry = { path: Segment[] | null; name: string; value: FormDataEntryValue };
  const entries: Entry[] = [];
  // Indexes seen per list instance (the list's own name, with its parents' original indexes).
  const indexes = new Map<string, Set<number>>();
  const repeats = new Map<string, number>();
  for (const [name, value] of formData.entries()) {
    const path = nameToPath(name);
    entries.push({ path, name, value });
    if (!path) continue;
    path.forEach((segment, i) => {
      if (typeof segment !== "number") return;
      const list = pathToName(path.slice(0, i));
      let seen = indexes.get(list);
      if (!seen) indexes.set(list, (seen = new Set()));
      seen.add(segment);
    });
    if (typeof path[path.length - 1] === "string" && limits.has(patternOf(path))) repeats.set(name, (repeats.get(name) ?? 0) + 1);
  }

  const overflow: ListOverflow[] = [];
  const limitOf = (list: string) => {
    const path = nameToPath(list);
    return path ? (limits.get(patternOf(path)) ?? LIST_DEFAULT_MAX) : LIST_DEFAULT_MAX;
  };
  // Dense new positions for the indexes each list accepts.
  const renumber = new Map<string, Map<number, number>>();
  for (const [list, seen] of indexes) {
    const max = limitOf(list);
    const accepted = [...seen].filter((i) => i < max).sort((a, b) => a - b);
    if (accepted.length < seen.size) overflow.push({ name: list, max });
    renumber.set(list, new Map(accepted.map((original, position) => [original, position])));
  }
  for (const [name, count] of repeats) {
    const max = limitOf(name);
    if (count > max) overflow.push({ name, max });
  }

  const bounded = new FormData();
  const kept = new Map<string, number>();
  for (const { path, name, value } of entries) {
    if (!path) {
      // A name our forms never write but a list parser could still read as an index: dropped.
      if (!name.includes("[")) bounded.append(name, value);
      continue;
    }
    const renamed: Segment[] = [];
    let accepted = true;
    path.forEach((segment, i) => {
      if (!accepted) return;
      if (typeof segment === "number") {
        const position = renumber.get(pathToName(path.slice(0, i)))?.get(segment);
        if (position === undefined) accepted = false;
        else renamed.push(position);
      } else renamed.push(segment);
    });
    if (!accepted) continue;
    const newName = pathToName(renamed);
    if (repeats.has(name)) {
      const count = (kept.get(newName) ?? 0) + 1;
      if (count > limitOf(name)) continue;
      kept.set(newName, count);
    }
    bounded.append(newName, value);
  }
  return { formData: bounded, overflow };
}

export function parseForm<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
  const { formData: bounded, overflow } = boundLists(formData, listLimits(schema));
  if (overflow.length > 0) {
    // Refused before the schema runs: the message sits beside each list that went over.
    const refusal = z.any().superRefine((_value, ctx) => {
      for (const { name, max } of overflow) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: nameToPath(name) ?? [name], message: `validation.tooMany|${JSON.stringify({ count: max })}` });
      }
    });
    return parseWithZod(bounded, { schema: refusal as unknown as Schema, errorMap });
  }
  return parseWithZod(bounded, { schema, errorMap });
}
