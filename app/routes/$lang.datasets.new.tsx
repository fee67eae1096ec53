// Cataloguing a dataset for one's delegation, which becomes its steward.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DatasetMetadataFields, DatasetTextFields } from "~/components/dataset/dataset-form";
import { FormErrors } from "~/components/ui/form";
import { createDataset } from "~/modules/dataset/dataset.server";
import { mayCreateDataset } from "~/modules/dataset/permissions";
import { CreateDatasetSchema } from "~/modules/dataset/schemas";
import { delegationName } from "~/modules/delegation/names";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  if (!mayCreateDataset(user)) throwAsResponse(forbidden());
  return json({ lang, delegationCode: user.delegation!.code, title: await pageTitle(lang, "datasets.createTitle", "research") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  if (!mayCreateDataset(user)) throwAsResponse(forbidden());
  const submission = parseForm(await request.formData(), CreateDatasetSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "createDataset" } });
  try {
    const dataset = await createDataset({ actor: user, input: submission.value });
    return redirect(`/${lang}/datasets/${dataset.slug}`);
  } catch (error) {
    return domainErrorReply(submission, error);
  }
}

export default function NewDataset() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, delegationCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string | string[]>>({
    id: "new-dataset",
    lastResult: actionData?.result,
    defaultValue: { originalLanguage: lang, languages: [], modality: "TEXT", crossBorder: "RESTRICTED", access: "ON_REQUEST", residencyCountry: delegationCode },
  });
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/datasets`}>{t("research:datasets.title")}</Link>
      </p>
      <h1>{t("research:datasets.createTitle")}</h1>
      <p>{t("research:datasets.createIntro", { delegation: delegationName(delegationCode, lang) })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <DatasetTextFields fields={fields} withLanguage />
        <DatasetMetadataFields fields={fields} lang={lang} />
        <button type="submit" className="button">
          {t("research:datasets.createSubmit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
