import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import HttpBackend from "i18next-http-backend";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "~/utils/i18n";
import { RequestInfoProvider } from "~/utils/request-info";

async function hydrate() {
  const html = document.documentElement;
  const version = html.dataset.localesVersion ?? "";
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      lng: html.lang || DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGE_CODES,
      ns: ["common", ...getInitialNamespaces()],
      defaultNS: "common",
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${version}` },
      interpolation: { escapeValue: false },
    });
  const requestId = document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content ?? "";
  startTransition(() => {
    hydrateRoot(
      document,
      <RequestInfoProvider value={{ nonce: "", requestId }}>
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>
      </RequestInfoProvider>,
    );
  });
}

void hydrate();
