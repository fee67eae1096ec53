// Starting a strategy for one's delegation: a draft (version 1) that only the
// delegation sees until its head publishes it.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { StrategyFields } from "~/components/strategy/strategy-fields";
import { FormErrors, SelectField } from "~/components/ui/form";
import { delegationName } from "~/modules/delegation/names";
import { CreateStrategySchema } from "~/modules/strategy/schemas";
import { createStrategy } from "~/modules/strategy/strategy.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "draftForDelegation");
  return json({ lang, delegationCode: user.delegation!.code, title: await pageTitle(lang, "new.title", "strategies") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "draftForDelegation");
  const submission = parseForm(await request.formData(), CreateStrategySchema);
  // Adding, removing or moving a section (without JavaScript): show the changed form.
  if (submission.status === undefined) return json({ result: submission.reply() });
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "createStrategy" } });
  try {
    const strategy = await createStrategy({ actor: user, ...submission.value });
    return redirect(`/${lang}/strategies/${strategy.slug}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewStrategy() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, delegationCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof CreateStrategySchema>>({
    id: "new-strategy",
    lastResult: actionData?.result,
    defaultValue: { originalLanguage: lang, dimensions: [], sectors: [], sections: [{ heading: "", body: "" }] },
  });
  const textLanguage = (fields.originalLanguage.value as string | undefined) ?? lang;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/strategies`}>{t("strategies:list.title")}</Link>
      </p>
      <h1>{t("strategies:new.title")}</h1>
      <p>{t("strategies:new.intro", { delegation: delegationName(delegationCode, lang) })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("strategies:new.originalLanguage")}
          hint={t("strategies:new.originalLanguageHint")}
          meta={fields.originalLanguage}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        />
        <StrategyFields form={form} fields={fields} textLanguage={textLanguage} />
        <button type="submit" className="button">
          {t("strategies:new.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
