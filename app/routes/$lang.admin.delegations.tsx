import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, InputField, SelectField } from "~/components/ui/form";
import { changeDelegationStatus, createDelegation, listDelegations } from "~/modules/delegation/delegation.server";
import { delegationName, sortByName } from "~/modules/delegation/names";
import { ChangeStatusSchema, CreateDelegationSchema } from "~/modules/delegation/schemas";
import { DELEGATION_STATUSES } from "~/modules/delegation/constants";
import { requirePermission } from "~/utils/auth.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { parseForm } from "~/utils/forms.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  await requirePermission(request, context, lang, "administer");
  const delegations = sortByName(await listDelegations(), lang).map((d) => ({
    id: d.id,
    code: d.code,
    status: d.status,
    people: d._count.users,
  }));
  return json({ lang, delegations, title: await pageTitle(lang, "delegations.title", "admin") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const actor = await requirePermission(request, context, lang, "administer");
  const formData = await request.formData();
  if (formData.get("intent") === "create") {
    const submission = parseForm(formData, CreateDelegationSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "create" as const });
    try {
      await createDelegation({ actorId: actor.id, ...submission.value });
    } catch (error) {
      return domainErrorReply(submission, error, { field: "code", intent: "create" as const });
    }
    return redirect(`/${lang}/admin/delegations?saved=1`);
  }
  const submission = parseForm(formData, ChangeStatusSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "changeStatus" as const });
  try {
    await changeDelegationStatus({ actorId: actor.id, ...submission.value });
  } catch (error) {
    return domainErrorReply(submission, error, { intent: "changeStatus" as const });
  }
  return redirect(`/${lang}/admin/delegations?saved=1`);
}

export default function AdminDelegations() {
  const { t } = useTranslation(["admin", "common"]);
  const { lang, delegations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof CreateDelegationSchema>>({
    id: "create-delegation",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    defaultValue: { status: "MEMBER" },
  });
  const statusOptions = DELEGATION_STATUSES.map((s) => ({ value: s, label: t(`common:delegationStatus.${s}`) }));
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin`}>
          <BackIcon /> {t("admin:title")}
        </Link>
      </p>
      <h1>{t("admin:delegations.title")}</h1>
      {actionData?.intent === "changeStatus" ? <FormErrors errors={actionData.result.error?.[""] ?? ["validation.invalid"]} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin:delegations.name")}</th>
            <th scope="col">{t("admin:delegations.code")}</th>
            <th scope="col">{t("admin:delegations.people")}</th>
            <th scope="col">{t("admin:delegations.status")}</th>
          </tr>
        </thead>
        <tbody>
          {delegations.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/${lang}/members/${d.code.toLowerCase()}`}>{delegationName(d.code, lang)}</Link>
              </td>
              <td dir="ltr">{d.code}</td>
              <td>{d.people}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="changeStatus" />
                  <input type="hidden" name="delegationId" value={d.id} />
                  <label className="visually-hidden" htmlFor={`status-${d.id}`}>
                    {t("admin:delegations.statusOf", { name: delegationName(d.code, lang) })}
                  </label>
                  <select id={`status-${d.id}`} name="status" defaultValue={d.status}>
                    {statusOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button-link">
                    {t("admin:delegations.changeStatus")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card" aria-labelledby="new-delegation">
        <h2 id="new-delegation">{t("admin:delegations.add")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="create" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <InputField label={t("admin:delegations.code")} hint={t("admin:delegations.codeHint")} meta={fields.code} dir="ltr" required />
          <SelectField label={t("admin:delegations.status")} meta={fields.status} options={statusOptions} />
          <button type="submit" className="button">
            {t("admin:delegations.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta;
