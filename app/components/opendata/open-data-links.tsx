// "This page as open data": links to the same content in standard formats
// (Atom, CSV, Akoma Ntoso, JSON), shown beside the content they export.
import { useTranslation } from "react-i18next";

export type OpenDataLink = {
  href: string;
  /** Translation key in the `api` namespace (formats.*). */
  label: string;
  values?: Record<string, string>;
  /** The media type, for the link's `type` attribute. */
  type: string;
  /** A file to save rather than a page to open. */
  download?: boolean;
  /** The language of what the link leads to, when it is not the page's. */
  hrefLang?: string;
};

export function OpenDataLinks({ links }: { links: OpenDataLink[] }) {
  const { t, i18n } = useTranslation("api");
  if (links.length === 0) return null;
  return (
    <aside className="open-data" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading">{t("formats.heading")}</h2>
      <ul role="list">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} type={link.type} hrefLang={link.hrefLang} download={link.download ? "" : undefined}>
              {t(link.label, link.values)}
            </a>
          </li>
        ))}
        <li>
          <a href={`/${i18n.language}/api`}>{t("tokens.reference")}</a>
        </li>
      </ul>
    </aside>
  );
}
