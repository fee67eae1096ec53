// A proposal: its current text in the reader's language with open brackets
// marked, what is happening in each section, and the lead's controls.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/components/document/language-list";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { FollowButton } from "~/components/notification/follow-button";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { textLanguageParam } from "~/modules/document/language";
import { endOfDayUtc, getProposalBySlug, inviteCoDrafter, openOrExtendConsultation, withdrawProposal } from "~/modules/proposal/proposal.server";
import { CoDrafterSchema, ConsultationSchema } from "~/modules/proposal/schemas";
import { setSponsorship } from "~/modules/proposal/sponsor.server";
import { loadProposalOverview } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents", "notifications", "api"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const textLanguage = textLanguageParam(new URL(request.url));
  const page = await loadProposalOverview({ slug: params.slug ?? "", lang, user, textLanguage }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.current.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = redirect(`/${lang}/proposals/${proposal.slug}`);
  try {
    if (intent === "openConsultation" || intent === "extendConsultation") {
      const submission = parseForm(formData, ConsultationSchema);
      if (submission.status !== "success") return invalidForm(submission, { intent: "consultation" as const });
      try {
        await openOrExtendConsultation({
          actor: user,
          proposalId: proposal.id,
          until: endOfDayUtc(submission.value.until),
          extend: intent === "extendConsultation",
        });
      } catch (error) {
        return domainErrorReply(submission, error, { field: "until", intent: "consultation" as const });
      }
      return back;
    }
    if (intent === "inviteCoDrafter") {
      const submission = parseForm(formData, CoDrafterSchema);
      if (submission.status !== "success") return invalidForm(submission, { intent: "coDrafter" as const });
      try {
        await inviteCoDrafter({ actor: user, proposalId: proposal.id, delegationId: submission.value.delegationId });
      } catch (error) {
        return domainErrorReply(submission, error, { field: "delegationId", intent: "coDrafter" as const });
      }
      return back;
    }
    if (intent === "withdraw") await withdrawProposal({ actor: user, proposalId: proposal.id });
    else if (intent === "sponsor" || intent === "unsponsor") await setSponsorship({ actor: user, proposalId: proposal.id, join: intent === "sponsor" });
    else throw new Response("Bad request", { status: 400 });
  } catch (error) {
    throwAsResponse(error);
  }
  return back;
}

