import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/form";
import { TotpCodeSchema } from "~/modules/user/schemas";
import { verifySecondFactor } from "~/modules/user/totp.server";
import { completeSecondFactor, getSessionState } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { domainErrorReply, invalidForm, safeRedirect } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["auth"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const state = await getSessionState(request, context);
  if (state.kind !== "pendingSecondFactor") throw redirect(`/${lang}/login`);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`);
  return json({ redirectTo, title: await pageTitle(lang, "twoFactor.title", "auth") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const state = await getSessionState(request, context);
  if (state.kind !== "pendingSecondFactor") throw redirect(`/${lang}/login`);
  const formData = await request.formData();
  const submission = parseForm(formData, TotpCodeSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "twoFactor" } });
  const outcome = await verifySecondFactor({ userId: state.userId, code: submission.value.code });
  if (outcome === "throttled") return domainErrorReply(submission, new DomainError(429, "errors.tooManyCodes"), { field: "code" });
  if (outcome === "invalid") return domainErrorReply(submission, new DomainError(400, "errors.wrongCode"), { field: "code" });
  await completeSecondFactor(state.sessionId);
  return redirect(safeRedirect(formData.get("redirectTo"), `/${lang}`));
}

export default function TwoFactorLoginPage() {
  const { t } = useTranslation(["auth", "common"]);
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result });
  return (
    <div className="narrow">
      <h1>{t("auth:twoFactor.title")}</h1>
      <p>{t("auth:twoFactor.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField label={t("auth:twoFactor.code")} hint={t("auth:twoFactor.codeHint")} meta={fields.code} autoComplete="one-time-code" inputMode="numeric" dir="ltr" required />
        <button type="submit" className="button">
          {t("auth:twoFactor.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
