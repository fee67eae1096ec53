// The vote on a proposal: opening it (chair or lead), casting the delegation's
// ballot (head or alternate, after recent authentication), and the result.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { FieldErrors, FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/form";
import { FormattedDate, formatDate } from "~/components/ui/formatted";
import { ResultsChart } from "~/components/vote/results-chart";
import { delegationName } from "~/modules/delegation/names";
import { getProposalBySlug } from "~/modules/proposal/proposal.server";
import { CHOICES_BY_RULE, DEFAULT_QUORUM_PERCENT, SILENCE_MIN_HOURS, VOTE_RULES } from "~/modules/vote/constants";
import { currentVoteId, loadVotePage } from "~/modules/vote/page.server";
import { CastBallotSchema, OpenVoteSchema } from "~/modules/vote/schemas";
import { castBallot, closeVoteIfDue, openVote } from "~/modules/vote/vote.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, ReauthenticationRequired } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "votes", "documents", "notifications"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const page = await loadVotePage({ slug: params.slug ?? "", lang, user }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.current.text.title} · Concord` });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const here = `/${lang}/proposals/${proposal.slug}/vote`;
  const formData = await request.formData();
  if (formData.get("intent") === "openVote") {
    const submission = parseForm(formData, OpenVoteSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "openVote" as const });
    try {
      await openVote({ actor: user, proposalId: proposal.id, ...submission.value });
    } catch (error) {
      // A deadline refused comes back beside its field (a FieldError names it).
      return domainErrorReply(submission, error, { intent: "openVote" as const });
    }
    return redirect(here);
  }
  const submission = parseForm(formData, CastBallotSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "cast" as const });
  const voteId = await currentVoteId(proposal.id, user);
  if (!voteId) throwAsResponse(notFound());
  try {
    await castBallot({
      actor: user,
      voteId,
      choice: submission.value.choice,
      explanation: submission.value.explanation || undefined,
      reservations: (submission.value.reservations ?? []).filter((r): r is { sectionKey: string; text: string } => Boolean(r.text)),
    });
  } catch (error) {
    if (error instanceof ReauthenticationRequired) {
      throw redirect(`/${lang}/account/confirm?${new URLSearchParams({ redirectTo: here })}`);
    }
    return domainErrorReply(submission, error, { intent: "cast" as const });
  }
  await closeVoteIfDue(voteId);
  return redirect(`${here}?cast=1`);
}

