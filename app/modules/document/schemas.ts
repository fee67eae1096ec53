// The review form's extra fields (parsed on the server with parseForm): each
// conflicted section says what kind of conflict it is in and the drafter's
// choice; conflicted fields are listed, each with its choice.
import { z } from "zod";
import { RESOLUTIONS, SECTION_CONFLICTS } from "./types";

/** Added to a section of a versioned editor's schema. */
export const reviewSectionFields = {
  conflict: z.enum(SECTION_CONFLICTS).optional(),
  resolution: z.enum(RESOLUTIONS).optional(),
};

/** Added to a versioned editor's schema: `names` are the document's mergeable fields. */
export function reviewFields<const N extends readonly [string, ...string[]]>(names: N) {
  const choice = z.enum(RESOLUTIONS).optional();
  return {
    fieldConflicts: z.array(z.enum(names)).max(names.length).optional(),
    fieldResolutions: z.object(Object.fromEntries(names.map((n) => [n, choice])) as Record<N[number], typeof choice>).optional(),
  };
}
