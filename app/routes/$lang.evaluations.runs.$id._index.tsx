// One submission of results with its provenance: for an imported file, each
// fact as the file states it (harness and version, format, git hash, model
// backend, arguments, name, revision, sample limit, date), or "not stated in
// the file" — never filled in from elsewhere; the import time is shown apart,
// as such. Then its results: groups marked with their tasks, each with the
// leaderboard it belongs to (n-shot, version), its sample count ("10 of 2,376
// samples" for a limited run) and its standard error or "unknown".
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { DemoBadge, GroupBadge, languageLabel, metricLabel, SampleCount, Score, settingLabel } from "~/components/evaluation/score";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { withdrawRun } from "~/modules/evaluation/evaluation.server";
import { getRun } from "~/modules/evaluation/run.server";
import { WithdrawRunSchema } from "~/modules/evaluation/schemas";
import { getUser, requireUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["research", "api"], cache: PUBLIC_PAGE };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const stringMap = (v: unknown): Record<string, string> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string")) : {};
const listMap = (v: unknown): Record<string, string[]> =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, m]) => [k, Array.isArray(m) ? m.filter((x): x is string => typeof x === "string") : []]))
    : {};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  if (!UUID.test(params.id ?? "")) throwAsResponse(notFound());
  const user = await getUser(request, context);
  const page = pageParam(new URL(request.url));
  const { run, results, total, pageSize, mayWithdraw } = await getRun({ viewer: user, runId: params.id!, page }).catch(throwAsResponse);
  const t = await getFixedT(lang, "research");
  const { fileKey, submittedById: _s, delegationId: _d, ...shown } = run;
  return json({
    lang,
    run: { ...shown, hasFile: fileKey !== null, taskHashes: stringMap(run.taskHashes), groupSubtasks: listMap(run.groupSubtasks) },
    results,
    total,
    pageSize,
    page,
    mayWithdraw,
    title: `${t("run.title", { model: run.model.name })} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const submission = parseForm(await request.formData(), WithdrawRunSchema);
  if (submission.status !== "success" || !UUID.test(params.id ?? "")) throw new Response("Bad request", { status: 400 });
  await withdrawRun({ actor: user, runId: params.id! }).catch(throwAsResponse);
  return redirect(`/${lang}/evaluations`);
}

/** A fact of the file, or "not stated in the file". */
function Fact({ label, value, code = false }: { label: string; value: ReactNode | null | undefined; code?: boolean }) {
  const { t } = useTranslation("research");
  const stated = value !== null && value !== undefined && value !== "";
  return (
    <>
      <dt>{label}</dt>
      {stated ? <dd dir={code ? "ltr" : undefined}>{code ? <code className="wrap">{value}</code> : value}</dd> : <dd className="muted not-stated">{t("provenance.notStated")}</dd>}
    </>
  );
}

export default function RunPage() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, run, results, total, pageSize, page, mayWithdraw } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const imported = Number(search.get("imported") ?? "0");
  const importedLimited = Number(search.get("limited") ?? "0");
  const hashes = Object.entries(run.taskHashes);
  const fromFile = run.source === "LM_EVAL_IMPORT";
  // The group each task belongs to, as the file lists them.
  const groupOf = new Map<string, string>();
  for (const [group, members] of Object.entries(run.groupSubtasks)) for (const m of members) if (!groupOf.has(m)) groupOf.set(m, group);
  const limit =
    run.sampleLimit === null
      ? fromFile && run.hasConfig
        ? t("research:provenance.noLimit")
        : null
      : run.sampleLimit < 1
        ? t("research:provenance.limitFraction", { percent: formatNumber(run.sampleLimit * 100, lang) })
        : t("research:provenance.limitCount", { count: run.sampleLimit, limit: formatNumber(run.sampleLimit, lang) });
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/${lang}/evaluations`}>{t("research:evaluations.title")}</Link> ›{" "}
        <Link to={`/${lang}/models/${run.model.slug}`} dir="auto">
          {run.model.name}
        </Link>
      </p>
      <h1>{t("research:run.title", { model: run.model.name })}</h1>
      {imported > 0 ? (
        <div className="alert alert-success" role="status">
          <p>{t("research:run.imported", { count: imported })}</p>
          {importedLimited > 0 ? <p>{t("research:run.importedLimited", { count: importedLimited })}</p> : null}
        </div>
      ) : null}
      <p className="meta">
        {t(`research:evaluations.source.${run.source}`)} · {t(`research:visibility.${run.visibility}`)}
        {run.isDemo ? (
          <>
            {" "}
            <DemoBadge />
          </>
        ) : null}
      </p>
      {run.limitedCount > 0 ? (
        <p className="alert alert-warning" data-testid="run-limited">
          {t("research:run.limitedNote", { count: run.limitedCount })}
        </p>
      ) : null}
      <section aria-labelledby="provenance-heading">
        <h2 id="provenance-heading">{t("research:run.provenance")}</h2>
        {fromFile && run.hasConfig === false ? <p className="alert alert-warning">{t("research:provenance.noConfig")}</p> : null}
        <dl className="facts">
          <dt>{t("research:evaluations.submittedBy")}</dt>
          <dd>
            {run.submittedBy.name}
            {run.delegation ? ` (${delegationName(run.delegation.code, lang)})` : ` (${t("research:run.noDelegation")})`}
          </dd>
          <dt>{fromFile ? t("research:provenance.importedOn") : t("research:provenance.recordedOn")}</dt>
          <dd>
            <FormattedDate value={run.createdAt} lang={lang} withTime />
          </dd>
          <Fact label={t("research:evaluations.date")} value={run.evaluatedAt ? <FormattedDate value={run.evaluatedAt} lang={lang} withTime={fromFile} /> : null} />
          <dt>{t("research:evaluations.harness")}</dt>
          <dd dir="ltr">{run.harness}</dd>
          {fromFile ? (
            <>
              <Fact label={t("research:run.harnessVersion")} value={run.harnessVersion} code />
              <Fact label={t("research:provenance.format")} value={run.fileFormat ? t(`research:provenance.formats.${run.fileFormat === "legacy" ? "legacy" : "v04"}`) : null} />
              <Fact label={t("research:run.gitHash")} value={run.gitHash} code />
              <Fact label={t("research:run.backend")} value={run.modelBackend} code />
              <Fact label={t("research:run.modelArgs")} value={run.modelArgs} code />
              <Fact label={t("research:provenance.modelName")} value={run.modelName} code />
              <Fact label={t("research:provenance.modelRevision")} value={run.modelRevision} code />
              <Fact label={t("research:run.modelSha")} value={run.modelSha} code />
              <Fact label={t("research:provenance.sampleLimit")} value={limit} />
              <Fact
                label={t("research:provenance.duration")}
                value={run.durationSeconds !== null ? t("research:provenance.minutes", { minutes: formatNumber(Math.round(run.durationSeconds / 60), lang) }) : null}
              />
            </>
          ) : run.harnessVersion ? (
            <>
              <dt>{t("research:run.harnessVersion")}</dt>
              <dd dir="ltr">{run.harnessVersion}</dd>
            </>
          ) : null}
          {run.hasFile ? (
            <>
              <dt>{t("research:run.file")}</dt>
              <dd>
                <a href={`/${lang}/evaluations/runs/${run.id}/file`} download dir="auto">
                  {run.fileName}
                </a>{" "}
                <span className="muted">({t("research:files.bytes", { size: formatNumber(run.fileSize ?? 0, lang) })})</span>
                <div>
                  {t("research:files.sha256")}:{" "}
                  <code className="checksum" dir="ltr">
                    {run.fileSha256}
                  </code>
                </div>
              </dd>
            </>
          ) : null}
          {run.notes ? (
            <>
              <dt>{t("research:evaluations.notes")}</dt>
              <dd className="plain-text" dir="auto">
                {run.notes}
              </dd>
            </>
          ) : null}
        </dl>
        {hashes.length ? (
          <details>
            <summary>{t("research:run.taskHashes", { count: hashes.length })}</summary>
            <ul className="hash-list" dir="ltr">
              {hashes.map(([task, hash]) => (
                <li key={task}>
                  {task}: <code>{hash}</code>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="run-results-heading">
        <h2 id="run-results-heading">{t("research:run.results", { count: total })}</h2>
        <div className="table-scroll">
          <table className="data-table run-results">
            <caption className="visually-hidden">{t("research:run.results", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("research:evaluations.task")}</th>
                <th scope="col">{t("research:evaluations.metric")}</th>
                <th scope="col">{t("research:evaluations.setting")}</th>
                <th scope="col">{t("research:evaluations.score")}</th>
                <th scope="col">{t("research:samples.label")}</th>
                <th scope="col">{t("research:evaluations.language")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const members = run.groupSubtasks[r.benchmark.task];
                const parent = groupOf.get(r.benchmark.task);
                return (
                  <tr key={r.id} className={r.benchmark.isGroup ? "is-group" : undefined}>
                    <th scope="row">
                      <Link to={`/${lang}/evaluations/leaderboards/${r.leaderboard.id}`} dir="ltr">
                        {r.benchmark.task}
                      </Link>{" "}
                      {r.benchmark.isGroup ? <GroupBadge /> : null}
                      {r.benchmark.isGroup && members?.length ? <div className="muted">{t("research:groups.members", { count: members.length })}</div> : null}
                      {parent ? (
                        <div className="muted">
                          {t("research:groups.memberOf")} <span dir="ltr">{parent}</span>
                        </div>
                      ) : null}
                    </th>
                    <td dir="ltr">
                      {metricLabel(r.benchmark.metric, r.benchmark.filter)} <span aria-hidden="true">{r.benchmark.higherIsBetter ? "↑" : "↓"}</span>
                    </td>
                    <td>{settingLabel({ nShot: r.nShot, taskVersion: r.leaderboard.taskVersion }, t)}</td>
                    <td className="numeric">
                      <Score value={r.score} stderr={r.stderr} lang={lang} />
                    </td>
                    <td>
                      <SampleCount effective={r.samplesEffective} original={r.samplesOriginal} limited={r.isLimited} lang={lang} />
                    </td>
                    <td>{languageLabel(r.language, lang, t)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
      {mayWithdraw ? (
        <section aria-labelledby="withdraw-heading" className="card">
          <h2 id="withdraw-heading">{t("research:run.withdrawTitle")}</h2>
          <p>{t("research:run.withdrawExplain")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button button-danger">
              {t("research:run.withdraw")}
            </button>
          </Form>
        </section>
      ) : null}
      <OpenDataLinks links={[{ href: `/api/v1/evaluations/${run.id}`, label: "formats.json", type: "application/json" }]} />
    </div>
  );
}

export const meta = titleMeta;
