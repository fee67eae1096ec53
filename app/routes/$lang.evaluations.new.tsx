// Entering one result by hand (from a paper, a report, a closed model's card).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { languageLabel } from "~/components/evaluation/score";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { EVALUATION_LANGUAGES, HARNESS_LM_EVAL, RESULT_VISIBILITIES } from "~/modules/evaluation/constants";
import { recordManualResult } from "~/modules/evaluation/evaluation.server";
import { ManualResultSchema } from "~/modules/evaluation/schemas";
import { listModelOptions } from "~/modules/model/model.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { collatorOf } from "~/utils/intl";

export const handle = { i18n: ["research"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "submitResearch");
  const options = await listModelOptions();
  const wanted = new URL(request.url).searchParams.get("model");
  return json({
    lang,
    options,
    preselected: options.find((o) => o.slug === wanted)?.id ?? "",
    today: new Date().toISOString().slice(0, 10),
    title: await pageTitle(lang, "evaluations.manualTitle", "research"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "submitResearch");
  const submission = parseForm(await request.formData(), ManualResultSchema);
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "manualResult" } });
  try {
    const run = await recordManualResult({ actor: user, input: submission.value });
    return redirect(`/${lang}/evaluations/runs/${run.id}`);
  } catch (error) {
    const key = (error as { messageKey?: string }).messageKey;
    return domainErrorReply(submission, error, { field: key === "research:errors.unknownModel" ? "modelId" : key === "research:errors.dateInFuture" ? "evaluatedOn" : undefined });
  }
}

export default function ManualResult() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, options, preselected, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<keyof z.input<typeof ManualResultSchema>, string>>({
    id: "manual",
    lastResult: actionData?.result,
    defaultValue: { modelId: preselected, filter: "none", kind: "task", higherIsBetter: "yes", language: "en", harness: HARNESS_LM_EVAL, evaluatedOn: today, visibility: "PUBLIC" },
  });
  const collator = collatorOf(lang);
  const languages = [...EVALUATION_LANGUAGES].map((code) => ({ value: code, label: languageLabel(code, lang, t) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link>
      </p>
      <h1>{t("research:evaluations.manualTitle")}</h1>
      <p>{t("research:manual.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("research:manual.model")}
          meta={fields.modelId}
          options={[{ value: "", label: t("research:manual.chooseModel") }, ...options.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <InputField label={t("research:evaluations.task")} hint={t("research:manual.taskHint")} meta={fields.task} dir="ltr" required />
        <InputField label={t("research:evaluations.metric")} hint={t("research:manual.metricHint")} meta={fields.metric} dir="ltr" required />
        <InputField label={t("research:manual.filter")} hint={t("research:manual.filterHint")} meta={fields.filter} dir="ltr" />
        <SelectField
          label={t("research:manual.kind")}
          hint={t("research:manual.kindHint")}
          meta={fields.kind}
          options={[
            { value: "task", label: t("research:manual.kindTask") },
            { value: "group", label: t("research:manual.kindGroup") },
          ]}
        />
        <InputField label={t("research:manual.taskVersion")} hint={t("research:manual.taskVersionHint")} meta={fields.taskVersion} dir="ltr" />
        <SelectField
          label={t("research:manual.direction")}
          meta={fields.higherIsBetter}
          options={[
            { value: "yes", label: t("research:evaluations.higherIsBetter") },
            { value: "no", label: t("research:evaluations.lowerIsBetter") },
          ]}
        />
        <InputField label={t("research:evaluations.score")} meta={fields.score} inputMode="text" required />
        <InputField label={t("research:manual.stderr")} meta={fields.stderr} inputMode="text" />
        <InputField label={t("research:evaluations.shots")} hint={t("research:manual.shotsHint")} meta={fields.nShot} type="number" />
        <SelectField label={t("research:evaluations.language")} meta={fields.language} options={languages} />
        <InputField label={t("research:evaluations.harness")} meta={fields.harness} dir="ltr" required />
        <InputField label={t("research:manual.harnessVersion")} meta={fields.harnessVersion} dir="ltr" />
        <InputField label={t("research:evaluations.date")} meta={fields.evaluatedOn} type="date" required />
        <SelectField
          label={t("research:visibility.label")}
          meta={fields.visibility}
          options={RESULT_VISIBILITIES.map((v) => ({ value: v, label: t(`research:visibility.${v}`) }))}
        />
        <TextareaField label={t("research:evaluations.notes")} meta={fields.notes} rows={3} />
        <button type="submit" className="button">
          {t("research:manual.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
