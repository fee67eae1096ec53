import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { FormattedDate } from "~/components/ui/formatted";
import { Pagination } from "~/components/ui/pagination";
import { listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { createInvitation, listInvitations, revokeInvitation } from "~/modules/user/invitation.server";
import { InvitationSchema, RevokeInvitationSchema } from "~/modules/user/schemas";
import { ROLES } from "~/modules/user/constants";
import { requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { domainErrorReply, invalidForm, pageParam, throwAsResponse } from "~/utils/http.server";
import { getFixedT, pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { sendMail } from "~/utils/mail.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "administer");
  const page = pageParam(new URL(request.url));
  const [invitations, delegations] = await Promise.all([listInvitations({ page }), listDelegations()]);
  return json({
    lang,
    page,
    ...invitations,
    now: new Date().toISOString(),
    delegations: sortByName(delegations, lang).map((d) => ({ id: d.id, code: d.code })),
    title: await pageTitle(lang, "invitations.title", "admin"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const actor = await requirePermission(request, context, lang, "administer");
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const parsed = RevokeInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    await revokeInvitation({ actorId: actor.id, invitationId: parsed.data.invitationId }).catch(throwAsResponse);
    return json({ intent: "revoke" as const, result: undefined, link: null, mailed: false });
  }
  const submission = parseForm(formData, InvitationSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "invite" as const });
  const { email, role, delegationId } = submission.value;
  let token: string;
  try {
    ({ token } = await createInvitation({ actorId: actor.id, email, role, delegationId: delegationId ?? null }));
  } catch (error) {
    return domainErrorReply(submission, error, {
      intent: "invite" as const,
      field: error instanceof Error && error.message === "errors.emailTaken" ? "email" : undefined,
    });
  }
  const origin = getEnv().PUBLIC_ORIGIN ?? new URL(request.url).origin;
  const link = `${origin}/${lang}/invitation?${new URLSearchParams({ token })}`;
  const t = await getFixedT(lang, "admin");
  const mailed = await sendMail({
    to: email,
    subject: t("invitations.mailSubject"),
    text: t("invitations.mailBody", { link }),
  });
  return json({ intent: "invite" as const, result: submission.reply({ resetForm: true }), link, mailed });
}

export default function AdminInvitations() {
  const { t } = useTranslation(["admin", "common"]);
  const { lang, items, total, page, pageSize, delegations, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof InvitationSchema>>({
    id: "invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    defaultValue: { role: "DELEGATE" },
  });
  const created =
    actionData?.intent === "invite" && "link" in actionData && typeof actionData.link === "string"
      ? { link: actionData.link, mailed: "mailed" in actionData && actionData.mailed === true }
      : null;
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin`}>
          <BackIcon /> {t("admin:title")}
        </Link>
      </p>
      <h1>{t("admin:invitations.title")}</h1>
      {created?.link ? (
        <div className="alert alert-success" role="status">
          <p>{created.mailed ? t("admin:invitations.createdMailed") : t("admin:invitations.created")}</p>
          <p>
            <label htmlFor="invitation-link">{t("admin:invitations.link")}</label>
            <input id="invitation-link" readOnly value={created.link} dir="ltr" className="wide" data-testid="invitation-link" />
          </p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("admin:invitations.new")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="invite" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <InputField label={t("admin:invitations.email")} meta={fields.email} type="email" dir="ltr" required />
          <SelectField label={t("admin:invitations.role")} meta={fields.role} options={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} />
          <SelectField
            label={t("admin:invitations.delegation")}
            hint={t("admin:invitations.delegationHint")}
            meta={fields.delegationId}
            options={[{ value: "", label: t("common:noDelegation") }, ...delegations.map((d) => ({ value: d.id, label: delegationName(d.code, lang) }))]}
          />
          <button type="submit" className="button">
            {t("admin:invitations.send")}
          </button>
        </Form>
      </section>
      <h2>{t("admin:invitations.list")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin:invitations.email")}</th>
            <th scope="col">{t("admin:invitations.role")}</th>
            <th scope="col">{t("admin:invitations.delegation")}</th>
            <th scope="col">{t("admin:invitations.state")}</th>
            <th scope="col">{t("admin:invitations.expires")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("admin:invitations.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((inv) => {
            const state = inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt < now ? "expired" : "open";
            return (
              <tr key={inv.id}>
                <td dir="ltr">{inv.email}</td>
                <td>{t(`common:roles.${inv.role}`)}</td>
                <td>{inv.delegation ? delegationName(inv.delegation.code, lang) : "—"}</td>
                <td>{t(`admin:invitations.states.${state}`)}</td>
                <td>
                  <FormattedDate value={inv.expiresAt} lang={lang} withTime />
                </td>
                <td>
                  {state === "open" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" className="button-link">
                        {t("admin:invitations.revoke")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export const meta = titleMeta;
