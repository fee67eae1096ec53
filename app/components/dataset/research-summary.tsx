// The research block of a delegation's profile: datasets it stewards and the
// evaluation results it has submitted.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ResearchSummary({ lang, code, summary }: { lang: string; code: string; summary: { datasets: number; evaluations: number } }) {
  const { t } = useTranslation("research");
  return (
    <section aria-labelledby="research-heading">
      <h2 id="research-heading">{t("profile.title")}</h2>
      <ul>
        <li>
          <Link to={`/${lang}/datasets?steward=${code}`}>{t("profile.datasets", { count: summary.datasets })}</Link>
        </li>
        <li>
          {t("profile.evaluations", { count: summary.evaluations })} — <Link to={`/${lang}/evaluations`}>{t("models.toLeaderboards")}</Link>
        </li>
      </ul>
    </section>
  );
}
