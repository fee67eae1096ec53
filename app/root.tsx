import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SiteHeader } from "~/components/layout/site-header";
import stylesUrl from "~/styles/app.css";
import fontNamesUrl from "~/styles/fonts-names.css";
import { getUser } from "~/utils/auth.server";
import { directionOf, DEFAULT_LANGUAGE, isLanguage, languageFromAcceptLanguage, languageFromPath, type Language } from "~/utils/i18n";
import { localesVersion } from "~/utils/i18n.server";
import { useRequestInfo } from "~/utils/request-info";
import { can, requiresSecondFactor } from "~/utils/permissions";
import { UNREAD_BADGE_MAX } from "~/modules/notification/categories";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang: Language = isLanguage(params.lang) ? params.lang : languageFromAcceptLanguage(request.headers.get("accept-language"));
  const user = await getUser(request, context);
  // Heads and the secretariat must use a second factor: until it is set up, every page leads there.
  const path = new URL(request.url).pathname;
  if (user && requiresSecondFactor(user.role) && !user.totpEnabled && !/^\/[a-z]{2}\/(account\/two-factor|logout)$/.test(path)) {
    throw redirect(`/${lang}/account/two-factor`);
  }
  return json({
    lang,
    localesVersion: localesVersion(),
    user: user
      ? {
          name: user.name,
          role: user.role,
          delegationCode: user.delegation?.code ?? null,
          mayReadMembersOnly: can(user, "readMembersOnly"),
          // Read with the session, in the same query (the badge says "99+" beyond the cap).
          unreadNotifications: Math.min(user.unreadNotifications, UNREAD_BADGE_MAX + 1),
        }
      : null,
  });
}

/** A route that needs the browser runtime (client-side state, not just forms) says so: `export const handle = { hydrate: true }`. */
export type HydrationHandle = { hydrate?: boolean };
const wantsHydration = (handle: unknown) => Boolean(handle && typeof handle === "object" && (handle as HydrationHandle).hydrate);

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const location = useLocation();
  const { nonce, requestId } = useRequestInfo();
  const lang = data?.lang ?? languageFromPath(location.pathname) ?? DEFAULT_LANGUAGE;
  // Pages are HTML and every form works without JavaScript: the React runtime is sent only
  // to a page whose route asks for it with `handle.hydrate` (ADR 021).
  const hydrated = useMatches().some((m) => wantsHydration(m.handle));
  return (
    <html lang={lang} dir={directionOf(lang)} data-locales-version={data?.localesVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="request-id" content={requestId} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrated ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
        {/* Fonts for scripts a device may lack, last and at low priority: a stylesheet here holds up
            no first paint, and its faces swap in when they arrive (docs/decisions/020-fonts.md). This one
            covers the language names; entry.server.tsx adds the sheet of each script the page's text uses. */}
        {/* eslint-disable-next-line react/no-unknown-property -- React 18 renders only the lowercase attribute (app/types/priority-hints.d.ts) */}
        <link rel="stylesheet" href={fontNamesUrl} fetchpriority="low" />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  return (
    <>
      <SiteHeader lang={data?.lang ?? DEFAULT_LANGUAGE} user={data?.user ?? null} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

const ERROR_KINDS: Record<number, string> = {
  400: "badRequest",
  403: "forbidden",
  404: "notFound",
  413: "tooLarge",
  415: "unsupportedType",
  429: "tooManyRequests",
};

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const data = useRootData();
  const location = useLocation();
  const { requestId } = useRequestInfo();
  const lang = data?.lang ?? languageFromPath(location.pathname) ?? DEFAULT_LANGUAGE;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = ERROR_KINDS[status] ?? (status >= 400 && status < 500 ? "badRequest" : "server");
  return (
    <>
      <SiteHeader lang={lang} user={data?.user ?? null} />
      <main id="main" tabIndex={-1} className="error-page">
        <h1>{t(`errorPage.${kind}.title`)}</h1>
        <p>{t(`errorPage.${kind}.body`)}</p>
        {kind === "server" && requestId ? (
          <p>
            {t("errorPage.reference")} <code>{requestId}</code>
          </p>
        ) : null}
        <p>
          <Link to={`/${lang}`}>{t("errorPage.home")}</Link>
        </p>
      </main>
    </>
  );
}