export default function ProposalPage() {
  const { t } = useTranslation(["proposals", "common"]);
  const data = useLoaderData<typeof loader>();
  const { lang, proposal, current, may, sections, inviteOptions, openBracketCount, follow } = data;
  const actionData = useActionData<typeof action>();
  const [consultForm, consultFields] = useForm({ id: "consultation", lastResult: actionData?.intent === "consultation" ? actionData.result : undefined });
  const [inviteForm, inviteFields] = useForm({ id: "co-drafter", lastResult: actionData?.intent === "coDrafter" ? actionData.result : undefined });
  const base = `/${lang}/proposals/${proposal.slug}`;
  return (
    <div className="page proposal-page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <FollowButton lang={lang} targetType="PROPOSAL" targetId={proposal.id} following={follow.following} automatic={follow.automatic} redirectTo={base} />
      <div className="proposal-layout">
        <article className="proposal-text" lang={current.text.language} dir="auto">
          {sections.map((s, i) => (
            <section key={s.key} id={s.key} aria-labelledby={`h-${s.key}`} className="proposal-section">
              <h2 id={`h-${s.key}`} dir="auto">
                <span className="section-number">{i + 1}.</span> {s.heading}
              </h2>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: s.html }} />
              {s.brackets.length ? (
                <ul className="bracket-notes" lang={lang}>
                  {s.brackets.map((b) => (
                    <li key={b.id}>
                      <strong>[{b.passage}]</strong> — {t("proposals:brackets.heldBy", { delegation: delegationName(b.holderCode, lang) })}: {b.note}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="section-activity" lang={lang}>
                <Link to={`${base}/sections/${s.key}`}>
                  {t("proposals:section.discuss")} — {t("proposals:section.comments", { count: s.comments })}
                  {s.pendingAmendments ? `, ${t("proposals:section.pendingAmendments", { count: s.pendingAmendments })}` : ""}
                </Link>
              </p>
            </section>
          ))}
        </article>
        <aside className="proposal-aside" aria-label={t("proposals:aside.label")}>
          <section className="card">
            <h2>{t("proposals:aside.version", { number: current.version.number })}</h2>
            <p>
              {t("proposals:aside.savedBy", { name: current.version.authorName })} <FormattedDate value={current.version.createdAt} lang={lang} withTime />
            </p>
            {current.version.creditedDelegationCode ? <p>{t("proposals:aside.credited", { delegation: delegationName(current.version.creditedDelegationCode, lang) })}</p> : null}
            {current.version.changeNote ? <p className="muted">“{current.version.changeNote}”</p> : null}
            <p>{t("proposals:aside.openBrackets", { count: openBracketCount })}</p>
          </section>
          <section className="card" aria-labelledby="sponsors-heading">
            <h2 id="sponsors-heading">{t("proposals:sponsors.heading")}</h2>
            {current.version.sponsors.length ? (
              <ul>
                {current.version.sponsors.map((s) => (
                  <li key={s.id}>{delegationName(s.code, lang)}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("proposals:sponsors.none")}</p>
            )}
            {may.coSponsor ? (
              <Form method="post">
                <input type="hidden" name="intent" value={may.isSponsor ? "unsponsor" : "sponsor"} />
                <button type="submit" className={may.isSponsor ? "button button-secondary" : "button"}>
                  {may.isSponsor ? t("proposals:sponsors.leave") : t("proposals:sponsors.join")}
                </button>
              </Form>
            ) : null}
          </section>
          {may.lead ? (
            <section className="card" aria-labelledby="lead-heading">
              <h2 id="lead-heading">{t("proposals:lead.heading")}</h2>
              <Form method="post" {...getFormProps(consultForm)} className="stack">
                <FormErrors id={consultForm.errorId} errors={consultForm.errors} />
                <input type="hidden" name="intent" value={proposal.status === "DRAFT" ? "openConsultation" : "extendConsultation"} />
                <InputField label={proposal.status === "DRAFT" ? t("proposals:lead.openUntil") : t("proposals:lead.extendUntil")} meta={consultFields.until} type="date" required />
                <button type="submit" className="button">
                  {proposal.status === "DRAFT" ? t("proposals:lead.open") : t("proposals:lead.extend")}
                </button>
              </Form>
              {inviteOptions.length ? (
                <Form method="post" {...getFormProps(inviteForm)} className="stack">
                  <input type="hidden" name="intent" value="inviteCoDrafter" />
                  <SelectField
                    label={t("proposals:lead.invite")}
                    meta={inviteFields.delegationId}
                    options={inviteOptions.map((d) => ({ value: d.id, label: delegationName(d.code, lang) }))}
                  />
                  <button type="submit" className="button button-secondary">
                    {t("proposals:lead.inviteSubmit")}
                  </button>
                </Form>
              ) : null}
              {/* A second step before an act that cannot be undone. */}
              <details>
                <summary>{t("proposals:lead.withdraw")}…</summary>
                <p className="muted">{t("proposals:lead.withdrawWarning")}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <button type="submit" className="button button-danger">
                    {t("proposals:lead.withdraw")}
                  </button>
                </Form>
              </details>
            </section>
          ) : null}
        </aside>
      </div>
      {/* Members only, like the proposal: this version as Akoma Ntoso, and the API (with a read token). */}
      <OpenDataLinks
        links={[
          ...current.languages.map((l) => ({
            href: `/${lang}/proposals/${proposal.slug}/akn?version=${current.version.number}&text=${l.language}`,
            label: "formats.akn",
            values: { language: languageName(l.language) },
            type: "application/akn+xml",
            hrefLang: l.language,
          })),
          { href: `/api/v1/proposals/${proposal.slug}/versions/${current.version.number}`, label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = titleMeta;
