// Editing a catalogue entry (the steward delegation's people who submit
// research): its sovereignty metadata, and its name and description in each
// language — the original, or a translation (official ones by the head).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DatasetMetadataFields, DatasetTextFields } from "~/components/dataset/dataset-form";
import { uiLanguageName } from "~/components/evaluation/score";
import { FormErrors, SelectField } from "~/components/ui/form";
import { getDataset, saveDatasetText, updateDatasetMetadata } from "~/modules/dataset/dataset.server";
import { DatasetMetadataSchema, DatasetTextSchema } from "~/modules/dataset/schemas";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { isLanguage, LANGUAGES } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

async function load(request: Request, params: Record<string, string | undefined>, context: AppLoadContext) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const view = await getDataset({ slug: params.slug ?? "", lang, viewer: user }).catch(throwAsResponse);
  if (!view.may.manage) throwAsResponse(forbidden());
  return { lang, user, view };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, view } = await load(request, params, context);
  const wanted = new URL(request.url).searchParams.get("language");
  const textLanguage = isLanguage(wanted) ? wanted : view.dataset.originalLanguage;
  const existing = view.texts.find((x) => x.language === textLanguage);
  const d = view.dataset;
  const t = await getFixedT(lang, "research");
  return json({
    lang,
    slug: d.slug,
    name: view.text.name,
    originalLanguage: d.originalLanguage,
    textLanguage,
    mayOfficial: view.may.decide,
    text: { name: existing?.name ?? "", description: existing?.description ?? "", kind: existing?.kind ?? "UNOFFICIAL_TRANSLATION" },
    metadata: {
      languages: d.languages,
      license: d.license,
      modality: d.modality,
      sizeGigabytes: d.sizeBytes === null ? "" : String(Number(d.sizeBytes) / 1e9),
      recordCount: d.recordCount === null ? "" : d.recordCount.toString(),
      residencyCountry: d.residencyCountry,
      residencyNote: d.residencyNote,
      crossBorder: d.crossBorder,
      access: d.access,
      url: d.url ?? "",
    },
    title: `${t("datasets.editTitle")} · ${view.text.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang, user, view } = await load(request, params, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/${lang}/datasets/${view.dataset.slug}`;
  if (intent === "metadata") {
    const s = parseForm(formData, DatasetMetadataSchema);
    if (s.status !== "success") return invalidForm(s, { intent: "metadata" });
    try {
      await updateDatasetMetadata({ actor: user, datasetId: view.dataset.id, input: s.value });
      return redirect(here);
    } catch (error) {
      return domainErrorReply(s, error, { intent: "metadata" });
    }
  }
  const s = parseForm(formData, DatasetTextSchema);
  if (s.status !== "success") return invalidForm(s, { intent: "text" });
  try {
    await saveDatasetText({ actor: user, datasetId: view.dataset.id, ...s.value });
    return redirect(`/${s.value.language}/datasets/${view.dataset.slug}`);
  } catch (error) {
    return domainErrorReply(s, error, { intent: "text" });
  }
}

type ActionResult = { intent?: string; result?: SubmissionResult<string[]> } | undefined;

export default function EditDataset() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, slug, name, originalLanguage, textLanguage, mayOfficial, text, metadata } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult;
  const [metaForm, metaFields] = useForm<Record<string, string | string[]>>({
    id: "metadata",
    lastResult: actionData?.intent === "metadata" ? actionData.result : undefined,
    defaultValue: metadata,
  });
  const [textForm, textFields] = useForm<Record<string, string>>({
    id: `text-${textLanguage}`,
    lastResult: actionData?.intent === "text" ? actionData.result : undefined,
    defaultValue: { language: textLanguage, name: text.name, description: text.description, kind: text.kind === "ORIGINAL" ? "UNOFFICIAL_TRANSLATION" : text.kind },
  });
  const isOriginal = textLanguage === originalLanguage;
  return (
    <div className="page narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/datasets`}>{t("research:datasets.title")}</Link> ›{" "}
        <Link to={`/${lang}/datasets/${slug}`} dir="auto">
          {name}
        </Link>
      </p>
      <h1>{t("research:datasets.editTitle")}</h1>

      <section aria-labelledby="text-heading" className="card">
        <h2 id="text-heading">{t("research:datasets.textTitle")}</h2>
        <Form method="get" className="filters" aria-label={t("research:datasets.chooseLanguage")}>
          <div className="field">
            <label htmlFor="text-language">{t("research:datasets.textLanguage")}</label>
            <select id="text-language" name="language" defaultValue={textLanguage}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                  {l.code === originalLanguage ? ` — ${t("research:textKind.ORIGINAL")}` : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("research:datasets.chooseLanguage")}
          </button>
        </Form>
        <Form method="post" {...getFormProps(textForm)} className="stack" lang={textLanguage}>
          <input type="hidden" name="intent" value="text" />
          <input type="hidden" name="language" value={textLanguage} />
          <p className="muted">
            {isOriginal
              ? t("research:datasets.editingOriginal", { language: uiLanguageName(textLanguage) })
              : t("research:datasets.editingTranslation", { language: uiLanguageName(textLanguage) })}
          </p>
          <FormErrors id={textForm.errorId} errors={textForm.errors} />
          <DatasetTextFields fields={textFields} withLanguage={false} />
          {!isOriginal ? (
            <SelectField
              label={t("research:datasets.translationKind")}
              meta={textFields.kind}
              options={[
                { value: "UNOFFICIAL_TRANSLATION", label: t("research:textKind.UNOFFICIAL_TRANSLATION") },
                ...(mayOfficial ? [{ value: "OFFICIAL_TRANSLATION", label: t("research:textKind.OFFICIAL_TRANSLATION") }] : []),
              ]}
            />
          ) : null}
          <button type="submit" className="button">
            {t("research:datasets.saveText")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="metadata-heading" className="card">
        <h2 id="metadata-heading">{t("research:datasets.metadataTitle")}</h2>
        <Form method="post" {...getFormProps(metaForm)} className="stack">
          <input type="hidden" name="intent" value="metadata" />
          <FormErrors id={metaForm.errorId} errors={metaForm.errors} />
          <DatasetMetadataFields fields={metaFields} lang={lang} />
          <button type="submit" className="button">
            {t("research:datasets.saveMetadata")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta;
