import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/modules/delegation/names";
import { getHome, getRecent } from "~/modules/home/home.server";
import { getNeeds } from "~/modules/home/needs.server";
import { NoticeSentence } from "~/components/notification/notice";
import { formatInZone } from "~/modules/notification/format";
import { getUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { FormattedDate } from "~/components/ui/formatted";
import { useRootData } from "~/root";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const timeZone = user?.timeZone ?? "UTC";
  const [home, recent, needs] = await Promise.all([getHome(user), getRecent(user, lang), user ? getNeeds(user, lang) : Promise.resolve([])]);
  const t = await getFixedT(lang);
  const tn = await getFixedT(lang, "notifications");
  // Each need as a sentence naming its object (marked with the object's own language).
  const MARK = "\u0001";
  const todo = needs.map((n) => {
    const values = {
      ...n.values,
      ...(n.values?.delegationCode ? { delegation: delegationName(String(n.values.delegationCode), lang) } : {}),
      date: n.at ? formatInZone(n.at, lang, timeZone) : "",
      title: MARK,
    };
    const [before = "", after = ""] = tn(`needs.${n.kind}`, values).split(MARK);
    return { key: `${n.kind}:${n.object.id}:${n.href}`, href: n.href, before, title: n.title, titleLanguage: n.titleLanguage, after };
  });
  const consultations = home.consultations.map((c) => {
    const shown = c.titles.find((x) => x.language === lang) ?? c.titles.find((x) => x.kind === "ORIGINAL") ?? c.titles[0];
    return { slug: c.slug, endsAt: c.endsAt, title: shown?.title ?? c.slug, language: shown?.language ?? lang };
  });
  return json({
    lang,
    user: user ? { name: user.name, role: user.role, delegationCode: user.delegation?.code ?? null } : null,
    delegations: home.delegations,
    needs: home.needs,
    todo,
    recent,
    consultations,
    title: `${t("appName")} — ${t("home.tagline")}`,
  });
}

export const handle = { i18n: ["notifications"], cache: PUBLIC_PAGE };

export default function Home() {
  const { t } = useTranslation(["common", "notifications"]);
  const { lang, user, delegations, needs, consultations, todo, recent } = useLoaderData<typeof loader>();
  const unreadNotices = useRootData()?.user?.unreadNotifications ?? 0;
  const counts = [
    unreadNotices > 0 && { to: `/${lang}/notifications`, text: t("notifications:needs.unread", { count: unreadNotices }) },
    needs.openInvitations > 0 && { to: `/${lang}/admin/invitations`, text: t("home.openInvitations", { count: needs.openInvitations }) },
  ].filter(Boolean) as { to: string; text: string }[];
  return (
    <div className="page">
      <section className="hero">
        <h1>{user ? t("home.welcomeBack", { name: user.name }) : t("appName")}</h1>
        <p className="lead">{t("home.tagline")}</p>
        {user?.delegationCode ? (
          <p>
            {t("home.yourDelegation")} <Link to={`/${lang}/members/${user.delegationCode.toLowerCase()}`}>{delegationName(user.delegationCode, lang)}</Link> ·{" "}
            {t(`roles.${user.role}`)}
          </p>
        ) : null}
      </section>
      {user ? (
        <section aria-labelledby="needs-heading" className="card">
          <h2 id="needs-heading">{t("home.needsYou")}</h2>
          {todo.length === 0 && counts.length === 0 ? (
            <p className="muted">{t("home.nothingNeedsYou")}</p>
          ) : (
            <ul data-testid="needs">
              {todo.map((item) => (
                <li key={item.key}>
                  <Link to={item.href}>
                    <NoticeSentence notice={item} />
                  </Link>
                </li>
              ))}
              {counts.map((item) => (
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
