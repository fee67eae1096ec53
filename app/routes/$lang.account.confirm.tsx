// Re-authentication before a sensitive act (ADR 004; ASVS 3.7.1): the password
// again, then back to where the user was.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/form";
import { confirmPassword } from "~/modules/user/account.server";
import { PasswordOnlySchema } from "~/modules/user/schemas";
import { markReauthenticated, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, safeRedirect } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["account"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requireUser(request, context, lang);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`);
  return json({ redirectTo, title: await pageTitle(lang, "confirm.title", "account") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const formData = await request.formData();
  const submission = parseForm(formData, PasswordOnlySchema);
  if (submission.status !== "success") return invalidForm(submission, { hideFields: ["password"] });
  try {
    await confirmPassword({ userId: user.id, password: submission.value.password });
  } catch (error) {
    return domainErrorReply(submission, error, { field: "password", hideFields: ["password"] });
  }
  await markReauthenticated(user.session.id);
  return redirect(safeRedirect(formData.get("redirectTo"), `/${lang}`));
}

export default function ConfirmPage() {
  const { t } = useTranslation(["account", "common"]);
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "confirm", lastResult: actionData?.result });
  return (
    <div className="narrow">
      <h1>{t("account:confirm.title")}</h1>
      <p>{t("account:confirm.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField label={t("account:confirm.password")} meta={fields.password} type="password" autoComplete="current-password" required />
        <button type="submit" className="button">
          {t("account:confirm.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
