// The history of a strategy and a word-level comparison of any two versions
// the reader may see (readers outside the delegation: up to the published one),
// through the document kernel's comparison, in the original language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/components/document/language-list";
import { VersionComparison, VersionPicker } from "~/components/document/version-comparison";
import { StrategyHeader } from "~/components/strategy/strategy-header";
import { FormattedDate } from "~/components/ui/formatted";
import { versionParam } from "~/modules/document/document.server";
import { DSI_DIMENSIONS } from "~/modules/strategy/constants";
import { loadHistoryPage, pageParams } from "~/modules/strategy/view.server";
import { getUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["strategies", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const page = await loadHistoryPage({
    slug: params.slug ?? "",
    lang,
    user,
    textLanguage: pageParams(url).textLanguage,
    from: (upTo) => versionParam(url, "from", upTo),
    to: (upTo) => versionParam(url, "to", upTo),
  }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.current.text.title} · Concord` });
}

export default function StrategyVersions() {
  const { t } = useTranslation(["strategies", "documents", "common"]);
  const { lang, strategy, current, may, versions, from, to, comparison } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <StrategyHeader lang={lang} strategy={strategy} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("strategies:versions.heading")}</h2>
      <VersionPicker versions={versions} from={from} to={to} />
      {comparison ? (
        <VersionComparison
          comparison={comparison}
          from={comparison.from}
          to={comparison.to}
          lang={lang}
          textLanguage={strategy.originalLanguage}
          fields={[
            { name: "title", as: "title" },
            { name: "summary" },
            { name: "issuingAuthority" },
            { name: "adoptedOn", label: t("strategies:page.adoptedOn"), as: "date" },
            ...DSI_DIMENSIONS.map((d) => ({ name: `note-${d}`, label: t(`common:dsi.${d}`) })),
          ]}
          sets={[
            { name: "dimensions", label: (d) => t(`common:dsi.${d}`) },
            { name: "sectors", label: (s) => t(`strategies:sector.${s}`) },
          ]}
        />
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("strategies:versions.number")}</th>
            <th scope="col">{t("strategies:versions.saved")}</th>
            <th scope="col">{t("strategies:versions.author")}</th>
            <th scope="col">{t("strategies:versions.note")}</th>
            <th scope="col">{t("strategies:versions.languages")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <td>
                <Link to={`/${lang}/strategies/${strategy.slug}?version=${v.number}`}>{t("strategies:versions.label", { number: v.number })}</Link>
                {v.number === strategy.publishedVersion ? <> ({t("strategies:page.publishedVersion")})</> : null}
              </td>
              <td>
                <FormattedDate value={v.createdAt} lang={lang} withTime />
              </td>
              <td>{v.authorName}</td>
              <td dir="auto">{v.changeNote}</td>
              <td>{v.languages.map(languageName).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta = titleMeta;
