import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/form";
import { attemptLogin, signedInUser } from "~/modules/user/login.server";
import { LoginSchema } from "~/modules/user/schemas";
import { createSession, endSession, getUser } from "~/utils/auth.server";
import { domainErrorReply, invalidForm, safeRedirect } from "~/utils/http.server";
import { isLanguage } from "~/utils/i18n";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { DomainError } from "~/utils/errors";
import { requiresSecondFactor } from "~/utils/permissions";
import { pageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["auth"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`);
  if (await getUser(request, context)) throw redirect(redirectTo);
  return json({ redirectTo, title: await pageTitle(lang, "login.title", "auth") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const submission = parseForm(await request.formData(), LoginSchema);
  if (submission.status !== "success") return invalidForm(submission, { hideFields: ["password"], context: { form: "login" } });
  const { email, password } = submission.value;
  const result = await attemptLogin({ email, password, ip: context?.clientIp ?? "unknown" });
  if (result.outcome === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return domainErrorReply(submission, new DomainError(429, "errors.tooManyAttempts", { count: minutes }), {
      hideFields: ["password"],
    });
  }
  if (result.outcome === "invalid") {
    return domainErrorReply(submission, new DomainError(400, "errors.invalidCredentials"), { hideFields: ["password"] });
  }
  // A new session at every sign-in; any earlier one of this browser ends.
  await endSession(request);
  const cookie = await createSession(result.userId, !result.needsSecondFactor, {
    userAgent: request.headers.get("user-agent"),
    ipAddress: context?.clientIp,
  });
  const user = await signedInUser(result.userId);
  const home = `/${isLanguage(user.locale) ? user.locale : lang}`;
  // A role that must use a second factor but has none set up goes to set it up first.
  const target = requiresSecondFactor(user.role) && !result.needsSecondFactor ? `/${lang}/account/two-factor` : safeRedirect(submission.value.redirectTo, home);
  if (result.needsSecondFactor) {
    return redirect(`/${lang}/login/two-factor?${new URLSearchParams({ redirectTo: target })}`, {
      headers: { "Set-Cookie": cookie },
    });
  }
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation(["auth", "common"]);
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ lastResult: actionData?.result, shouldRevalidate: "onBlur" });
  return (
    <div className="narrow">
      <h1>{t("auth:login.title")}</h1>
      <p>{t("auth:login.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField label={t("auth:login.email")} meta={fields.email} type="email" autoComplete="username" dir="ltr" required />
        <InputField label={t("auth:login.password")} meta={fields.password} type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth:login.submit")}
        </button>
      </Form>
      <p className="muted">{t("auth:login.invitationOnly")}</p>
    </div>
  );
}

export const meta = titleMeta;
