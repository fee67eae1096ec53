// The history of a proposal, and a word-level comparison of any two versions
// (the document kernel's comparison, in the original language).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VersionComparison, VersionPicker } from "~/components/document/version-comparison";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { FormattedDate } from "~/components/ui/formatted";
import { delegationName } from "~/modules/delegation/names";
import { versionParam } from "~/modules/document/document.server";
import { textLanguageParam } from "~/modules/document/language";
import { getProposalBySlug } from "~/modules/proposal/proposal.server";
import { loadHistoryPage } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const url = new URL(request.url);
  const { currentVersion } = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const page = await loadHistoryPage({
    slug: params.slug ?? "",
    lang,
    user,
    textLanguage: textLanguageParam(url),
    from: versionParam(url, "from", currentVersion),
    to: versionParam(url, "to", currentVersion),
  }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.current.text.title} · Concord` });
}

export default function Versions() {
  const { t } = useTranslation(["proposals", "documents", "common"]);
  const { lang, proposal, current, may, versions, from, to, comparison } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <h2>{t("proposals:versions.heading")}</h2>
      <VersionPicker versions={versions} from={from} to={to} />
      {comparison ? (
        <VersionComparison
          comparison={comparison}
          from={comparison.from}
          to={comparison.to}
          lang={lang}
          textLanguage={proposal.originalLanguage}
          fields={[{ name: "title", as: "title" }]}
        />
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("proposals:versions.number")}</th>
            <th scope="col">{t("proposals:versions.saved")}</th>
            <th scope="col">{t("proposals:versions.author")}</th>
            <th scope="col">{t("proposals:versions.note")}</th>
            <th scope="col">{t("proposals:versions.sponsors")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <td>{v.number}</td>
              <td>
                <FormattedDate value={v.createdAt} lang={lang} withTime />
              </td>
              <td>{v.author.name}</td>
              <td dir="auto">
                {v.creditedDelegation ? `${t("proposals:aside.credited", { delegation: delegationName(v.creditedDelegation.code, lang) })} ` : ""}
                {v.changeNote}
              </td>
              <td>{v._count.sponsors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta = titleMeta;
