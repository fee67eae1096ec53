// Saving a new version of a strategy (metadata and text, in its original
// language). A save based on an older version is refused: the editor then sees
// their text beside the current one, nothing lost, and saves again on top of it.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { StrategyFields } from "~/components/strategy/strategy-fields";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { FormErrors, InputField } from "~/components/ui/form";
import { PlainSections } from "~/components/ui/plain-sections";
import { SaveVersionSchema } from "~/modules/strategy/schemas";
import { getStrategyBySlug, getVersionText, saveVersion } from "~/modules/strategy/strategy.server";
import { loadStrategyPage } from "~/modules/strategy/view.server";
import { requireUser } from "~/utils/auth.server";
import { DomainError, forbidden } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadStrategyPage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  if (!page.may.edit) throwAsResponse(forbidden());
  // The editor always works on the original language of the newest version.
  const original = await getVersionText({ strategyId: page.strategy.id, number: page.strategy.currentVersion, language: page.strategy.originalLanguage });
  return json({ lang, ...page, original, title: `${original.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const strategy = await getStrategyBySlug({ user, slug: params.slug ?? "" }).catch(throwAsResponse);
  const submission = parseForm(await request.formData(), SaveVersionSchema);
  if (submission.status === undefined) return json({ result: submission.reply(), conflict: null });
  if (submission.status !== "success") return invalidForm(submission, { context: { form: "saveStrategyVersion" } });
  try {
    await saveVersion({ actor: user, strategyId: strategy.id, ...submission.value });
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === "errors.staleVersion") {
      const fresh = await getStrategyBySlug({ user, slug: strategy.slug });
      const current = await getVersionText({ strategyId: strategy.id, number: fresh.currentVersion, language: fresh.originalLanguage });
      return json(
        {
          result: submission.reply({ formErrors: ["errors.staleVersion"] }),
          conflict: {
            version: current.version.number,
            authorName: current.version.authorName,
            title: current.text.title,
            summary: current.text.summary,
            sections: current.text.sections,
          },
        },
        { status: 409 },
      );
    }
    if (error instanceof DomainError) return domainErrorReply(submission, error);
    throw error;
  }
  return redirect(`/${lang}/strategies/${strategy.slug}`);
}

export default function EditStrategy() {
  const { t } = useTranslation(["strategies", "common"]);
  const { lang, strategy, current, may, original } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData && "conflict" in actionData ? actionData.conflict : null;
  const [form, fields] = useForm<z.input<typeof SaveVersionSchema>>({
    id: "edit-strategy",
    lastResult: actionData?.result,
    defaultValue: {
      baseVersion: String(strategy.currentVersion),
      title: original.text.title,
      summary: original.text.summary,
      issuingAuthority: original.text.issuingAuthority,
      adoptedOn: original.version.adoptedOn ? original.version.adoptedOn.slice(0, 10) : "",
      dimensions: original.version.dimensions,
      sectors: original.version.sectors,
      dimensionNotes: original.text.dimensionNotes,
      changeNote: "",
      sections: original.text.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    },
  });
  // After a refused save, the next save builds on the version that is now current.
  const baseVersion = conflict?.version ?? strategy.currentVersion;
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={false} may={may} />
      <h2>{t("strategies:editor.newVersion", { number: baseVersion + 1 })}</h2>
      {strategy.publishedVersion !== null ? <p className="muted">{t("strategies:editor.publishedStays", { number: strategy.publishedVersion })}</p> : null}
      {conflict ? (
        <section className="conflict card alert-warning" aria-labelledby="conflict-heading">
          <h3 id="conflict-heading">{t("strategies:editor.conflictHeading", { number: conflict.version, name: conflict.authorName })}</h3>
          <p>{t("strategies:editor.conflictIntro")}</p>
          <div className="side-by-side">
            <div>
              <h4>{t("strategies:editor.yourText")}</h4>
              <p className="muted">{t("strategies:editor.yourTextHint")}</p>
            </div>
            <div lang={strategy.originalLanguage}>
              <h4 lang={lang}>{t("strategies:editor.currentText", { number: conflict.version })}</h4>
              <p dir="auto">
                <strong>{conflict.title}</strong>
              </p>
              <p dir="auto" className="plain-text">
                {conflict.summary}
              </p>
              <PlainSections sections={conflict.sections} />
            </div>
          </div>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <StrategyFields form={form as never} fields={fields as never} textLanguage={strategy.originalLanguage} />
        <InputField label={t("strategies:editor.changeNote")} hint={t("strategies:editor.changeNoteHint")} meta={fields.changeNote} required />
        <button type="submit" className="button">
          {t("strategies:editor.save")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta;
