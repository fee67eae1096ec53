// The amendments proposed to a section, the lead's decisions, and the form to
// propose one (handlers in amendments.server.ts).
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, TextareaField } from "~/components/ui/form";
import { delegationName } from "~/modules/delegation/names";
import { usePageForm, type ActionResult } from "./page-form";
import type { SectionPageData } from "./route";

export function AmendmentsPanel({ data, actionData }: { data: SectionPageData; actionData: ActionResult }) {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, proposal, may, section, amendments } = data;
  const [amendForm, amendFields] = usePageForm("amend", actionData, { heading: section.heading, body: section.body });
  return (
    <section id="amendments" aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">{t("proposals:amendments.heading")}</h2>
      {amendments.length === 0 ? <p className="muted">{t("proposals:amendments.none")}</p> : null}
      <ul role="list">
        {amendments.map((a) => (
          <li key={a.id} className="card amendment">
            <p>
              <strong>{t("proposals:amendments.from", { delegation: delegationName(a.delegation.code, lang), name: a.author.name })}</strong> ·{" "}
              <span className={`status status-${a.status.toLowerCase()}`}>{t(`proposals:amendments.status.${a.status}`)}</span> ·{" "}
              {t("proposals:amendments.against", { number: a.baseVersion })}
              {a.outdated ? <strong className="flag"> {t("proposals:amendments.outdated")}</strong> : null}
            </p>
            <div lang={proposal.originalLanguage} className="amendment-text">
              <p dir="auto">
                <strong>{a.heading}</strong>
              </p>
              <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
            </div>
            <p dir="auto">
              <em>{t("proposals:amendments.rationale")}</em> {a.rationale}
            </p>
            {a.decisionReason ? (
              <p dir="auto">
                <em>{t("proposals:amendments.decision")}</em> {a.decisionReason}
              </p>
            ) : null}
            {a.status === "PENDING" && may.lead ? (
              <div className="button-row">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="acceptAmendment" />
                  <input type="hidden" name="formId" value={`decide-${a.id}`} />
                  <input type="hidden" name="amendmentId" value={a.id} />
                  <button type="submit" className="button">
                    {t("proposals:amendments.accept")}
                  </button>
                </Form>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="rejectAmendment" />
                  <input type="hidden" name="formId" value={`decide-${a.id}`} />
                  <input type="hidden" name="amendmentId" value={a.id} />
                  <label htmlFor={`reason-${a.id}`}>{t("proposals:amendments.reason")}</label>
                  <input id={`reason-${a.id}`} name="reason" required />
                  <button type="submit" className="button button-secondary">
                    {t("proposals:amendments.reject")}
                  </button>
                </Form>
              </div>
            ) : null}
            {actionData?.intent === `decide-${a.id}` ? (
              <FormErrors
                errors={Object.values(actionData.result?.error ?? {})
                  .flat()
                  .filter((e): e is string => typeof e === "string")}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {may.amend ? (
        <details className="card" open={actionData?.intent === "amend"}>
          <summary>{t("proposals:amendments.propose")}</summary>
          <Form method="post" {...getFormProps(amendForm)} className="stack">
            <input type="hidden" name="intent" value="amend" />
            <input type="hidden" name="formId" value="amend" />
            <FormErrors id={amendForm.errorId} errors={amendForm.errors} />
            <div lang={proposal.originalLanguage}>
              <InputField label={t("proposals:editor.heading")} meta={amendFields.heading} dir="auto" required />
              <TextareaField label={t("proposals:amendments.newText")} hint={t("proposals:editor.bodyHint")} meta={amendFields.body} rows={8} />
            </div>
            <TextareaField label={t("proposals:amendments.rationale")} meta={amendFields.rationale} rows={3} />
            <button type="submit" className="button">
              {t("proposals:amendments.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
