// The secretariat's dashboard: open votes with participation (who has voted,
// never how) and the chair's controls (extend a deadline, close once everyone
// able to vote has voted), member delegations that cannot vote, proposals
// ready for a vote, consultations closing, pending invitations, mail health.
// Times are in the viewer's time zone.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/modules/delegation/names";
import { getSecretariatDashboard } from "~/modules/home/dashboard.server";
import { formatInZone, utcToZonedInput, zonedTimeToUtc } from "~/modules/notification/format";
import { getAdminOverview } from "~/modules/user/admin.server";
import { extendVote } from "~/modules/vote/chair.server";
import { CloseEarlySchema, ExtendVoteSchema } from "~/modules/vote/schemas";
import { closeVoteEarly } from "~/modules/vote/vote.server";
import { requirePermission } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { translateMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["admin", "notifications", "votes"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "administer");
  const timeZone = user.timeZone;
  const [overview, dashboard] = await Promise.all([getAdminOverview(), getSecretariatDashboard({ viewer: user, lang })]);
  const inZone = (d: Date | string) => formatInZone(d, lang, timeZone);
  return json({
    lang,
    timeZone,
    overview,
    ...dashboard,
    openVotes: dashboard.openVotes.map((v) => ({
      ...v,
      closes: inZone(v.closesAt),
      firstSet: v.originalClosesAt ? inZone(v.originalClosesAt) : null,
      closesInput: utcToZonedInput(v.closesAt, timeZone),
    })),
    readyForVote: dashboard.readyForVote.map((p) => ({ ...p, ended: p.endedAt ? inZone(p.endedAt) : null })),
    consultationsClosing: dashboard.consultationsClosing.map((p) => ({ ...p, ends: inZone(p.endsAt) })),
    mail: { ...dashboard.mail, oldest: dashboard.mail.oldestQueuedAt ? inZone(dashboard.mail.oldestQueuedAt) : null },
    title: await pageTitle(lang, "dashboard.title", "notifications"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "chairVote");
  const form = Object.fromEntries(await request.formData());
  try {
    if (form.intent === "extend") {
      const parsed = ExtendVoteSchema.safeParse(form);
      if (!parsed.success) return json({ voteId: String(form.voteId ?? ""), error: "validation.date" }, { status: 400 });
      const closesAt = zonedTimeToUtc(parsed.data.closesAt, user.timeZone);
      await extendVote({ actor: user, voteId: parsed.data.voteId, closesAt });
      return redirect(`/${lang}/admin?done=extended`);
    }
    const parsed = CloseEarlySchema.safeParse(form);
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    await closeVoteEarly({ actor: user, voteId: parsed.data.voteId });
    return redirect(`/${lang}/admin?done=closedEarly`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = Object.keys(error.values).length ? `${error.messageKey}|${JSON.stringify(error.values)}` : error.messageKey;
    return json({ voteId: String(form.voteId ?? ""), error: message }, { status: error.status });
  }
}

export default function AdminDashboard() {
  const { t } = useTranslation(["notifications", "admin", "votes", "common"]);
  const data = useLoaderData<typeof loader>();
  const { lang, overview, openVotes, unable, readyForVote, consultationsClosing, pendingInvitations, mail, timeZone } = data;
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const sections = [
    { to: "delegations", label: t("admin:delegations.title"), detail: t("admin:overview.delegations", { count: overview.delegations }) },
    { to: "users", label: t("admin:users.title"), detail: t("admin:overview.users", { count: overview.users }) },
    { to: "invitations", label: t("admin:invitations.title"), detail: t("dashboard.pendingInvitations", { count: pendingInvitations }) },
    { to: "outbox", label: t("outbox.title"), detail: `${t("dashboard.mailQueued")}: ${mail.queued}` },
    { to: "audit", label: t("admin:audit.title"), detail: t("admin:overview.auditEvents", { count: overview.auditEvents }) },
  ];
  const names = (codes: string[]) => codes.map((c) => delegationName(c, lang)).join(", ");
  return (
    <div className="page">
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{t("dashboard.timesIn", { zone: timeZone })}</p>
      {done ? (
        <p className="alert alert-success" role="status">
          {done === "extended" ? t("dashboard.extended") : t("dashboard.closedEarly")}
        </p>
      ) : null}

      <section aria-labelledby="votes-heading">
        <h2 id="votes-heading">{t("dashboard.openVotes")}</h2>
        <p className="muted">{t("dashboard.notHowNote")}</p>
        {openVotes.length === 0 ? <p className="muted">{t("dashboard.noOpenVotes")}</p> : null}
        {openVotes.map((v) => {
          const error = actionData && actionData.voteId === v.id ? actionData.error : null;
          const waiting = v.delegations.filter((d) => d.state === "waiting").map((d) => d.code);
          const votedCodes = v.delegations.filter((d) => d.state === "voted").map((d) => d.code);
          const unableCodes = v.delegations.filter((d) => d.state === "unable").map((d) => d.code);
          return (
            <article key={v.id} className="card" aria-labelledby={`vote-${v.id}`} data-testid="open-vote">
              <h3 id={`vote-${v.id}`}>
                <Link to={`/${lang}/proposals/${v.slug}/vote`} lang={v.language} dir="auto">
                  {v.title}
                </Link>
              </h3>
              <dl className="facts">
                <dt>{t("votes:facts.deadline")}</dt>
                <dd>
                  {v.closes}
                  {v.firstSet ? <span className="muted"> — {t("vote.originalDeadline", { date: v.firstSet })}</span> : null}
                </dd>
                <dt>{t("dashboard.participation")}</dt>
                <dd data-testid="participation">{t("dashboard.votedCount", { voted: v.voted, eligible: v.eligible })}</dd>
                <dt>{t("dashboard.voted")}</dt>
                <dd data-testid="voted">{votedCodes.length ? names(votedCodes) : "—"}</dd>
                <dt>{t("dashboard.notVoted")}</dt>
                <dd data-testid="not-voted">{waiting.length ? names(waiting) : "—"}</dd>
                {unableCodes.length ? (
                  <>
                    <dt>{t("dashboard.cannotVote")}</dt>
                    <dd>{names(unableCodes)}</dd>
                  </>
                ) : null}
              </dl>
              {error ? (
                <p className="alert alert-error" role="alert">
                  {translateMessage(t, error)}
                </p>
              ) : null}
              <div className="chair-controls">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="extend" />
                  <input type="hidden" name="voteId" value={v.id} />
                  <label htmlFor={`extend-${v.id}`}>{t("dashboard.newDeadline", { zone: timeZone })}</label>{" "}
                  <input id={`extend-${v.id}`} type="datetime-local" name="closesAt" defaultValue={v.closesInput} required />{" "}
                  <button type="submit" className="button button-secondary">
                    {t("dashboard.extendSubmit")}
                  </button>
                </Form>
                {v.mayCloseEarly ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="closeEarly" />
                    <input type="hidden" name="voteId" value={v.id} />
                    <p className="muted">
                      {t("dashboard.closeEarlyHint")} {unableCodes.length ? t("dashboard.closeEarlyUnable", { list: names(unableCodes) }) : null}
                    </p>
                    <button type="submit" className="button">
                      {t("dashboard.closeEarlyConfirm")}
                    </button>
                  </Form>
                ) : null}
              </div>
            </article>
          );
        })}
      </section>

      <div className="card-grid">
        <section className="card" aria-labelledby="unable-heading">
          <h2 id="unable-heading">{t("dashboard.delegationsUnable")}</h2>
          <p className="muted">{t("dashboard.delegationsUnableHint")}</p>
          {unable.length ? (
            <ul data-testid="unable-delegations">
              {unable.map((d) => (
                <li key={d.id}>
                  <Link to={`/${lang}/members/${d.code.toLowerCase()}`}>{delegationName(d.code, lang)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("dashboard.allCanVote")}</p>
          )}
        </section>

        <section className="card" aria-labelledby="ready-heading">
          <h2 id="ready-heading">{t("dashboard.readyForVote")}</h2>
          <p className="muted">{t("dashboard.readyHint")}</p>
          {readyForVote.length ? (
            <ul>
              {readyForVote.map((p) => (
                <li key={p.slug}>
                  <Link to={`/${lang}/proposals/${p.slug}/vote`} lang={p.language} dir="auto">
                    {p.title}
                  </Link>{" "}
                  {p.ended ? <span className="muted">({p.ended})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("dashboard.noneReady")}</p>
          )}
        </section>

        <section className="card" aria-labelledby="closing-heading">
          <h2 id="closing-heading">{t("dashboard.consultationsClosing")}</h2>
          {consultationsClosing.length ? (
            <ul>
              {consultationsClosing.map((p) => (
                <li key={p.slug}>
                  <Link to={`/${lang}/proposals/${p.slug}`} lang={p.language} dir="auto">
                    {p.title}
                  </Link>{" "}
                  — {p.ends}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("dashboard.noConsultations")}</p>
          )}
        </section>

        <section className="card" aria-labelledby="mail-heading">
          <h2 id="mail-heading">{t("dashboard.mail")}</h2>
          {!mail.smtpConfigured ? <p className="alert alert-warning">{t("dashboard.mailNoSmtp")}</p> : null}
          <dl className="facts" data-testid="mail-health">
            <dt>{t("dashboard.mailQueued")}</dt>
            <dd>{mail.queued}</dd>
            <dt>{t("dashboard.mailSent")}</dt>
            <dd>{mail.sent}</dd>
            <dt>{t("dashboard.mailFailed")}</dt>
            <dd>{mail.failed}</dd>
            <dt>{t("dashboard.mailBounced")}</dt>
            <dd>{mail.bounced}</dd>
          </dl>
          {mail.oldest ? <p className="muted">{t("dashboard.mailOldest", { date: mail.oldest })}</p> : null}
          {mail.lastFailure?.lastError ? <p className="muted">{t("dashboard.mailLastFailure", { error: mail.lastFailure.lastError })}</p> : null}
          <p>
            <Link to={`/${lang}/admin/outbox`}>{t("dashboard.outbox")}</Link>
          </p>
        </section>
      </div>

      <h2>{t("dashboard.manage")}</h2>
      <ul role="list" className="card-grid">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <Link to={`/${lang}/admin/${s.to}`} className="card-title">
              {s.label}
            </Link>
            <p className="muted">{s.detail}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta = titleMeta;