export default function VotePage() {
  const { t } = useTranslation(["votes", "proposals", "common", "notifications"]);
  const data = useLoaderData<typeof loader>();
  const { lang, proposal, current, may, vote, record, mayOpen, mayCast, recentlyAuthenticated, consultationUntil, isChair } = data;
  const actionData = useActionData<typeof action>();
  const [openForm, openFields] = useForm<z.input<typeof OpenVoteSchema>>({
    id: "open-vote",
    lastResult: actionData?.intent === "openVote" ? actionData.result : undefined,
    defaultValue: { rule: "CONSENSUS", quorumPercent: String(DEFAULT_QUORUM_PERCENT) },
  });
  const [castForm, castFields] = useForm<z.input<typeof CastBallotSchema>>({
    id: "cast",
    lastResult: actionData?.intent === "cast" ? actionData.result : undefined,
    defaultValue: {
      choice: vote?.ownBallot?.choice ?? undefined,
      explanation: vote?.ownBallot?.explanation ?? "",
      reservations: current.text.sections.map((s) => ({
        sectionKey: s.key,
        text: vote?.ownBallot?.reservations.find((r) => r.sectionKey === s.key)?.text ?? "",
      })),
    },
  });
  const reservationFields = castFields.reservations.getFieldList();
  const choices = vote ? (CHOICES_BY_RULE[vote.rule as keyof typeof CHOICES_BY_RULE] as readonly string[]) : [];
  const chosen = castFields.choice.initialValue as string | undefined;
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("votes:title")}</h2>
      {!vote && !mayOpen ? <p className="muted">{t("votes:none")}</p> : null}
      {vote ? (
        <section className="card" aria-labelledby="vote-facts">
          <h3 id="vote-facts">{t(`votes:rule.${vote.rule}`)}</h3>
          <dl className="facts">
            <dt>{t("votes:facts.version")}</dt>
            <dd>{t("proposals:versions.label", { number: vote.versionNumber })}</dd>
            {vote.rule !== "SILENCE" ? (
              <>
                <dt>{t("votes:facts.quorum")}</dt>
                <dd>{t("votes:facts.quorumValue", { percent: vote.quorumPercent })}</dd>
              </>
            ) : null}
            <dt>{vote.status === "OPEN" ? t("votes:facts.deadline") : t("votes:facts.closed")}</dt>
            <dd>
              <FormattedDate value={vote.status === "OPEN" ? vote.closesAt : vote.closedAt!} lang={lang} withTime />
            </dd>
            <dt>{t("votes:facts.participation")}</dt>
            <dd>{t("votes:facts.voted", { count: vote.voted, eligible: vote.eligibleCount })}</dd>
          </dl>
          {vote.status === "OPEN" ? <p className="muted">{t("votes:hiddenUntilClose")}</p> : null}
          {vote.status === "CLOSED" && vote.tally ? (
            <>
              <p className={`outcome outcome-${vote.outcome?.toLowerCase()}`} role="status">
                <strong>{t(`votes:outcome.${vote.outcome}`)}</strong>
              </p>
              <ResultsChart rule={vote.rule} tally={vote.tally} eligible={vote.eligibleCount} lang={lang} />
              {vote.outcome === "ADOPTED" ? (
                <p>
                  <Link to={`/${lang}/positions/${proposal.slug}`}>{t("votes:seePosition")}</Link>
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}

      {vote?.ownBallot ? (
        <section className="card alert-success" aria-labelledby="own-ballot">
          <h3 id="own-ballot">{t("votes:own.heading")}</h3>
          <p>
            {t(`votes:choice.${vote.rule === "CONSENSUS" && vote.ownBallot.choice === "YES" ? "JOIN" : vote.ownBallot.choice}`)} —{" "}
            {t("votes:own.castBy", { name: vote.ownBallot.castBy.name })} <FormattedDate value={vote.ownBallot.castAt} lang={lang} withTime />
          </p>
          <p>
            {t("votes:own.receipt")}{" "}
            <code data-testid="receipt" dir="ltr">
              {vote.ownBallot.receipt}
            </code>
          </p>
          <p className="muted">{t("votes:own.receiptHint")}</p>
        </section>
      ) : null}

      {mayCast ? (
        recentlyAuthenticated ? (
          <section className="card" aria-labelledby="cast-heading">
            <h3 id="cast-heading">{vote?.ownBallot ? t("votes:cast.change") : t("votes:cast.heading")}</h3>
            <Form method="post" {...getFormProps(castForm)} className="stack">
              <input type="hidden" name="intent" value="cast" />
              <FormErrors id={castForm.errorId} errors={castForm.errors} />
              <fieldset className="field" aria-describedby={castFields.choice.errors ? castFields.choice.errorId : undefined}>
                <legend>{t("votes:cast.choice")}</legend>
                {choices.map((c) => (
                  <label key={c} className="checkbox">
                    <input type="radio" name={castFields.choice.name} value={c} defaultChecked={chosen === c || choices.length === 1} required />{" "}
                    {t(`votes:choice.${vote?.rule === "CONSENSUS" && c === "YES" ? "JOIN" : c}`)}
                  </label>
                ))}
                <FieldErrors id={castFields.choice.errorId} errors={castFields.choice.errors} />
              </fieldset>
              <TextareaField label={vote?.rule === "SILENCE" ? t("votes:cast.reason") : t("votes:cast.explanation")} meta={castFields.explanation} rows={4} />
              <details open={reservationFields.some((f) => Boolean(f.getFieldset().text.initialValue))}>
                <summary>{t("votes:cast.reservations")}</summary>
                <p className="muted">{t("votes:cast.reservationsHint")}</p>
                {reservationFields.map((f, i) => {
                  const rf = f.getFieldset();
                  return (
                    <div key={f.key}>
                      <input type="hidden" name={rf.sectionKey.name} value={String(rf.sectionKey.initialValue ?? "")} />
                      <TextareaField label={t("votes:cast.reservationOn", { number: i + 1, heading: current.text.sections[i]?.heading ?? "" })} meta={rf.text} rows={2} />
                    </div>
                  );
                })}
              </details>
              <button type="submit" className="button">
                {t("votes:cast.submit")}
              </button>
            </Form>
          </section>
        ) : (
          <section className="card alert-warning">
            <p>{t("votes:cast.confirmFirst")}</p>
            <Link className="button" to={`/${lang}/account/confirm?${new URLSearchParams({ redirectTo: `/${lang}/proposals/${proposal.slug}/vote` })}`}>
              {t("votes:cast.confirm")}
            </Link>
          </section>
        )
      ) : null}

      {mayOpen ? (
        <section className="card" aria-labelledby="open-heading">
          <h3 id="open-heading">{t("votes:open.heading")}</h3>
          <p className="muted">{t("votes:open.intro", { number: proposal.currentVersion, hours: SILENCE_MIN_HOURS })}</p>
          <Form method="post" {...getFormProps(openForm)} className="stack">
            <input type="hidden" name="intent" value="openVote" />
            <FormErrors id={openForm.errorId} errors={openForm.errors} />
            <SelectField label={t("votes:open.rule")} meta={openFields.rule} options={VOTE_RULES.map((r) => ({ value: r, label: t(`votes:rule.${r}`) }))} />
            <InputField label={t("votes:open.quorum")} hint={t("votes:open.quorumHint")} meta={openFields.quorumPercent} type="number" inputMode="numeric" />
            <InputField label={t("votes:open.deadline")} meta={openFields.closesAt} type="datetime-local" required />
            {consultationUntil ? (
              <div className="field">
                <p className="alert alert-warning">{t("notifications:vote.consultationRunningNote", { date: formatDate(consultationUntil, lang, true) })}</p>
                <label className="checkbox">
                  <input type="checkbox" name={openFields.endConsultation.name} defaultChecked={openFields.endConsultation.initialValue === "on"} />{" "}
                  {t("notifications:vote.endConsultation", { date: formatDate(consultationUntil, lang, true) })}
                </label>
                <FieldErrors id={openFields.endConsultation.errorId} errors={openFields.endConsultation.errors} />
              </div>
            ) : null}
            <button type="submit" className="button">
              {t("votes:open.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {vote?.status === "OPEN" && isChair ? (
        <p>
          <Link to={`/${lang}/admin`}>{t("notifications:vote.chair")}</Link>
        </p>
      ) : null}

      {record ? (
        <section aria-labelledby="record-heading">
          <h3 id="record-heading">{t("votes:record.heading")}</h3>
          {vote?.closedEarly ? <p data-testid="closed-early">{t("notifications:vote.closedEarly")}</p> : null}
          {vote?.unableToVote.length ? (
            <p data-testid="unable-to-vote">{t("notifications:vote.unableToVote", { list: vote.unableToVote.map((u) => delegationName(u.code, lang)).join(", ") })}</p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{t("votes:record.delegation")}</th>
                <th scope="col">{t("votes:record.vote")}</th>
                <th scope="col">{t("votes:record.explanation")}</th>
                <th scope="col">{t("votes:record.receipt")}</th>
              </tr>
            </thead>
            <tbody>
              {record.map((r) => (
                <tr key={r.delegationCode}>
                  <td>{delegationName(r.delegationCode, lang)}</td>
                  <td>{r.choice ? t(`votes:choice.${vote?.rule === "CONSENSUS" && r.choice === "YES" ? "JOIN" : r.choice}`) : t("votes:record.didNotVote")}</td>
                  <td dir="auto">
                    {r.explanation}
                    {r.reservations.length ? <span className="muted"> {t("votes:record.reservations", { count: r.reservations.length })}</span> : null}
                  </td>
                  <td dir="ltr">{r.receipt ? <code title={r.receipt}>{r.receipt.slice(0, 12)}…</code> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
