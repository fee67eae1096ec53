// Registering a model (delegates, heads, experts and the secretariat).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ModelForm } from "~/components/evaluation/model-form";
import { listModelOptions, registerModel } from "~/modules/model/model.server";
import { ModelSchema } from "~/modules/model/schemas";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "submitResearch");
  // Arriving from an import whose file names an unregistered repository: start from it.
  const named = ModelSchema.shape.repository.safeParse(new URL(request.url).searchParams.get("repository") ?? undefined);
  const repository = named.success ? named.data : undefined;
  return json({
    lang,
    baseOptions: await listModelOptions(),
    prefill: repository ? { repository, name: repository.split("/")[1] } : undefined,
    title: await pageTitle(lang, "models.registerTitle", "research"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "submitResearch");
  const submission = parseForm(await request.formData(), ModelSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "registerModel" } });
  try {
    const model = await registerModel({ actor: user, input: submission.value });
    return redirect(`/${lang}/models/${model.slug}`);
  } catch (error) {
    // A rule about one field (repository taken, lineage loop) comes back beside it.
    return domainErrorReply(submission, error);
  }
}

export default function RegisterModel() {
  const { t } = useTranslation("research");
  const { lang, baseOptions, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/models`}>{t("models.title")}</Link>
      </p>
      <h1>{t("models.registerTitle")}</h1>
      <p>{t("models.registerIntro")}</p>
      <ModelForm id="register-model" lastResult={actionData?.result} defaultValue={prefill} baseOptions={baseOptions} submitLabel={t("models.registerSubmit")} />
    </div>
  );
}

export const meta = titleMeta;
