// One delegation's DSI assessment of one year: its scores as a radar chart
// beside the members' median, its indicators and evidence; for the
// delegation's head, the form to fill it in and submit it; for the
// secretariat, publishing it or sending it back.
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { RadarChart } from "~/components/dsi/radar-chart";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { comparisonFor, getAssessment, publishAssessment, returnAssessment, saveAssessment, submitAssessment } from "~/modules/dsi/assessment.server";
import { DSI_DIMENSIONS, DSI_INDICATORS, DSI_MEDIAN } from "~/modules/dsi/constants";
import { AssessmentStepSchema, SaveAssessmentSchema } from "~/modules/dsi/schemas";
import { overallScore } from "~/modules/dsi/scoring";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { directionOf } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["dsi", "strategies"], cache: PUBLIC_PAGE };

function pathParams(params: Record<string, string | undefined>) {
  const code = params.code ?? "";
  const year = Number(params.year);
  if (!/^[a-zA-Z]{2}$/.test(code) || !Number.isInteger(year) || year < 2000 || year > 2100) throw new Response("Not found", { status: 404 });
  return { code: code.toUpperCase(), year };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const { code, year } = pathParams(params);
  // The index's "start a year" form sends the year chosen as ?year= (it works without JavaScript).
  const chosen = Number(new URL(request.url).searchParams.get("year"));
  if (Number.isInteger(chosen) && chosen !== year && chosen >= 2000 && chosen <= 2100) throw redirect(`/${lang}/strategies/dsi/${code.toLowerCase()}/${chosen}`);
  const user = await getUser(request, context);
  const view = await getAssessment({ user, code, year }).catch(throwAsResponse);
  const published = view.assessment?.status === "PUBLISHED";
  const comparison = published ? await comparisonFor({ year, compare: DSI_MEDIAN, excludeCode: code }) : null;
  const t = await getFixedT(lang, "dsi");
  const name = delegationName(code, lang);
  return json({
    lang,
    code,
    year,
    name,
    ...view,
    median: comparison?.scores ?? null,
    medianCount: comparison?.count ?? 0,
    title: `${t("assessment.title", { delegation: name, year })} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const { code, year } = pathParams(params);
  const user = await requireUser(request, context, lang);
  const view = await getAssessment({ user, code, year }).catch(throwAsResponse);
  const formData = await request.formData();
  const back = redirect(`/${lang}/strategies/dsi/${code.toLowerCase()}/${year}`);
  if (formData.get("intent") === "save") {
    const submission = parseForm(formData, SaveAssessmentSchema);
    // Adding or removing an evidence link (without JavaScript): show the changed form.
    if (submission.status === undefined) return json({ intent: "save" as const, result: submission.reply() });
    if (submission.status !== "success") return invalidForm(submission, { intent: "save" as const, context: { form: "dsiAssessment" } });
    try {
      await saveAssessment({ actor: user, delegationId: view.delegation.id, year, ...submission.value });
    } catch (error) {
      return domainErrorReply(submission, error, { intent: "save" as const });
    }
    return redirect(`/${lang}/strategies/dsi/${code.toLowerCase()}/${year}?saved=1`);
  }
  const intent = formData.get("intent");
  if (intent !== "submit" && intent !== "publish" && intent !== "return") throw new Response("Bad request", { status: 400 });
  const submission = parseForm(formData, AssessmentStepSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent });
  if (!view.assessment) throw new Response("Not found", { status: 404 });
  const step = submission.value;
  try {
    if (step.intent === "submit") await submitAssessment({ actor: user, assessmentId: view.assessment.id, revision: step.revision });
    else if (step.intent === "publish") await publishAssessment({ actor: user, assessmentId: view.assessment.id, revision: step.revision });
    else await returnAssessment({ actor: user, assessmentId: view.assessment.id, revision: step.revision, note: step.note });
  } catch (error) {
    return domainErrorReply(submission, error, { intent });
  }
  return back;
}

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

export default function AssessmentPage() {
  const { t } = useTranslation(["dsi", "strategies", "common"]);
  const { lang, code, year, name, assessment, may, median, medianCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof SaveAssessmentSchema>>({
    id: "assessment",
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue: {
      intent: "save",
      revision: assessment ? String(assessment.revision) : undefined,
      indicators: Object.fromEntries(DSI_INDICATORS.map((i) => [i.key, assessment?.indicators[i.key] !== undefined ? String(assessment.indicators[i.key]) : ""])),
      evidence: assessment?.evidence ?? [],
    },
  });
  const lastResultOf = (id: string) => (actionData?.intent === id ? actionData.result : undefined);
  const [submitForm] = useForm({ id: "submit", lastResult: lastResultOf("submit") });
  const [publishForm] = useForm({ id: "publish", lastResult: lastResultOf("publish") });
  const [returnForm, returnFields] = useForm({ id: "return", lastResult: lastResultOf("return") });
  const indicatorFields = (fields.indicators as unknown as FieldMetadata<Record<string, string>, Record<string, unknown>, string[]>).getFieldset();
  const evidence = fields.evidence.getFieldList();
  const dir = directionOf(lang);
  const scores = assessment?.scores ?? null;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/strategies/dsi`}>{t("dsi:index.title")}</Link> › <Link to={`/${lang}/members/${code.toLowerCase()}`}>{name}</Link>
      </p>
      <h1>{t("dsi:assessment.title", { delegation: name, year })}</h1>
      {assessment ? (
        <p className="meta">
          <span className={`status status-${assessment.status.toLowerCase()}`}>{t(`dsi:status.${assessment.status}`)}</span>
          {assessment.submittedAt ? (
            <>
              {" "}
              · {t("dsi:assessment.submitted", { name: assessment.submittedBy ?? "" })} <FormattedDate value={assessment.submittedAt} lang={lang} />
            </>
          ) : null}
          {assessment.publishedAt ? (
            <>
              {" "}
              · {t("dsi:assessment.published")} <FormattedDate value={assessment.publishedAt} lang={lang} />
            </>
          ) : null}
        </p>
      ) : (
        <p className="muted">{t("dsi:assessment.notStarted")}</p>
      )}
      {assessment?.returnNote && assessment.status === "DRAFT" ? (
        <div className="alert alert-warning" role="note">
          <p>
            <strong>{t("dsi:assessment.returnedHeading")}</strong>
          </p>
          <p dir="auto">{assessment.returnNote}</p>
        </div>
      ) : null}

      {scores ? (
        <section aria-labelledby="scores-heading" className="dsi-overview">
          <h2 id="scores-heading">{t("dsi:assessment.scores")}</h2>
          <p>{t("dsi:assessment.overall", { score: formatNumber(overallScore(scores), lang) })}</p>
          <RadarChart
            id="assessment-radar"
            title={
              median
                ? t("dsi:chart.radarCompared", { delegation: name, year, other: t("dsi:chart.median", { count: medianCount }) })
                : t("dsi:chart.radar", { delegation: name, year })
            }
            series={[{ label: name, scores }, ...(median ? [{ label: t("dsi:chart.median", { count: medianCount }), scores: median }] : [])]}
            lang={lang}
            dir={dir}
          />
        </section>
      ) : null}

      {(may.submit || may.review) && assessment ? (
        <section className="card" aria-labelledby="step-heading">
          <h2 id="step-heading">{may.submit ? t("dsi:assessment.submitHeading") : t("dsi:assessment.reviewHeading")}</h2>
          {may.submit ? (
            <Form method="post" {...getFormProps(submitForm)}>
              <FormErrors id={submitForm.errorId} errors={submitForm.errors} />
              <p>{t("dsi:assessment.submitIntro")}</p>
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="revision" value={assessment.revision} />
              <button type="submit" className="button">
                {t("dsi:assessment.submit")}
              </button>
            </Form>
          ) : (
            <div className="stack">
              <Form method="post" {...getFormProps(publishForm)}>
                <FormErrors id={publishForm.errorId} errors={publishForm.errors} />
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="revision" value={assessment.revision} />
                <button type="submit" className="button">
                  {t("dsi:assessment.publish")}
                </button>
              </Form>
              <Form method="post" {...getFormProps(returnForm)} className="stack">
                <FormErrors id={returnForm.errorId} errors={returnForm.errors} />
                <input type="hidden" name="intent" value="return" />
                <input type="hidden" name="revision" value={assessment.revision} />
                <TextareaField label={t("dsi:assessment.returnNote")} meta={returnFields.note} rows={3} />
                <button type="submit" className="button button-secondary">
                  {t("dsi:assessment.return")}
                </button>
              </Form>
            </div>
          )}
        </section>
      ) : null}

      {may.edit ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <h2>{assessment ? t("dsi:assessment.edit") : t("dsi:assessment.start")}</h2>
          <p className="muted">{t("dsi:assessment.formIntro")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="save" />
          {assessment ? <input type="hidden" name="revision" value={assessment.revision} /> : null}
          {DSI_DIMENSIONS.map((d) => (
            <fieldset key={d} className="card indicator-fieldset">
              <legend>{t(`common:dsi.${d}`)}</legend>
              {DSI_INDICATORS.filter((i) => i.dimension === d).map((i) => (
                <InputField
                  key={i.key}
                  label={t(`dsi:indicators.${i.key}.label`)}
                  hint={t(`dsi:indicators.${i.key}.description`)}
                  meta={indicatorFields[i.key] as AnyField}
                  type="number"
                  inputMode="numeric"
                  required
                />
              ))}
            </fieldset>
          ))}
          <fieldset className="card">
            <legend>{t("dsi:assessment.evidence")}</legend>
            <p className="field-hint">{t("dsi:assessment.evidenceHint")}</p>
            {evidence.map((item, index) => {
              const f = item.getFieldset();
              return (
                <div key={item.key} className="evidence-row">
                  <SelectField
                    label={t("dsi:assessment.evidenceIndicator")}
                    meta={f.indicator as AnyField}
                    options={DSI_INDICATORS.map((i) => ({ value: i.key, label: t(`dsi:indicators.${i.key}.label`) }))}
                  />
                  <InputField label={t("dsi:assessment.evidenceUrl")} meta={f.url as AnyField} type="url" dir="ltr" />
                  <InputField label={t("dsi:assessment.evidenceLabel")} meta={f.label as AnyField} dir="auto" />
                  <button className="button-link danger" {...form.remove.getButtonProps({ name: fields.evidence.name, index })}>
                    {t("dsi:assessment.removeEvidence")}
                  </button>
                </div>
              );
            })}
            <button
              className="button button-secondary"
              {...form.insert.getButtonProps({ name: fields.evidence.name, defaultValue: { indicator: DSI_INDICATORS[0].key, url: "", label: "" } })}
            >
              {t("dsi:assessment.addEvidence")}
            </button>
          </fieldset>
          <button type="submit" className="button">
            {t("dsi:assessment.save")}
          </button>
        </Form>
      ) : assessment ? (
        <section aria-labelledby="indicators-heading">
          <h2 id="indicators-heading">{t("dsi:assessment.indicators")}</h2>
          <table className="indicator-table">
            <thead>
              <tr>
                <th scope="col">{t("dsi:assessment.indicator")}</th>
                <th scope="col">{t("dsi:assessment.value")}</th>
                <th scope="col">{t("dsi:assessment.evidence")}</th>
              </tr>
            </thead>
            {DSI_DIMENSIONS.map((d) => (
              <tbody key={d}>
                <tr>
                  <th scope="colgroup" colSpan={3} className="group-heading">
                    {t(`common:dsi.${d}`)}
                    {scores ? <> — {formatNumber(scores[d], lang)}</> : null}
                  </th>
                </tr>
                {DSI_INDICATORS.filter((i) => i.dimension === d).map((i) => (
                  <tr key={i.key}>
                    <th scope="row">
                      {t(`dsi:indicators.${i.key}.label`)}
                      <br />
                      <span className="muted small">{t(`dsi:indicators.${i.key}.description`)}</span>
                    </th>
                    <td className="number">{assessment.indicators[i.key] !== undefined ? formatNumber(assessment.indicators[i.key]!, lang) : "—"}</td>
                    <td>
                      <ul role="list" className="evidence-links">
                        {assessment.evidence
                          .filter((e) => e.indicator === i.key)
                          .map((e, n) => (
                            <li key={n}>
                              <a href={e.url} rel="nofollow noopener noreferrer" dir="auto">
                                {e.label}
                              </a>
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
