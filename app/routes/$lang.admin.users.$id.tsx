import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, SelectField } from "~/components/ui/form";
import { FormattedDate, formatDate } from "~/components/ui/formatted";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { erasePersonalData } from "~/modules/privacy/erasure.server";
import { EraseSchema } from "~/modules/privacy/schemas";
import { changeUserRole, endUserSessions, getUserForAdmin, setUserDisabled } from "~/modules/user/admin.server";
import { ChangeRoleSchema, UserAccessSchema, UserIdSchema } from "~/modules/user/schemas";
import { ROLES } from "~/modules/user/constants";
import { requirePermission } from "~/utils/auth.server";
import { ReauthenticationRequired } from "~/utils/errors";
import { domainErrorReply, invalidForm, throwAsResponse } from "~/utils/http.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["admin", "privacy"] };

function userId(params: { id?: string }): string {
  const parsed = UserIdSchema.safeParse(params.id);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "administer");
  const [user, delegations] = await Promise.all([getUserForAdmin(userId(params)).catch(throwAsResponse), listDelegations()]);
  return json({
    lang,
    user,
    delegations: sortByName(delegations, lang).map((d) => ({ id: d.id, code: d.code })),
    title: `${user.name} · Concord`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const actor = await requirePermission(request, context, lang, "administer");
  const id = userId(params);
  const formData = await request.formData();
  if (formData.get("intent") === "changeRole") {
    const submission = parseForm(formData, ChangeRoleSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "changeRole" as const });
    try {
      await changeUserRole({ actorId: actor.id, userId: id, role: submission.value.role, delegationId: submission.value.delegationId ?? null });
    } catch (error) {
      return domainErrorReply(submission, error, { intent: "changeRole" as const });
    }
    return redirect(`/${lang}/admin/users/${id}?saved=role`);
  }
  if (formData.get("intent") === "erase") {
    const submission = parseForm(formData, EraseSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "erase" as const });
    try {
      await erasePersonalData({ actor, userId: id });
    } catch (error) {
      if (error instanceof ReauthenticationRequired) {
        throw redirect(`/${lang}/account/confirm?${new URLSearchParams({ redirectTo: `/${lang}/admin/users/${id}#erase-heading` })}`);
      }
      return domainErrorReply(submission, error, { intent: "erase" as const });
    }
    return redirect(`/${lang}/admin/users/${id}?saved=erased`);
  }
  const parsed = UserAccessSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  try {
    if (parsed.data.intent === "endSessions") await endUserSessions({ actorId: actor.id, userId: id });
    else await setUserDisabled({ actorId: actor.id, userId: id, disabled: parsed.data.intent === "disable" });
  } catch (error) {
    throwAsResponse(error);
  }
  return redirect(`/${lang}/admin/users/${id}?saved=${parsed.data.intent}`);
}

export default function AdminUser() {
  const { t } = useTranslation(["admin", "common", "privacy"]);
  const { lang, user, delegations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "change-role",
    lastResult: actionData?.intent === "changeRole" ? actionData.result : undefined,
    defaultValue: { role: user.role, delegationId: user.delegationId ?? "" },
  });
  const [eraseForm, eraseFields] = useForm({
    id: "erase",
    lastResult: actionData?.intent === "erase" ? actionData.result : undefined,
  });
  const saved = searchParams.get("saved");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin/users`}>
          <BackIcon /> {t("admin:users.title")}
        </Link>
      </p>
      <h1>{user.name}</h1>
      {saved ? (
        <p className="alert alert-success" role="status">
          {saved === "erased" ? t("privacy:erase.done", { name: user.name }) : t("admin:saved")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("admin:users.email")}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t("admin:users.role")}</dt>
        <dd>{t(`common:roles.${user.role}`)}</dd>
        <dt>{t("admin:users.delegation")}</dt>
        <dd>{user.delegation ? delegationName(user.delegation.code, lang) : "—"}</dd>
        <dt>{t("admin:users.since")}</dt>
        <dd>
          <FormattedDate value={user.createdAt} lang={lang} />
        </dd>
        <dt>{t("admin:users.state")}</dt>
        <dd>
          {user.erasedAt ? (
            <>
              <strong data-testid="erased-state">{t("privacy:erase.erasedOn", { date: formatDate(user.erasedAt, lang) })}</strong> ·{" "}
            </>
          ) : null}
          {user.disabledAt ? t("admin:users.disabled") : t("admin:users.active")} · {user.totpEnabledAt ? t("admin:users.twoFactorOn") : t("admin:users.twoFactorOff")} ·{" "}
          {t("admin:users.activeSessions", { count: user._count.sessions })}
        </dd>
      </dl>

      <section className="card" aria-labelledby="role-heading">
        <h2 id="role-heading">{t("admin:users.changeRole")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="changeRole" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField label={t("admin:users.role")} meta={fields.role} options={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} />
          <SelectField
            label={t("admin:users.delegation")}
            meta={fields.delegationId}
            options={[{ value: "", label: t("common:noDelegation") }, ...delegations.map((d) => ({ value: d.id, label: delegationName(d.code, lang) }))]}
          />
          <button type="submit" className="button">
            {t("admin:users.saveRole")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">{t("admin:users.access")}</h2>
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="endSessions" />
            <button type="submit" className="button button-secondary">
              {t("admin:users.endSessions")}
            </button>
          </Form>
          {user.erasedAt ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value={user.disabledAt ? "enable" : "disable"} />
              <button type="submit" className={user.disabledAt ? "button" : "button button-danger"}>
                {user.disabledAt ? t("admin:users.enable") : t("admin:users.disable")}
              </button>
            </Form>
          )}
        </div>
      </section>

      {user.erasedAt ? null : (
        <section className="card" aria-labelledby="erase-heading">
          <h2 id="erase-heading">{t("privacy:erase.heading")}</h2>
          <p>{t("privacy:erase.intro")}</p>
          <ul>
            <li>{t("privacy:erase.removed")}</li>
            <li>{t("privacy:erase.kept")}</li>
          </ul>
          <Form method="post" {...getFormProps(eraseForm)} className="stack">
            <input type="hidden" name="intent" value="erase" />
            <FormErrors id={eraseForm.errorId} errors={eraseForm.errors} />
            <div className="field">
              <label>
                <input
                  type="checkbox"
                  name={eraseFields.confirm.name}
                  value="yes"
                  aria-invalid={eraseFields.confirm.errors ? true : undefined}
                  aria-describedby={eraseFields.confirm.errors ? eraseFields.confirm.errorId : undefined}
                />{" "}
                {t("privacy:erase.confirm", { name: user.name })}
              </label>
              <FieldErrors id={eraseFields.confirm.errorId} errors={eraseFields.confirm.errors} />
            </div>
            <button type="submit" className="button button-danger">
              {t("privacy:erase.submit")}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}

export const meta = titleMeta;
