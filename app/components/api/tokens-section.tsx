// The account page's section on personal access tokens (ADR 017): each token
// with its scopes, expiry and last use, a button to revoke it, and the way to
// make a new one. Self-contained: the account page passes the list, the forms
// post to /:lang/account/tokens.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/ui/formatted";

export type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  hint: string;
  expiresAt: string;
  lastUsedAt: string | null;
  createdAt: string;
  status: "active" | "expired" | "revoked";
};

/** `evaluations:write` → `evaluationsWrite`: a colon would split an i18next key. */
export function scopeKey(scope: string): string {
  return scope.replace(/:(\w)/g, (_, c: string) => c.toUpperCase());
}

export function TokensTable({ lang, tokens }: { lang: string; tokens: TokenRow[] }) {
  const { t } = useTranslation("api");
  if (tokens.length === 0) return <p className="muted">{t("tokens.none")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{t("tokens.heading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tokens.name")}</th>
            <th scope="col">{t("tokens.scopes")}</th>
            <th scope="col">{t("tokens.expires")}</th>
            <th scope="col">{t("tokens.lastUsed")}</th>
            <th scope="col">{t("tokens.statusHeading")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("tokens.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token">
              <td>
                <span dir="auto">{token.name}</span>
                <br />
                <code dir="ltr" className="muted">
                  {token.hint}…
                </code>
              </td>
              <td>{token.scopes.map((s) => t(`tokens.scope.${scopeKey(s)}`)).join(", ")}</td>
              <td>
                <FormattedDate value={token.expiresAt} lang={lang} />
              </td>
              <td>{token.lastUsedAt ? <FormattedDate value={token.lastUsedAt} lang={lang} withTime /> : t("tokens.neverUsed")}</td>
              <td>{t(`tokens.status.${token.status}`)}</td>
              <td>
                {token.status === "active" ? (
                  <Form method="post" action={`/${lang}/account/tokens`}>
                    <input type="hidden" name="intent" value="revokeToken" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" className="button-link" aria-label={t("tokens.revokeLabel", { name: token.name })}>
                      {t("tokens.revoke")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The section as the account page shows it. */
export function ApiTokensSection({ lang, tokens }: { lang: string; tokens: TokenRow[] }) {
  const { t } = useTranslation("api");
  return (
    <section aria-labelledby="api-tokens-heading" className="card" id="api-tokens">
      <h2 id="api-tokens-heading">{t("tokens.heading")}</h2>
      <p className="muted">{t("tokens.intro")}</p>
      <TokensTable lang={lang} tokens={tokens} />
      <p>
        <Link to={`/${lang}/account/tokens`} className="button button-secondary">
          {t("tokens.create")}
        </Link>{" "}
        <Link to={`/${lang}/api`}>{t("tokens.reference")}</Link>
      </p>
    </section>
  );
}
