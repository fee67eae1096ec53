// A delegation's profile: status and its people by role. Later domains add
// their content here (strategies, assessments, positions).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDelegationProfile } from "~/modules/delegation/delegation.server";
import { delegationName } from "~/modules/delegation/names";
import { getUser } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { requireLanguage } from "~/utils/lang.server";
import { can } from "~/utils/permissions";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["members"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const code = params.code ?? "";
  if (!/^[a-zA-Z]{2}$/.test(code)) throw new Response("Not found", { status: 404 });
  const user = await getUser(request, context);
  const mayReadPeople = can(user, "readMembersOnly");
  const profile = await getDelegationProfile({ code, includePeople: mayReadPeople }).catch(throwAsResponse);
  const name = delegationName(profile.code, lang);
  return json({ lang, profile, name, mayReadPeople, signedIn: user !== null, title: `${name} · Concord` });
}

export default function MemberProfile() {
  const { t } = useTranslation(["members", "common"]);
  const { lang, profile, name, mayReadPeople, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/members`}>← {t("members:directory.title")}</Link>
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
    </div>
  );
}

export const meta = titleMeta;
