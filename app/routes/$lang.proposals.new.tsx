import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { SectionsEditor } from "~/components/document/sections-editor";
import { chosenValues, FieldErrors, FormErrors, InputField, SelectField } from "~/components/ui/form";
import { delegationName } from "~/modules/delegation/names";
import { DSI_DIMENSIONS } from "~/modules/proposal/constants";
import { createProposal } from "~/modules/proposal/proposal.server";
import { CreateProposalSchema } from "~/modules/proposal/schemas";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { LANGUAGES } from "~/utils/i18n";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "draftForDelegation");
  return json({ lang, delegationCode: user.delegation!.code, title: await pageTitle(lang, "new.title", "proposals") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "draftForDelegation");
  const submission = parseForm(await request.formData(), CreateProposalSchema);
  // Adding, removing or moving a section (without JavaScript): show the changed form.
  if (submission.status === undefined) return json({ result: submission.reply() });
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "createProposal" } });
  try {
    const proposal = await createProposal({ actor: user, ...submission.value });
    return redirect(`/${lang}/proposals/${proposal.slug}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewProposal() {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, delegationCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof CreateProposalSchema>>({
    id: "new-proposal",
    lastResult: actionData?.result,
    defaultValue: { originalLanguage: lang, topics: [], sections: [{ heading: "", body: "" }] },
  });
  const chosenTopics = chosenValues(fields.topics.initialValue);
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/proposals`}>{t("proposals:list.title")}</Link>
      </p>
      <h1>{t("proposals:new.title")}</h1>
      <p>{t("proposals:new.intro", { delegation: delegationName(delegationCode, lang) })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField label={t("proposals:editor.title")} meta={fields.title} dir="auto" required />
        <SelectField label={t("proposals:new.originalLanguage")} meta={fields.originalLanguage} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <fieldset className="field" aria-describedby={fields.topics.errors ? fields.topics.errorId : undefined}>
          <legend>{t("proposals:new.topics")}</legend>
          {DSI_DIMENSIONS.map((d) => (
            <label key={d} className="checkbox">
              <input type="checkbox" name={fields.topics.name} value={d} defaultChecked={chosenTopics.has(d)} /> {t(`common:dsi.${d}`)}
            </label>
          ))}
          <FieldErrors id={fields.topics.errorId} errors={fields.topics.errors} />
        </fieldset>
        <SectionsEditor form={form} sections={fields.sections} />
        <button type="submit" className="button">
          {t("proposals:new.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
