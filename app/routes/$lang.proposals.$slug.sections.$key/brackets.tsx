// The brackets of a section: who holds which passage, their resolution, and
// the forms to open one or resolve it (handlers in brackets.server.ts).
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, TextareaField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { BRACKET_OUTCOMES } from "~/modules/proposal/constants";
import { usePageForm, type ActionResult } from "./page-form";
import type { SectionPageData } from "./route";

export function BracketsPanel({ data, actionData }: { data: SectionPageData; actionData: ActionResult }) {
  const { t } = useTranslation(["proposals", "common"]);
  const { lang, may, brackets } = data;
  const [bracketForm, bracketFields] = usePageForm("bracket", actionData);
  return (
    <section id="brackets" aria-labelledby="brackets-heading">
      <h2 id="brackets-heading">{t("proposals:brackets.heading")}</h2>
      {brackets.length === 0 ? <p className="muted">{t("proposals:brackets.none")}</p> : null}
      <ul role="list" className="bracket-list">
        {brackets.map((b) => (
          <li key={b.id} className="card">
            <p>
              <strong dir="auto">[{b.passage}]</strong> — {t("proposals:brackets.heldBy", { delegation: delegationName(b.holderDelegation.code, lang) })}{" "}
              <span className={`status status-${b.status.toLowerCase()}`}>{t(`proposals:brackets.status.${b.status}`)}</span>
            </p>
            <p dir="auto">{b.note}</p>
            <p className="muted">
              {t("proposals:brackets.opened", { name: b.openedBy.name, number: b.openedInVersion })} <FormattedDate value={b.openedAt} lang={lang} withTime />
              {b.resolvedAt ? (
                <>
                  {" "}
                  · {t("proposals:brackets.resolved", { name: b.resolvedBy?.name ?? "" })} <FormattedDate value={b.resolvedAt} lang={lang} withTime />
                  {b.resolutionNote ? ` — ${b.resolutionNote}` : ""}
                </>
              ) : null}
            </p>
            {b.mayResolve ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="resolveBracket" />
                <input type="hidden" name="bracketId" value={b.id} />
                <label htmlFor={`outcome-${b.id}`}>{t("proposals:brackets.outcome")}</label>
                <select id={`outcome-${b.id}`} name="outcome">
                  {BRACKET_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`proposals:brackets.status.${o}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`note-${b.id}`} className="visually-hidden">
                  {t("proposals:brackets.resolutionNote")}
                </label>
                <input id={`note-${b.id}`} name="note" placeholder={t("proposals:brackets.resolutionNote")} />
                <button type="submit" className="button button-secondary">
                  {t("proposals:brackets.resolve")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {may.bracket ? (
        <details className="card">
          <summary>{t("proposals:brackets.add")}</summary>
          <Form method="post" {...getFormProps(bracketForm)} className="stack">
            <input type="hidden" name="intent" value="bracket" />
            <input type="hidden" name="formId" value="bracket" />
            <FormErrors id={bracketForm.errorId} errors={bracketForm.errors} />
            <InputField label={t("proposals:brackets.passage")} hint={t("proposals:brackets.passageHint")} meta={bracketFields.passage} dir="auto" required />
            <TextareaField label={t("proposals:brackets.note")} meta={bracketFields.note} rows={3} />
            <button type="submit" className="button">
              {t("proposals:brackets.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
