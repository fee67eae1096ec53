// Accepting an invitation: the invited person chooses their name, password and language.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { delegationName } from "~/modules/delegation/names";
import { acceptInvitation, findOpenInvitation } from "~/modules/user/invitation.server";
import { AcceptInvitationSchema } from "~/modules/user/schemas";
import { createSession, endSession } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PASSWORD_MIN_LENGTH } from "~/utils/session-policy";
import { requiresSecondFactor } from "~/utils/permissions";

export const handle = { i18n: ["auth"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const invitation = token ? await findOpenInvitation(token) : null;
  return json({
    lang,
    token,
    invitation: invitation ? { email: invitation.email, role: invitation.role, delegationCode: invitation.delegation?.code ?? null } : null,
    title: await pageTitle(lang, "invitation.title", "auth"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const submission = parseForm(await request.formData(), AcceptInvitationSchema);
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") return invalidForm(submission, { hideFields, context: { form: "invitation" } });
  let userId: string;
  try {
    ({ userId } = await acceptInvitation(submission.value));
  } catch (error) {
    return domainErrorReply(submission, error, { hideFields });
  }
  await endSession(request);
  const cookie = await createSession(userId, true, { userAgent: request.headers.get("user-agent"), ipAddress: context?.clientIp });
  const locale = submission.value.locale;
  return redirect(`/${locale || lang}/account?welcome=1`, { headers: { "Set-Cookie": cookie } });
}

export default function InvitationPage() {
  const { t } = useTranslation(["auth", "common"]);
  const { lang, token, invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof AcceptInvitationSchema>>({
    lastResult: actionData?.result,
    defaultValue: { locale: lang, token },
  });
  if (!invitation && !actionData) {
    return (
      <div className="narrow">
        <h1>{t("auth:invitation.title")}</h1>
        <p className="alert alert-error" role="alert">
          {t("auth:invitation.invalid")}
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("auth:invitation.title")}</h1>
      {invitation ? (
        <p>
          {t("auth:invitation.intro", {
            email: invitation.email,
            role: t(`common:roles.${invitation.role}`),
            delegation: invitation.delegationCode ? delegationName(invitation.delegationCode, lang) : t("common:noDelegation"),
          })}
        </p>
      ) : null}
      {invitation && requiresSecondFactor(invitation.role) ? <p className="muted">{t("auth:invitation.secondFactorNotice")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <InputField label={t("auth:invitation.name")} meta={fields.name} autoComplete="name" required />
        <InputField
          label={t("auth:invitation.password")}
          hint={t("auth:invitation.passwordHint", { count: PASSWORD_MIN_LENGTH })}
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          required
        />
        <InputField label={t("auth:invitation.confirmPassword")} meta={fields.confirmPassword} type="password" autoComplete="new-password" required />
        <SelectField label={t("auth:invitation.language")} meta={fields.locale} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <button type="submit" className="button">
          {t("auth:invitation.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
