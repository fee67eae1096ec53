// The head's page for the delegation's team: who is an alternate.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { delegationName } from "~/modules/delegation/names";
import { UserIdSchema } from "~/modules/user/schemas";
import { listTeam, setAlternate } from "~/modules/user/team.server";
import { requirePermission } from "~/utils/auth.server";
import { throwAsResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["account"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "nameAlternates");
  const team = await listTeam(user.delegation!.id);
  return json({ lang, code: user.delegation!.code, ownId: user.id, team, title: await pageTitle(lang, "team.title", "account") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "nameAlternates");
  const formData = await request.formData();
  const userId = UserIdSchema.safeParse(formData.get("userId"));
  const intent = formData.get("intent");
  if (!userId.success || (intent !== "makeAlternate" && intent !== "removeAlternate")) throw new Response("Bad request", { status: 400 });
  await setAlternate({ actor: user, userId: userId.data, alternate: intent === "makeAlternate" }).catch(throwAsResponse);
  return redirect(`/${lang}/account/delegation?saved=1`);
}

export default function TeamPage() {
  const { t } = useTranslation(["account", "common"]);
  const { lang, code, ownId, team } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>{t("account:team.title")}</h1>
      <p>{t("account:team.intro", { delegation: delegationName(code, lang) })}</p>
      {params.get("saved") ? (
        <p className="alert alert-success" role="status">
          {t("account:saved.generic")}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("account:team.name")}</th>
            <th scope="col">{t("account:team.role")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("account:sessions.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {team.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`common:roles.${p.role}`)}</td>
              <td>
                {p.id !== ownId && (p.role === "DELEGATE" || p.role === "ALTERNATE") ? (
                  <Form method="post">
                    <input type="hidden" name="userId" value={p.id} />
                    <input type="hidden" name="intent" value={p.role === "DELEGATE" ? "makeAlternate" : "removeAlternate"} />
                    <button type="submit" className="button-link">
                      {p.role === "DELEGATE" ? t("account:team.makeAlternate") : t("account:team.removeAlternate")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta = titleMeta;
