// Setting up, renewing or (where the role allows) removing the TOTP second factor.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/form";
import { EnableTotpSchema, PasswordConfirmSchema } from "~/modules/user/schemas";
import { confirmEnrollment, disableTotp, regenerateRecoveryCodes, remainingRecoveryCodes, startEnrollment } from "~/modules/user/totp.server";
import { requireUser } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { requiresSecondFactor } from "~/utils/permissions";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["account"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang, { allowMissingSecondFactor: true });
  const title = await pageTitle(lang, "twoFactor.heading", "account");
  const required = requiresSecondFactor(user.role);
  if (user.totpEnabled) {
    return json({ lang, title, required, enabled: true as const, remaining: await remainingRecoveryCodes(user.id), enrollment: null });
  }
  const enrollment = await startEnrollment({ userId: user.id, email: user.email });
  return json({ lang, title, required, enabled: false as const, remaining: 0, enrollment });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang, { allowMissingSecondFactor: true });
  const formData = await request.formData();
  const hideFields = ["password", "code"];
  if (formData.get("intent") === "enable") {
    const submission = parseForm(formData, EnableTotpSchema);
    if (submission.status !== "success") return invalidForm(submission, { hideFields, intent: "enable" as const });
    try {
      const { recoveryCodes } = await confirmEnrollment({ userId: user.id, ...submission.value });
      return json({ intent: "enable" as const, result: submission.reply({ resetForm: true }), recoveryCodes });
    } catch (error) {
      return domainErrorReply(submission, error, { hideFields, intent: "enable" as const });
    }
  }
  const submission = parseForm(formData, PasswordConfirmSchema);
  if (submission.status !== "success") return invalidForm(submission, { hideFields, intent: "manage" as const });
  try {
    if (submission.value.intent === "disable") {
      await disableTotp({ userId: user.id, password: submission.value.password });
      return json({ intent: "manage" as const, result: submission.reply({ resetForm: true }), recoveryCodes: null });
    }
    const { recoveryCodes } = await regenerateRecoveryCodes({ userId: user.id, password: submission.value.password });
    return json({ intent: "manage" as const, result: submission.reply({ resetForm: true }), recoveryCodes });
  } catch (error) {
    return domainErrorReply(submission, error, { field: "password", hideFields, intent: "manage" as const });
  }
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("account");
  return (
    <section className="card alert-success" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t("twoFactor.codesHeading")}</h2>
      <p>{t("twoFactor.codesIntro")}</p>
      <ul className="recovery-codes" dir="ltr">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function TwoFactorPage() {
  const { t } = useTranslation(["account", "common"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const codes = actionData && "recoveryCodes" in actionData ? (actionData.recoveryCodes as string[] | null) : null;
  const [enableForm, enableFields] = useForm({
    id: "enable",
    lastResult: actionData?.intent === "enable" ? actionData.result : undefined,
  });
  const [manageForm, manageFields] = useForm({
    id: "manage",
    lastResult: actionData?.intent === "manage" ? actionData.result : undefined,
  });
  return (
    <div className="page narrow">
      <p>
        <Link to={`/${data.lang}/account`}>
          <BackIcon /> {t("account:title")}
        </Link>
      </p>
      <h1>{t("account:twoFactor.heading")}</h1>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {data.required && !data.enabled ? (
        <p className="alert alert-warning" role="alert">
          {t("account:twoFactor.requiredNotice")}
        </p>
      ) : null}
      {data.enrollment ? (
        <section className="card" aria-labelledby="enroll-heading">
          <h2 id="enroll-heading">{t("account:twoFactor.setupHeading")}</h2>
          <ol>
            <li>{t("account:twoFactor.step1")}</li>
            <li>{t("account:twoFactor.step2")}</li>
          </ol>
          <div
            className="qr"
            role="img"
            aria-label={t("account:twoFactor.qrLabel")}
            // The SVG is generated on our server from the otpauth URI; no user input reaches it.
            dangerouslySetInnerHTML={{ __html: data.enrollment.qrSvg }}
          />
          <p>
            {t("account:twoFactor.secretLabel")}{" "}
            <code dir="ltr" data-testid="totp-secret">
              {data.enrollment.secret}
            </code>
          </p>
          <Form method="post" {...getFormProps(enableForm)} className="stack">
            <input type="hidden" name="intent" value="enable" />
            <FormErrors id={enableForm.errorId} errors={enableForm.errors} />
            <InputField label={t("account:twoFactor.password")} meta={enableFields.password} type="password" autoComplete="current-password" required />
            <InputField label={t("account:twoFactor.code")} meta={enableFields.code} autoComplete="one-time-code" inputMode="numeric" dir="ltr" required />
            <button type="submit" className="button">
              {t("account:twoFactor.enable")}
            </button>
          </Form>
        </section>
      ) : (
        <section className="card" aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("account:twoFactor.enabled")}</h2>
          <p>{t("account:twoFactor.remaining", { count: data.remaining })}</p>
          <Form method="post" {...getFormProps(manageForm)} className="stack">
            <FormErrors id={manageForm.errorId} errors={manageForm.errors} />
            <InputField label={t("account:twoFactor.password")} meta={manageFields.password} type="password" autoComplete="current-password" required />
            <div className="button-row">
              <button type="submit" name="intent" value="regenerateCodes" className="button">
                {t("account:twoFactor.regenerate")}
              </button>
              {data.required ? null : (
                <button type="submit" name="intent" value="disable" className="button button-danger">
                  {t("account:twoFactor.disable")}
                </button>
              )}
            </div>
          </Form>
          {data.required ? <p className="muted">{t("account:twoFactor.cannotDisable")}</p> : null}
        </section>
      )}
    </div>
  );
}

export const meta = titleMeta;
