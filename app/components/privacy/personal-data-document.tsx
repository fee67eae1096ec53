// A person's data as a readable, self-contained HTML document (the download
// beside the JSON): every record, in their language, without any script,
// style sheet or image from anywhere. Rendered on the server only.
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { formatDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import type { PersonalDataExport } from "~/modules/privacy/export.server";

type Props = { data: PersonalDataExport; lang: string; dir: "ltr" | "rtl"; t: TFunction };

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-block-start: 2rem; border-block-end: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin-block: .5rem 1rem; } th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { background: #f3f3f3; } dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; }
.muted { color: #555; } .pre { white-space: pre-wrap; }
`;

// Cells of the tables: text that keeps its own direction, code, and text that keeps its line breaks.
const ltr = (text: ReactNode) => <span dir="ltr">{text}</span>;
const code = (text: ReactNode) => <code dir="ltr">{text}</code>;
const pre = (text: ReactNode) => <span className="pre">{text}</span>;

function Table({ caption, head, rows, empty }: { caption: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <section>
      <h2>
        {caption} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PersonalDataDocument({ data, lang, dir, t }: Props) {
  const date = (d: Date | string | null | undefined) => (d ? formatDate(d, lang, true) : "—");
  const a = data.account;
  const c = data.contributions;
  const none = t("document.none");
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("document.title", { name: a.name })}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{t("document.title", { name: a.name })}</h1>
        <p className="muted">{t("document.generated", { date: date(data.exportedAt) })}</p>
        <p>{t("document.intro")}</p>

        <h2>{t("document.account")}</h2>
        <dl>
          <dt>{t("document.name")}</dt>
          <dd>{a.name}</dd>
          <dt>{t("document.email")}</dt>
          <dd dir="ltr">{a.email}</dd>
          <dt>{t("document.role")}</dt>
          <dd>{t(`common:roles.${a.role}`)}</dd>
          <dt>{t("document.delegation")}</dt>
          <dd>{a.delegation ? delegationName(a.delegation.code, lang) : t("common:noDelegation")}</dd>
          <dt>{t("document.language")}</dt>
          <dd>{a.locale}</dd>
          <dt>{t("document.created")}</dt>
          <dd>{date(a.createdAt)}</dd>
          <dt>{t("document.passwordChanged")}</dt>
          <dd>{date(a.passwordChangedAt)}</dd>
          <dt>{t("document.twoFactor")}</dt>
          <dd>{a.totpEnabledAt ? t("document.twoFactorSince", { date: date(a.totpEnabledAt) }) : t("document.twoFactorOff")}</dd>
          <dt>{t("document.recoveryCodes")}</dt>
          <dd>{t("document.recoveryCodesCount", { count: data.security.recoveryCodes.total, used: data.security.recoveryCodes.used })}</dd>
        </dl>

        <Table
          caption={t("document.signIns")}
          head={[t("document.when"), t("document.outcome"), t("document.address")]}
          rows={data.security.signIns.map((s) => [date(s.occurredAt), t(`outcomes.${s.outcome}`), ltr(s.ipAddress ?? "—")])}
          empty={none}
        />
        <Table
          caption={t("document.sessions")}
          head={[t("document.when"), t("document.device"), t("document.address"), t("document.expires")]}
          rows={data.security.sessions.map((s) => [date(s.createdAt), ltr(s.userAgent ?? "—"), ltr(s.ipAddress ?? "—"), date(s.expiresAt)])}
          empty={none}
        />
        <Table
          caption={t("api:tokens.heading")}
          head={[t("api:tokens.name"), t("api:tokens.scopes"), t("document.created"), t("api:tokens.expires"), t("api:tokens.lastUsed"), t("api:tokens.statusHeading")]}
          rows={data.security.apiTokens.map((k) => [
            <span key="name" dir="auto">
              {k.name}
            </span>,
            k.scopes.map((s) => t(`api:tokens.scope.${s === "read" ? "read" : "evaluationsWrite"}`)).join(", "),
            date(k.createdAt),
            date(k.expiresAt),
            k.lastUsedAt ? date(k.lastUsedAt) : t("api:tokens.neverUsed"),
            t(`api:tokens.status.${k.revokedAt ? "revoked" : new Date(k.expiresAt) < new Date() ? "expired" : "active"}`),
          ])}
          empty={none}
        />
        <Table
          caption={t("document.notifications")}
          head={[t("document.when"), t("document.kind"), t("document.read")]}
          rows={data.notifications.map((n) => [date(n.createdAt), t(`notifications:categories.${n.category}.label`, { defaultValue: n.category }), date(n.readAt)])}
          empty={none}
        />
        <Table
          caption={t("notifications:preferences.title")}
          head={[t("document.kind"), t("notifications:preferences.email"), t("notifications:preferences.inAppShown")]}
          rows={[
            ...(data.notificationSettings.settings
              ? [
                  [t("notifications:preferences.timeZone"), data.notificationSettings.settings.timeZone, ""],
                  [t("notifications:preferences.digestHour"), String(data.notificationSettings.settings.digestHour), ""],
                  [t("notifications:preferences.address"), ltr(data.notificationSettings.settings.verifiedEmail ?? "—"), date(data.notificationSettings.settings.emailVerifiedAt)],
                ]
              : []),
            ...data.notificationSettings.preferences.map((p) => [
              t(`notifications:categories.${p.category}.label`, { defaultValue: p.category }),
              t(`notifications:modes.${p.email}`),
              p.inApp ? "✓" : "—",
            ]),
          ]}
          empty={none}
        />
        <Table
          caption={t("notifications:preferences.follows")}
          head={[t("document.when"), t("document.kind"), t("document.document")]}
          rows={data.notificationSettings.follows.map((f) => [date(f.createdAt), f.targetType, ltr(f.targetId)])}
          empty={none}
        />
        <Table
          caption={t("document.comments")}
          head={[t("document.when"), t("document.proposal"), t("document.section"), t("document.text")]}
          rows={c.comments.map((x) => [date(x.createdAt), x.proposal, x.sectionKey, pre(x.body)])}
          empty={none}
        />
        <Table
          caption={t("document.amendments")}
          head={[t("document.when"), t("document.proposal"), t("document.section"), t("document.status"), t("document.text")]}
          rows={c.amendments.map((x) => [date(x.createdAt), x.proposal, x.sectionKey, t(`statuses.${x.status}`), pre(x.rationale)])}
          empty={none}
        />
        <Table
          caption={t("document.versions")}
          head={[t("document.when"), t("document.document"), t("document.version"), t("document.note")]}
          rows={[
            ...c.proposalVersions.map((x) => [date(x.createdAt), x.proposal, x.number, x.changeNote]),
            ...c.strategyVersions.map((x) => [date(x.createdAt), x.strategy, x.number, x.changeNote]),
          ]}
          empty={none}
        />
        <Table
          caption={t("document.texts")}
          head={[t("document.when"), t("document.document"), t("document.version"), t("document.language"), t("document.title_")]}
          rows={[
            ...c.proposalTexts.map((x) => [date(x.createdAt), x.proposal, x.version, x.language, x.title]),
            ...c.strategyTexts.map((x) => [date(x.createdAt), x.strategy, x.version, x.language, x.title]),
          ]}
          empty={none}
        />
        <Table
          caption={t("document.ballots")}
          head={[t("document.when"), t("document.proposal"), t("document.choice"), t("document.receipt")]}
          rows={c.ballotsCast.map((x) => [date(x.castAt), x.proposal, t(`votes:choice.${x.choice}`, { defaultValue: x.choice }), code(x.receipt)])}
          empty={none}
        />
        <Table
          caption={t("document.files")}
          head={[t("document.when"), t("document.dataset"), t("document.file"), t("document.checksum")]}
          rows={c.datasetFiles.map((x) => [date(x.createdAt), x.dataset, x.filename, code(x.sha256)])}
          empty={none}
        />
        <Table
          caption={t("document.accessRequests")}
          head={[t("document.when"), t("document.dataset"), t("document.status"), t("document.text")]}
          rows={c.accessRequests.map((x) => [date(x.createdAt), x.dataset, t(`statuses.${x.status}`), pre(x.purpose)])}
          empty={none}
        />
        <Table
          caption={t("document.evaluations")}
          head={[t("document.when"), t("document.model"), t("document.results")]}
          rows={c.evaluationRuns.map((x) => [date(x.createdAt), x.model, x.resultCount])}
          empty={none}
        />
        <Table
          caption={t("document.auditEvents")}
          head={["#", t("document.when"), t("document.act"), t("document.object")]}
          rows={data.auditEvents.map((e) => [e.seq, date(e.occurredAt), code(e.act), code(`${e.objectType} ${e.objectId}`)])}
          empty={none}
        />
        <h2>{t("document.keptHeading")}</h2>
        <p>{t("document.kept")}</p>
      </body>
    </html>
  );
}
