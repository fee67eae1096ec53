// "Your personal data": what Concord holds about the signed-in person, how long
// it keeps each kind, and downloads of all of it (JSON and a readable HTML file).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, formatNumber } from "~/components/ui/formatted";
import { exportCounts, exportPersonalData } from "~/modules/privacy/export.server";
import { listOwnSignIns } from "~/modules/privacy/sign-in-records.server";
import { requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["privacy", "account"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const [data, signIns] = await Promise.all([exportPersonalData(user.id), listOwnSignIns(user.id)]);
  return json(
    {
      lang,
      counts: exportCounts(data),
      signIns,
      retentionMonths: getEnv().SIGN_IN_RETENTION_MONTHS,
      title: await pageTitle(lang, "data.title", "privacy"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function PersonalDataPage() {
  const { t } = useTranslation(["privacy", "account", "common"]);
  const { lang, counts, signIns, retentionMonths } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/account`}>
          <BackIcon /> {t("account:title")}
        </Link>
      </p>
      <h1>{t("privacy:data.title")}</h1>
      <p>{t("privacy:data.intro")}</p>

      <section className="card" aria-labelledby="download-heading">
        <h2 id="download-heading">{t("privacy:data.downloadHeading")}</h2>
        <p>{t("privacy:data.downloadIntro")}</p>
        <div className="button-row">
          <a className="button" href={`/${lang}/account/data.html`} download data-testid="download-html">
            {t("privacy:data.downloadHtml")}
          </a>
          <a className="button button-secondary" href={`/${lang}/account/data.json`} download data-testid="download-json">
            {t("privacy:data.downloadJson")}
          </a>
        </div>
      </section>

      <section className="card" aria-labelledby="held-heading">
        <h2 id="held-heading">{t("privacy:data.heldHeading")}</h2>
        <dl className="facts" data-testid="personal-data-counts">
          {Object.entries(counts).map(([kind, n]) => (
            <div key={kind} className="fact">
              <dt>{t(`privacy:kinds.${kind}`)}</dt>
              <dd>{formatNumber(n, lang)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="signins-heading">
        <h2 id="signins-heading">{t("privacy:data.signInsHeading")}</h2>
        <p className="muted">{t("privacy:data.signInsRetention", { count: retentionMonths })}</p>
        {signIns.length === 0 ? (
          <p className="muted">{t("privacy:data.noSignIns")}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t("privacy:data.signInsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy:document.when")}</th>
                <th scope="col">{t("privacy:document.outcome")}</th>
                <th scope="col">{t("privacy:document.address")}</th>
              </tr>
            </thead>
            <tbody>
              {signIns.map((s) => (
                <tr key={s.id}>
                  <td>
                    <FormattedDate value={s.occurredAt} lang={lang} withTime />
                  </td>
                  <td>{t(`privacy:outcomes.${s.outcome}`)}</td>
                  <td dir="ltr">{s.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t("privacy:data.rightsHeading")}</h2>
        <p>{t("privacy:data.retention", { count: retentionMonths })}</p>
        <p>{t("privacy:data.governance")}</p>
        <p>{t("privacy:data.erasure")}</p>
      </section>
    </div>
  );
}

export const meta = titleMeta;
