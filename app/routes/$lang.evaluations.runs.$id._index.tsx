// One submission of results with its provenance: who submitted it, the
// harness and its version, git hash, model arguments and revision, date, task
// hashes, and the submitted file with its SHA-256; then its results.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DemoBadge, languageLabel, metricLabel, Score } from "~/components/evaluation/score";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { withdrawRun } from "~/modules/evaluation/evaluation.server";
import { getRun } from "~/modules/evaluation/leaderboard.server";
import { WithdrawRunSchema } from "~/modules/evaluation/schemas";
import { getUser, requireUser } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { parseForm } from "~/utils/forms.server";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["research"] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    run: { ...shown, hasFile: fileKey !== null, taskHashes: (run.taskHashes ?? {}) as Record<string, string> },
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

export default function RunPage() {
  const { t } = useTranslation(["research", "common"]);
  const { lang, run, results, total, pageSize, page, mayWithdraw } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const imported = Number(search.get("imported") ?? "0");
  const hashes = Object.entries(run.taskHashes);
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
        <p className="alert alert-success" role="status">
          {t("research:run.imported", { count: imported })}
        </p>
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
      <section aria-labelledby="provenance-heading">
        <h2 id="provenance-heading">{t("research:run.provenance")}</h2>
        <dl className="facts">
          <dt>{t("research:evaluations.submittedBy")}</dt>
          <dd>
            {run.submittedBy.name}
            {run.delegation ? ` (${delegationName(run.delegation.code, lang)})` : ` (${t("research:run.noDelegation")})`},{" "}
            <FormattedDate value={run.createdAt} lang={lang} withTime />
          </dd>
          <dt>{t("research:evaluations.date")}</dt>
          <dd>
            <FormattedDate value={run.evaluatedAt} lang={lang} withTime={run.source === "LM_EVAL_IMPORT"} />
          </dd>
          <dt>{t("research:evaluations.harness")}</dt>
          <dd dir="ltr">
            {run.harness}
            {run.harnessVersion ? ` ${run.harnessVersion}` : ""}
          </dd>
          {run.gitHash ? (
            <>
              <dt>{t("research:run.gitHash")}</dt>
              <dd dir="ltr">
                <code>{run.gitHash}</code>
              </dd>
            </>
          ) : null}
          {run.modelBackend ? (
            <>
              <dt>{t("research:run.backend")}</dt>
              <dd dir="ltr">
                <code>{run.modelBackend}</code>
              </dd>
            </>
          ) : null}
          {run.modelArgs ? (
            <>
              <dt>{t("research:run.modelArgs")}</dt>
              <dd dir="ltr">
                <code className="wrap">{run.modelArgs}</code>
              </dd>
            </>
          ) : null}
          {run.modelSha ? (
            <>
              <dt>{t("research:run.modelSha")}</dt>
              <dd dir="ltr">
                <code>{run.modelSha}</code>
              </dd>
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
                  {t("research:files.sha256")}: <code className="checksum" dir="ltr">{run.fileSha256}</code>
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
          <table className="data-table">
            <caption className="visually-hidden">{t("research:run.results", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("research:evaluations.task")}</th>
                <th scope="col">{t("research:evaluations.metric")}</th>
                <th scope="col">{t("research:evaluations.score")}</th>
                <th scope="col">{t("research:evaluations.shots")}</th>
                <th scope="col">{t("research:evaluations.language")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/${lang}/evaluations/benchmarks/${r.benchmark.id}`} dir="ltr">
                      {r.benchmark.task}
                    </Link>
                  </th>
                  <td dir="ltr">
                    {metricLabel(r.benchmark.metric, r.benchmark.filter)} <span aria-hidden="true">{r.benchmark.higherIsBetter ? "↑" : "↓"}</span>
                  </td>
                  <td className="numeric">
                    <Score value={r.score} stderr={r.stderr} lang={lang} />
                  </td>
                  <td className="numeric">{r.nShot ?? "—"}</td>
                  <td>{languageLabel(r.language, lang, t)}</td>
                </tr>
              ))}
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
    </div>
  );
}

export const meta = titleMeta;
