import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApiTokensSection } from "~/components/api/tokens-section";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { listApiTokens } from "~/modules/api/tokens.server";
import { delegationName } from "~/modules/delegation/names";
import { changePassword, endOtherSessions, endOwnSession, getAccount, listOwnSessions, updatePreferences } from "~/modules/user/account.server";
import { ChangePasswordSchema, PreferencesSchema, SessionActionSchema } from "~/modules/user/schemas";
import { requirePermission } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PASSWORD_MIN_LENGTH } from "~/utils/session-policy";

export const handle = { i18n: ["account", "notifications", "privacy", "api"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const apiTokens = listApiTokens(user.id);
  const [account, sessions] = await Promise.all([getAccount(user.id), listOwnSessions(user.id)]);
  return json({
    lang,
    account,
    currentSessionId: user.session.id,
    sessions,
    apiTokens: await apiTokens,
    title: await pageTitle(lang, "title", "account"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "preferences") {
    const submission = parseForm(formData, PreferencesSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "preferences" as const });
    await updatePreferences({ userId: user.id, name: submission.value.name, locale: submission.value.locale });
    // The saved language becomes the page's language.
    return redirect(`/${submission.value.locale}/account?saved=preferences`);
  }

  if (intent === "changePassword") {
    const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
    const submission = parseForm(formData, ChangePasswordSchema);
    if (submission.status !== "success") return invalidForm(submission, { hideFields, intent: "changePassword" as const });
    try {
      await changePassword({
        userId: user.id,
        currentSessionId: user.session.id,
        currentPassword: submission.value.currentPassword,
        newPassword: submission.value.newPassword,
      });
    } catch (error) {
      return domainErrorReply(submission, error, { field: "currentPassword", hideFields, intent: "changePassword" as const });
    }
    return redirect(`/${lang}/account?saved=password`);
  }

  const parsed = SessionActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  if (parsed.data.intent === "endSession") {
    await endOwnSession({ userId: user.id, sessionId: parsed.data.sessionId });
  } else if (parsed.data.intent === "endOtherSessions") {
    await endOtherSessions({ userId: user.id, currentSessionId: user.session.id });
  }
  return redirect(`/${lang}/account?saved=${parsed.data.intent}`);
}

export default function AccountPage() {
  const { t } = useTranslation(["account", "common", "notifications", "privacy"]);
  const { lang, account, sessions, currentSessionId, apiTokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const [prefsForm, prefsFields] = useForm({
    id: "preferences",
    lastResult: actionData?.intent === "preferences" ? actionData.result : undefined,
    defaultValue: { name: account.name, locale: account.locale },
  });
  const [pwForm, pwFields] = useForm({
    id: "password",
    lastResult: actionData?.intent === "changePassword" ? actionData.result : undefined,
  });

  return (
    <div className="page">
      <h1>{t("account:title")}</h1>
      {searchParams.get("welcome") ? (
        <p className="alert alert-success" role="status">
          {t("account:welcome")}
        </p>
      ) : null}
      {saved ? (
        <p className="alert alert-success" role="status">
          {t(`account:saved.${saved}`, { defaultValue: t("account:saved.generic") })}
        </p>
      ) : null}

      <section aria-labelledby="profile-heading" className="card">
        <h2 id="profile-heading">{t("account:profile.heading")}</h2>
        <dl className="facts">
          <dt>{t("account:profile.email")}</dt>
          <dd dir="ltr">{account.email}</dd>
          <dt>{t("account:profile.role")}</dt>
          <dd>{t(`common:roles.${account.role}`)}</dd>
          <dt>{t("account:profile.delegation")}</dt>
          <dd>
            {account.delegation ? (
              <Link to={`/${lang}/members/${account.delegation.code.toLowerCase()}`}>{delegationName(account.delegation.code, lang)}</Link>
            ) : (
              t("common:noDelegation")
            )}
          </dd>
        </dl>
        <Form method="post" {...getFormProps(prefsForm)} className="stack">
          <input type="hidden" name="intent" value="preferences" />
          <FormErrors id={prefsForm.errorId} errors={prefsForm.errors} />
          <InputField label={t("account:profile.name")} meta={prefsFields.name} autoComplete="name" required />
          <SelectField label={t("account:profile.language")} meta={prefsFields.locale} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
          <button type="submit" className="button">
            {t("account:profile.save")}
          </button>
        </Form>
      </section>

      {account.role === "HEAD" ? (
        <p>
          <Link to={`/${lang}/account/delegation`}>{t("account:team.link")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">{t("account:password.heading")}</h2>
        <p className="muted">{t("account:password.intro")}</p>
        <Form method="post" {...getFormProps(pwForm)} className="stack">
          <input type="hidden" name="intent" value="changePassword" />
          <FormErrors id={pwForm.errorId} errors={pwForm.errors} />
          <InputField label={t("account:password.current")} meta={pwFields.currentPassword} type="password" autoComplete="current-password" required />
          <InputField
            label={t("account:password.new")}
            hint={t("account:password.hint", { count: PASSWORD_MIN_LENGTH })}
            meta={pwFields.newPassword}
            type="password"
            autoComplete="new-password"
            required
          />
          <InputField label={t("account:password.confirm")} meta={pwFields.confirmPassword} type="password" autoComplete="new-password" required />
          <button type="submit" className="button">
            {t("account:password.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="twofactor-heading" className="card">
        <h2 id="twofactor-heading">{t("account:twoFactor.heading")}</h2>
        <p>{account.totpEnabledAt ? t("account:twoFactor.enabled") : t("account:twoFactor.disabled")}</p>
        <Link to={`/${lang}/account/two-factor`} className="button button-secondary">
          {t("account:twoFactor.manage")}
        </Link>
      </section>

      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{t("account:sessions.heading")}</h2>
        <table>
          <caption className="visually-hidden">{t("account:sessions.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account:sessions.started")}</th>
              <th scope="col">{t("account:sessions.device")}</th>
              <th scope="col">{t("account:sessions.address")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account:sessions.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <FormattedDate value={s.createdAt} lang={lang} withTime />
                </td>
                <td dir="ltr" className="truncate">
                  {s.userAgent ?? "—"}
                </td>
                <td dir="ltr">{s.ipAddress ?? "—"}</td>
                <td>
                  {s.id === currentSessionId ? (
                    <strong>{t("account:sessions.current")}</strong>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="endSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button-link">
                        {t("account:sessions.end")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="endOtherSessions" />
            <button type="submit" className="button button-secondary">
              {t("account:sessions.endOthers")}
            </button>
          </Form>
        ) : null}
      </section>

      <ApiTokensSection lang={lang} tokens={apiTokens} />

      <section aria-labelledby="notices-heading" className="card">
        <h2 id="notices-heading">{t("account:notices.heading")}</h2>
        <ul>
          <li>
            <Link to={`/${lang}/notifications`}>{t("notifications:centre.title")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/account/notifications`}>{t("notifications:preferences.title")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="personal-data-heading" className="card">
        <h2 id="personal-data-heading">{t("privacy:account.heading")}</h2>
        <p>{t("privacy:account.intro")}</p>
        <Link to={`/${lang}/account/data`} className="button button-secondary">
          {t("privacy:account.link")}
        </Link>
      </section>
    </div>
  );
}

export const meta = titleMeta;
