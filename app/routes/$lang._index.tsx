import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/modules/delegation/names";
import { getHome, getRecent } from "~/modules/home/home.server";
import { getUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { FormattedDate, formatDate } from "~/components/ui/formatted";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const [home, recent] = await Promise.all([getHome(user), getRecent(user, lang)]);
  const t = await getFixedT(lang);
  const consultations = home.consultations.map((c) => {
    const shown = c.titles.find((x) => x.language === lang) ?? c.titles.find((x) => x.kind === "ORIGINAL") ?? c.titles[0];
    return { slug: c.slug, endsAt: c.endsAt, title: shown?.title ?? c.slug, language: shown?.language ?? lang };
  });
  return json({
    lang,
    user: user ? { name: user.name, role: user.role, delegationCode: user.delegation?.code ?? null } : null,
    delegations: home.delegations,
    needs: home.needs,
    votesToCast: home.votesToCast,
    recent,
    consultations,
    title: `${t("appName")} — ${t("home.tagline")}`,
  });
}

export default function Home() {
  const { t } = useTranslation();
  const { lang, user, delegations, needs, consultations, votesToCast, recent } = useLoaderData<typeof loader>();
  const todo = [
    ...votesToCast.map((v) => ({ to: `/${lang}/proposals/${v.slug}/vote`, text: t("home.voteToCast", { date: formatDate(v.closesAt, lang, true) }) })),
    needs.unreadNotices > 0 && { to: `/${lang}/account`, text: t("home.unreadNotices", { count: needs.unreadNotices }) },
    needs.openInvitations > 0 && { to: `/${lang}/admin/invitations`, text: t("home.openInvitations", { count: needs.openInvitations }) },
    needs.accessRequests > 0 && { to: `/${lang}/datasets`, text: t("home.accessRequests", { count: needs.accessRequests }) },
    needs.pendingAmendments > 0 && { to: `/${lang}/proposals?status=CONSULTATION&lead=${user?.delegationCode ?? ""}`, text: t("home.pendingAmendments", { count: needs.pendingAmendments }) },
  ].filter(Boolean) as { to: string; text: string }[];
  return (
    <div className="page">
      <section className="hero">
        <h1>{user ? t("home.welcomeBack", { name: user.name }) : t("appName")}</h1>
        <p className="lead">{t("home.tagline")}</p>
        {user?.delegationCode ? (
          <p>
            {t("home.yourDelegation")}{" "}
            <Link to={`/${lang}/members/${user.delegationCode.toLowerCase()}`}>{delegationName(user.delegationCode, lang)}</Link> ·{" "}
            {t(`roles.${user.role}`)}
          </p>
        ) : null}
      </section>
      {user ? (
        <section aria-labelledby="needs-heading" className="card">
          <h2 id="needs-heading">{t("home.needsYou")}</h2>
          {todo.length === 0 ? (
            <p className="muted">{t("home.nothingNeedsYou")}</p>
          ) : (
            <ul>
              {todo.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.text}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section className="card">
          <p>{t("home.about")}</p>
          <p>
            <Link to={`/${lang}/login`} className="button">
              {t("nav.signIn")}
            </Link>
          </p>
        </section>
      )}
      {consultations.length ? (
        <section aria-labelledby="consultations-heading" className="card">
          <h2 id="consultations-heading">{t("home.consultations")}</h2>
          <ul>
            {consultations.map((c) => (
              <li key={c.slug}>
                <Link to={`/${lang}/proposals/${c.slug}`} lang={c.language} dir="auto">
                  {c.title}
                </Link>{" "}
                — {t("home.until")} <FormattedDate value={c.endsAt} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="card-grid recent">
        {recent.positions.length ? (
          <section aria-labelledby="recent-positions" className="card">
            <h2 id="recent-positions">{t("home.recentPositions")}</h2>
            <ul>
              {recent.positions.map((p) => (
                <li key={p.slug}>
                  <Link to={`/${lang}/positions/${p.slug}`} lang={p.language} dir="auto">
                    {p.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {recent.strategies.length ? (
          <section aria-labelledby="recent-strategies" className="card">
            <h2 id="recent-strategies">{t("home.recentStrategies")}</h2>
            <ul>
              {recent.strategies.map((s) => (
                <li key={s.slug}>
                  <Link to={`/${lang}/strategies/${s.slug}`} lang={s.language} dir="auto">
                    {s.title}
                  </Link>{" "}
                  <span className="muted">({delegationName(s.delegationCode, lang)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {recent.evaluations.length ? (
          <section aria-labelledby="recent-evaluations" className="card">
            <h2 id="recent-evaluations">{t("home.recentEvaluations")}</h2>
            <ul>
              {recent.evaluations.map((e) => (
                <li key={e.id}>
                  <Link to={`/${lang}/evaluations/runs/${e.id}`}>{e.model}</Link> — {t("home.results", { count: e.results })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <section aria-labelledby="community-heading">
        <h2 id="community-heading">{t("home.community")}</h2>
        <ul role="list" className="stats">
          {(["MEMBER", "PARTNER", "OBSERVER"] as const).map((s) => (
            <li key={s}>
              <Link to={`/${lang}/members`}>{t(`home.delegationCount.${s}`, { count: delegations[s] })}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/${lang}/members`}>{t("home.seeMembers")}</Link>
        </p>
      </section>
    </div>
  );
}

export const meta = titleMeta;
