// The unsubscribe link of every mail (`?u=<person>&c=<kind of mail>&t=<token>`),
// read from a request: for /mail/unsubscribe (the List-Unsubscribe address) and
// the confirmation page in a language. A link that is not one of ours — malformed,
// a forged token, another person's — is simply not found (null), never explained.
import { DomainError } from "~/utils/errors";
import { checkUnsubscribe, unsubscribe } from "./preferences.server";
import { UnsubscribeSchema } from "./schemas";

function linkOf(request: Request) {
  const query = new URL(request.url).searchParams;
  const parsed = UnsubscribeSchema.safeParse({ u: query.get("u"), c: query.get("c"), t: query.get("t") });
  return parsed.success ? { userId: parsed.data.u, category: parsed.data.c, token: parsed.data.t } : null;
}

async function ours<T>(request: Request, act: (link: { userId: string; category: string; token: string }) => Promise<T>): Promise<T | null> {
  const link = linkOf(request);
  if (!link) return null;
  try {
    return await act(link);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** What the link would unsubscribe from, and the person's language; changes nothing. */
export const checkUnsubscribeLink = (request: Request) => ours(request, checkUnsubscribe);

/** Turns off the mail the link names. */
export const unsubscribeByLink = (request: Request) => ours(request, unsubscribe);
