// Shared positions: the texts the member states adopted. Public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenDataLinks } from "~/components/opendata/open-data-links";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { delegationName } from "~/modules/delegation/names";
import { listPositions } from "~/modules/position/position.server";
import { pageParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { metaWithFeeds } from "~/modules/opendata/feed-links";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["votes", "proposals", "documents", "api"], cache: PUBLIC_PAGE };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const page = pageParam(new URL(request.url));
  const result = await listPositions({ page });
  const items = result.items.map((p) => {
    const shown = p.titles.find((x) => x.language === lang) ?? p.titles.find((x) => x.kind === "ORIGINAL") ?? p.titles[0];
    return { ...p, title: shown?.title ?? p.slug, titleLanguage: shown?.language ?? lang };
  });
  return json({ lang, page, items, total: result.total, pageSize: result.pageSize, title: await pageTitle(lang, "positions.title", "votes") });
}

export default function Positions() {
  const { t } = useTranslation(["votes", "common"]);
  const { lang, items, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("votes:positions.title")}</h1>
      <p>{t("votes:positions.intro")}</p>
      {items.length === 0 ? <p className="muted">{t("votes:positions.none")}</p> : null}
      <ul role="list" className="proposal-list">
        {items.map((p) => (
          <li key={p.slug} className="card">
            <h2 className="card-title">
              <Link to={`/${lang}/positions/${p.slug}`} lang={p.titleLanguage} dir="auto">
                {p.title}
              </Link>
            </h2>
            <p className="meta">
              {t("votes:positions.adoptedOn")} {p.adoptedAt ? <FormattedDate value={p.adoptedAt} lang={lang} /> : null} · {p.rule ? t(`votes:rule.${p.rule}`) : null} ·{" "}
              {t("votes:positions.lead", { delegation: delegationName(p.leadCode, lang) })}
            </p>
            <p className="muted">{p.topics.map((d) => t(`common:dsi.${d}`)).join(" · ")}</p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={pageSize} total={total} />
      <OpenDataLinks
        links={[
          { href: `/${lang}/positions/feed.atom`, label: "formats.feed", type: "application/atom+xml" },
          { href: "/api/v1/positions", label: "formats.json", type: "application/json" },
        ]}
      />
    </div>
  );
}

export const meta = metaWithFeeds("positions");
