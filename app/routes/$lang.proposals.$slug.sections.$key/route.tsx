// One section under discussion: its text with brackets, the amendments
// proposed to it, and the threaded comments (a page of threads at a time).
// Each form's intent has its own handler, beside its panel in this folder.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalHeader } from "~/components/proposal/proposal-header";
import { textLanguageParam } from "~/modules/document/language";
import { getProposalBySlug } from "~/modules/proposal/proposal.server";
import { loadSectionPage } from "~/modules/proposal/view.server";
import { requireUser } from "~/utils/auth.server";
import { pageParam, throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { AmendmentsPanel } from "./amendments";
import { amendIntent, decideAmendmentIntent } from "./amendments.server";
import { BracketsPanel } from "./brackets";
import { bracketIntent, resolveBracketIntent } from "./brackets.server";
import { CommentsPanel } from "./comments";
import { commentIntent, editCommentIntent, hideCommentIntent } from "./comments.server";
import type { IntentContext } from "./intent.server";
import type { ActionResult } from "./page-form";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["proposals", "documents"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const url = new URL(request.url);
  const page = await loadSectionPage({
    slug: params.slug ?? "",
    sectionKey: params.key ?? "",
    lang,
    user,
    textLanguage: textLanguageParam(url),
    page: pageParam(url),
  }).catch(throwAsResponse);
  return json({ lang, ...page, title: `${page.section.heading} · ${page.current.text.title} · Concord` });
}

export type SectionPageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** One handler per intent. */
const INTENTS: Record<string, (ctx: IntentContext) => Promise<Response>> = {
  comment: commentIntent,
  editComment: editCommentIntent,
  hideComment: hideCommentIntent,
  amend: amendIntent,
  acceptAmendment: decideAmendmentIntent,
  rejectAmendment: decideAmendmentIntent,
  bracket: bracketIntent,
  resolveBracket: resolveBracketIntent,
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requireUser(request, context, lang);
  const proposal = await getProposalBySlug(params.slug ?? "").catch(throwAsResponse);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const handler = Object.hasOwn(INTENTS, intent) ? INTENTS[intent] : undefined;
  if (!handler) throw new Response("Bad request", { status: 400 });
  const sectionKey = params.key ?? "";
  return handler({
    formData,
    user,
    proposal,
    sectionKey,
    lang,
    here: `/${lang}/proposals/${proposal.slug}/sections/${sectionKey}`,
    // Each form on the page is told apart by its id, so its errors show beside it.
    formId: String(formData.get("formId") ?? intent),
  });
}

export default function SectionPage() {
  const { t } = useTranslation(["proposals", "common"]);
  const data = useLoaderData<typeof loader>();
  const { lang, proposal, current, may, section } = data;
  const actionData = useActionData<typeof action>() as ActionResult;
  return (
    <div className="page">
      <ProposalHeader lang={lang} proposal={proposal} text={current.text} languages={current.languages} isFallback={current.isFallback} may={may} />
      <p>
        <Link to={`/${lang}/proposals/${proposal.slug}#${section.key}`}>
          <BackIcon /> {t("proposals:section.backToText")}
        </Link>
      </p>
      <section className="card proposal-section" lang={current.text.language} aria-labelledby="section-heading">
        <h2 id="section-heading" dir="auto">
          {section.heading}
        </h2>
        <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: section.html }} />
      </section>
      <BracketsPanel data={data} actionData={actionData} />
      <AmendmentsPanel data={data} actionData={actionData} />
      <CommentsPanel data={data} actionData={actionData} />
    </div>
  );
}

export const meta = titleMeta;
