// Personal access tokens for the API (ADR 017): make one (shown once, in the
// answer to the form), list them with their last use, revoke one.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { scopeKey, TokensTable } from "~/components/api/tokens-section";
import { chosenValues, FieldErrors, FormErrors, InputField, SelectField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { API_SCOPES, DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIMES_DAYS } from "~/modules/api/constants";
import { linksFor, siteOrigin } from "~/modules/api/links.server";
import { CreateTokenSchema, RevokeTokenSchema } from "~/modules/api/schemas";
import { createApiToken, listApiTokens, mayHoldScope, revokeApiToken } from "~/modules/api/tokens.server";
import { requirePermission } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["api", "account"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  return json({
    lang,
    tokens: await listApiTokens(user.id),
    scopes: API_SCOPES.filter((s) => mayHoldScope(user, s)),
    apiBase: linksFor(siteOrigin(request)).api(""),
    title: await pageTitle(lang, "tokens.heading", "api"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const formData = await request.formData();
  if (formData.get("intent") === "revokeToken") {
    const parsed = RevokeTokenSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    await revokeApiToken({ actor: user, tokenId: parsed.data.tokenId });
    return redirect(`/${lang}/account/tokens?revoked=1`);
  }
  const hideFields = ["password"];
  const submission = parseForm(formData, CreateTokenSchema);
  if (submission.status !== "success") return invalidForm(submission, { hideFields, intent: "createToken" as const });
  try {
    const { secret, token } = await createApiToken({ actor: user, ...submission.value });
    return json({
      intent: "createToken" as const,
      result: submission.reply({ resetForm: true }),
      created: { secret, name: token.name, scopes: token.scopes, expiresAt: token.expiresAt },
    });
  } catch (error) {
    return domainErrorReply(submission, error, { field: "password", hideFields, intent: "createToken" as const });
  }
}

type CreatedToken = { secret: string; name: string; scopes: string[]; expiresAt: string };

export default function TokensPage() {
  const { t } = useTranslation(["api", "account", "common"]);
  const { lang, tokens, scopes, apiBase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const created = actionData && "created" in actionData ? (actionData.created as CreatedToken) : null;
  const [form, fields] = useForm<{ name: string; scopes: string[]; lifetimeDays: string; password: string }>({
    id: "create-token",
    lastResult: actionData?.result,
    defaultValue: { lifetimeDays: String(DEFAULT_TOKEN_LIFETIME_DAYS), scopes: ["read"] },
  });
  const chosen = chosenValues(fields.scopes.value);
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/account`}>{t("account:title")}</Link>
      </p>
      <h1>{t("api:tokens.heading")}</h1>
      <p>{t("api:tokens.intro")}</p>
      {searchParams.get("revoked") ? (
        <p className="alert alert-success" role="status">
          {t("api:tokens.revoked")}
        </p>
      ) : null}
      {created ? (
        <section className="card alert-success" aria-labelledby="new-token-heading" role="status">
          <h2 id="new-token-heading">{t("api:tokens.createdHeading", { name: created.name })}</h2>
          <p>{t("api:tokens.createdIntro")}</p>
          <p>
            <code dir="ltr" className="token-secret" data-testid="token-secret">
              {created.secret}
            </code>
          </p>
          <p className="muted">
            {created.scopes.map((s) => t(`api:tokens.scope.${scopeKey(s)}`)).join(", ")} · {t("api:tokens.expires")} <FormattedDate value={created.expiresAt} lang={lang} />
          </p>
          <pre dir="ltr" className="code-sample">
            <code>{`curl -H "Authorization: Bearer ${created.secret}" ${apiBase}/proposals`}</code>
          </pre>
        </section>
      ) : null}

      <section aria-labelledby="tokens-list-heading">
        <h2 id="tokens-list-heading">{t("api:tokens.listHeading")}</h2>
        <TokensTable lang={lang} tokens={tokens} />
      </section>

      <section aria-labelledby="create-heading" className="card">
        <h2 id="create-heading">{t("api:tokens.createHeading")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="createToken" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <InputField label={t("api:tokens.name")} hint={t("api:tokens.nameHint")} meta={fields.name} required />
          <fieldset aria-describedby={fields.scopes.errorId}>
            <legend>{t("api:tokens.scopes")}</legend>
            {scopes.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" name={fields.scopes.name} value={s} defaultChecked={chosen.has(s)} /> {t(`api:tokens.scope.${scopeKey(s)}`)}
              </label>
            ))}
            <FieldErrors id={fields.scopes.errorId} errors={fields.scopes.errors} />
          </fieldset>
          <SelectField
            label={t("api:tokens.lifetime")}
            meta={fields.lifetimeDays}
            options={TOKEN_LIFETIMES_DAYS.map((d) => ({ value: String(d), label: t("api:tokens.days", { count: d }) }))}
          />
          <InputField label={t("api:tokens.password")} hint={t("api:tokens.passwordHint")} meta={fields.password} type="password" autoComplete="current-password" required />
          <button type="submit" className="button">
            {t("api:tokens.submit")}
          </button>
        </Form>
      </section>
      <p>
        <Link to={`/${lang}/api`}>{t("api:tokens.reference")}</Link>
      </p>
    </div>
  );
}

export const meta = titleMeta;
