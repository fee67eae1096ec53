import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SearchBox } from "~/components/search/search-box";
import { GlobeIcon } from "~/components/ui/icons";
import { LANGUAGES, pathInLanguage, type Language } from "~/utils/i18n";
import type { Role } from "~/generated/prisma/enums";
import { UNREAD_BADGE_MAX } from "~/modules/notification/categories";

type HeaderUser = { name: string; role: Role; delegationCode: string | null; mayReadMembersOnly: boolean; unreadNotifications: number } | null;

export function SiteHeader({ lang, user }: { lang: Language; user: HeaderUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const nav = [
    ...(user?.mayReadMembersOnly ? [{ to: `/${lang}/proposals`, label: t("nav.proposals") }] : []),
    { to: `/${lang}/positions`, label: t("nav.positions") },
    { to: `/${lang}/strategies`, label: t("nav.strategies") },
    { to: `/${lang}/models`, label: t("nav.models") },
    { to: `/${lang}/evaluations`, label: t("nav.evaluations") },
    { to: `/${lang}/datasets`, label: t("nav.datasets") },
    { to: `/${lang}/members`, label: t("nav.members") },
    ...(user?.role === "SECRETARIAT" ? [{ to: `/${lang}/admin`, label: t("nav.admin") }] : []),
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <div className="site-header-inner">
        <Link to={`/${lang}`} className="brand" aria-label={t("nav.homeLabel")}>
          {t("appName")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul role="list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <SearchBox lang={lang} />
          <details className="language-switcher">
            <summary>
              <GlobeIcon /> <span className="visually-hidden">{t("nav.chooseLanguage")}: </span>
              {LANGUAGES.find((l) => l.code === lang)?.name}
            </summary>
            <ul role="list">
              {LANGUAGES.map((l) => (
                <li key={l.code}>
                  <a
                    href={pathInLanguage(location.pathname, location.search, l.code)}
                    hrefLang={l.code}
                    lang={l.code}
                    dir={l.dir}
                    aria-current={l.code === lang ? "true" : undefined}
                  >
                    {l.name}
                  </a>
                </li>
              ))}
            </ul>
          </details>
          {user ? (
            <>
              <NotificationsLink lang={lang} unread={user.unreadNotifications} />
              <Link to={`/${lang}/account`} className="account-link">
                {user.name}
              </Link>
              <Form method="post" action={`/${lang}/logout`}>
                <button type="submit" className="button-link">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link to={`/${lang}/login`}>{t("nav.signIn")}</Link>
          )}
        </div>
      </div>
    </header>
  );
}

/** The notification centre, with the unread count on every page ("99+" past the cap). */
function NotificationsLink({ lang, unread }: { lang: Language; unread: number }) {
  const { t } = useTranslation();
  const capped = unread > UNREAD_BADGE_MAX;
  const label = capped ? t("nav.manyUnread", { count: UNREAD_BADGE_MAX }) : unread ? t("nav.unread", { count: unread }) : "";
  return (
    <Link to={`/${lang}/notifications`} className="notifications-link" data-testid="notifications-link">
      {t("nav.notifications")}
      {unread ? (
        <>
          <span className="badge" aria-hidden="true">
            {capped ? `${UNREAD_BADGE_MAX}+` : unread}
          </span>
          <span className="visually-hidden">, {label}</span>
        </>
      ) : null}
    </Link>
  );
}
