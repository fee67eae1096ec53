// Editing a registry entry: whoever registered it, their delegation's people who submit research, the secretariat.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ModelForm } from "~/components/evaluation/model-form";
import { getModelBySlug, listModelOptions, updateModel } from "~/modules/model/model.server";
import { mayEditModel } from "~/modules/model/permissions";
import { ModelSchema } from "~/modules/model/schemas";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const model = await getModelBySlug(params.id ?? "").catch(throwAsResponse);
  if (!mayEditModel(user, model)) throwAsResponse(forbidden());
  const [options, t] = await Promise.all([listModelOptions(), getFixedT(lang, "research")]);
  return json({
    lang,
    slug: model.slug,
    name: model.name,
    defaultValue: {
      name: model.name,
      family: model.family,
      baseModelId: model.baseModelId ?? "",
      parameterBillions: model.parameterCount === null ? "" : String(Number(model.parameterCount) / 1e9),
      license: model.license,
      openWeights: model.openWeights ? ("yes" as const) : ("no" as const),
      developer: model.developer,
      originCountry: model.originCountry ?? "",
      repository: model.repository ?? "",
      url: model.url ?? "",
      description: model.description,
    },
    baseOptions: options.filter((o) => o.id !== model.id),
    title: `${t("models.editTitle")} · ${model.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const model = await getModelBySlug(params.id ?? "").catch(throwAsResponse);
  const submission = parseForm(await request.formData(), ModelSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "editModel" } });
  try {
    const saved = await updateModel({ actor: user, modelId: model.id, input: submission.value });
    return redirect(`/${lang}/models/${saved.slug}`);
  } catch (error) {
    // A rule about one field (repository taken, lineage loop) comes back beside it.
    return domainErrorReply(submission, error);
  }
}

export default function EditModel() {
  const { t } = useTranslation("research");
  const { lang, slug, name, defaultValue, baseOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/models`}>{t("models.title")}</Link> › <Link to={`/${lang}/models/${slug}`}>{name}</Link>
      </p>
      <h1>{t("models.editTitle")}</h1>
      <ModelForm id="edit-model" lastResult={actionData?.result} defaultValue={defaultValue} baseOptions={baseOptions} submitLabel={t("models.save")} />
    </div>
  );
}

export const meta = titleMeta;
