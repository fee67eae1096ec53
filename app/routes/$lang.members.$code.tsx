// A delegation's profile: status and its people by role. Later domains add
// their content here (strategies, assessments, positions).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadarChart } from "~/components/dsi/radar-chart";
import { TrendChart } from "~/components/dsi/trend-chart";
import { StrategyStatus } from "~/components/strategy/strategy-header";
import { FormattedDate } from "~/components/ui/formatted";
import { comparisonFor, publishedHistory } from "~/modules/dsi/assessment.server";
import { DSI_MEDIAN } from "~/modules/dsi/constants";
import { isOwnHead } from "~/modules/dsi/permissions";
import { CompareParamSchema } from "~/modules/dsi/schemas";
import { PROFILE_STRATEGY_LIMIT } from "~/modules/strategy/constants";
import { listDelegationStrategies } from "~/modules/strategy/strategy.server";
import { directionOf, isLanguage } from "~/utils/i18n";
import { getDelegationProfile } from "~/modules/delegation/delegation.server";
import { ResearchSummary } from "~/components/dataset/research-summary";
import { researchSummary } from "~/modules/dataset/dataset.server";
import { delegationName } from "~/modules/delegation/names";
import { getUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { can } from "~/utils/permissions";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["members", "strategies", "dsi", "research"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const code = params.code ?? "";
  if (!/^[a-zA-Z]{2}$/.test(code)) throw new Response("Not found", { status: 404 });
  const user = await getUser(request, context);
  const mayReadPeople = can(user, "readMembersOnly");
  const profile = await getDelegationProfile({ code, includePeople: mayReadPeople }).catch(throwAsResponse);
  const name = delegationName(profile.code, lang);
  // Its strategies (as far as the reader may see them) and its published DSI scores.
  const [strategies, history] = await Promise.all([
    listDelegationStrategies({ user, lang, delegationId: profile.id, limit: PROFILE_STRATEGY_LIMIT }),
    publishedHistory(profile.id),
  ]);
  const latest = history.at(-1) ?? null;
  const compareParam = CompareParamSchema.safeParse(new URL(request.url).searchParams.get("compare") ?? DSI_MEDIAN);
  const compare = compareParam.success ? compareParam.data : DSI_MEDIAN;
  const comparison = latest ? await comparisonFor({ year: latest.year, compare, excludeCode: profile.code }) : null;
  return json({
    lang,
    profile,
    name,
    mayReadPeople,
    signedIn: user !== null,
    strategies,
    dsi: { latest, history, comparison, mayAssess: isOwnHead(user, profile.id) },
    research: await researchSummary({ viewer: user, delegationId: profile.id }),
    title: `${name} · Concord`,
  });
}

export default function MemberProfile() {
  const { t } = useTranslation(["members", "common"]);
  const { lang, profile, name, mayReadPeople, signedIn, strategies, dsi, research } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/members`}>
          <BackIcon /> {t("members:directory.title")}
        </Link>
      </p>
      <h1>{name}</h1>
      <dl className="facts">
        <dt>{t("members:profile.status")}</dt>
        <dd>
          <span className={`status status-${profile.status.toLowerCase()}`}>{t(`common:delegationStatus.${profile.status}`)}</span>
        </dd>
        <dt>{t("members:profile.code")}</dt>
        <dd dir="ltr">{profile.code}</dd>
        <dt>{t("members:profile.votes")}</dt>
        <dd>{profile.status === "MEMBER" ? t("members:profile.votesYes") : t("members:profile.votesNo")}</dd>
      </dl>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("members:profile.people")}</h2>
        {!mayReadPeople ? (
          <p className="muted">{signedIn ? t("members:profile.peopleRestricted") : t("members:profile.signInForPeople")}</p>
        ) : profile.people.length === 0 ? (
          <p className="muted">{t("members:profile.noPeople")}</p>
        ) : (
          profile.people.map((group) => (
            <div key={group.role}>
              <h3>{t(`common:rolesPlural.${group.role}`)}</h3>
              <ul>
                {group.people.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
      <ProfileStrategies lang={lang} code={profile.code} strategies={strategies} />
      <ProfileDsi lang={lang} code={profile.code} name={name} dsi={dsi} />
      <ResearchSummary lang={lang} code={profile.code} summary={research} />
    </div>
  );
}

type ProfileData = ReturnType<typeof useLoaderData<typeof loader>>;

function ProfileStrategies({ lang, code, strategies }: { lang: string; code: string; strategies: ProfileData["strategies"] }) {
  const { t } = useTranslation(["strategies", "common"]);
  return (
    <section aria-labelledby="strategies-heading">
      <h2 id="strategies-heading">{t("strategies:profile.heading")}</h2>
      {strategies.items.length === 0 ? (
        <p className="muted">{t("strategies:profile.none")}</p>
      ) : (
        <ul role="list" className="strategy-list">
          {strategies.items.map((s) => (
            <li key={s.id} className="card">
              <Link to={`/${lang}/strategies/${s.slug}`} className="card-title" lang={s.textLanguage} dir="auto">
                {s.title}
              </Link>
              <p className="meta">
                <StrategyStatus status={s.status} />
                {s.adoptedOn ? (
                  <>
                    {" "}
                    · {t("strategies:list.adopted")} <FormattedDate value={s.adoptedOn} lang={lang} />
                  </>
                ) : null}{" "}
                · {s.dimensions.map((d) => t(`common:dsi.${d}`)).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      {strategies.total > strategies.items.length ? (
        <p>
          <Link to={`/${lang}/strategies?delegation=${code}`}>{t("strategies:profile.all", { count: strategies.total })}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ProfileDsi({ lang, code, name, dsi }: { lang: string; code: string; name: string; dsi: ProfileData["dsi"] }) {
  const { t } = useTranslation(["dsi", "common"]);
  const dir = isLanguage(lang) ? directionOf(lang) : "ltr";
  const { latest, comparison } = dsi;
  const assessPath = `/${lang}/strategies/dsi/${code.toLowerCase()}`;
  const otherLabel = comparison ? (comparison.kind === "median" ? t("dsi:chart.median", { count: comparison.count }) : delegationName(comparison.code!, lang)) : "";
  return (
    <section aria-labelledby="dsi-heading" className="profile-dsi">
      <h2 id="dsi-heading">{t("dsi:profile.heading")}</h2>
      {!latest ? (
        <p className="muted">{t("dsi:profile.none")}</p>
      ) : (
        <>
          <p>
            {t("dsi:profile.latest", { year: latest.year })} <Link to={`${assessPath}/${latest.year}`}>{t("dsi:profile.details")}</Link>
          </p>
          <form method="get" className="filters" aria-label={t("dsi:profile.compareWith")}>
            <div className="field">
              <label htmlFor="dsi-compare">{t("dsi:profile.compareWith")}</label>
              <select id="dsi-compare" name="compare" defaultValue={comparison?.kind === "delegation" ? comparison.code! : "median"}>
                <option value="median">{t("dsi:profile.medianOption")}</option>
                {[...(comparison?.options ?? [])]
                  .sort((a, b) => delegationName(a, lang).localeCompare(delegationName(b, lang), lang))
                  .map((c) => (
                    <option key={c} value={c}>
                      {delegationName(c, lang)}
                    </option>
                  ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              {t("dsi:profile.compare")}
            </button>
          </form>
          {comparison && !comparison.scores ? <p className="muted">{t("dsi:profile.noComparison", { other: otherLabel, year: latest.year })}</p> : null}
          <RadarChart
            id="profile-radar"
            title={
              comparison?.scores
                ? t("dsi:chart.radarCompared", { delegation: name, year: latest.year, other: otherLabel })
                : t("dsi:chart.radar", { delegation: name, year: latest.year })
            }
            series={[{ label: name, scores: latest.scores }, ...(comparison?.scores ? [{ label: otherLabel, scores: comparison.scores }] : [])]}
            lang={lang}
            dir={dir}
          />
          {dsi.history.length > 1 ? <TrendChart id="profile-trend" title={t("dsi:chart.trend", { delegation: name })} points={dsi.history} lang={lang} dir={dir} /> : null}
        </>
      )}
      {dsi.mayAssess ? (
        <p>
          <Link to={`/${lang}/strategies/dsi`}>{t("dsi:profile.assess")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta = titleMeta;
