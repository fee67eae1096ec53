// Notification preferences: per category by mail (immediately, daily digest,
// off) and in the app; time zone and digest hour; the address's confirmation;
// DSI dimensions followed and what else is followed; for a head, whether each
// of their people can be reached. Every form works without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors } from "~/components/ui/form";
import { FollowButton } from "~/components/notification/follow-button";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { followedDimensions, listFollows, setFollowedDimensions } from "~/modules/follow/follow.server";
import { CATEGORY_NAMES, MAIL_MODES } from "~/modules/notification/categories";
import { formatInZone, timeZones } from "~/modules/notification/format";
import { nameObjects } from "~/modules/notification/objects.server";
import { getPreferences, getSettings, reachabilityOf, requestAddressConfirmation, savePreferences, teamReachability } from "~/modules/notification/preferences.server";
import { ConfirmAddressSchema, DimensionsSchema, PreferencesSchema } from "~/modules/notification/schemas";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { domainErrorReply, invalidForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";
import { BackIcon } from "~/components/ui/icons";

export const handle = { i18n: ["notifications"] };

const TARGET_OBJECT = { PROPOSAL: "proposal", STRATEGY: "strategy", DATASET: "dataset", MODEL: "model" } as const;
const TARGET_PATH = { PROPOSAL: "proposals", STRATEGY: "strategies", DATASET: "datasets", MODEL: "models" } as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const [preferences, settings, follows, dimensions, team] = await Promise.all([
    getPreferences(user.id),
    getSettings(user.id),
    listFollows(user.id),
    followedDimensions(user.id),
    can(user, "nameAlternates") ? teamReachability(user) : Promise.resolve(null),
  ]);
  const objects = follows.filter((f) => f.targetType !== "DSI_DIMENSION");
  const named = await nameObjects(
    objects.map((f) => ({ objectType: TARGET_OBJECT[f.targetType as keyof typeof TARGET_OBJECT], objectId: f.targetId })),
    lang,
  );
  return json({
    lang,
    email: user.email,
    preferences,
    timeZone: settings.timeZone,
    digestHour: settings.digestHour,
    reachability: reachabilityOf(user.email, settings),
    verifiedOn: settings.emailVerifiedAt ? formatInZone(settings.emailVerifiedAt, lang, settings.timeZone) : null,
    zones: timeZones(),
    dimensions,
    follows: objects.flatMap((f) => {
      const type = f.targetType as keyof typeof TARGET_OBJECT;
      const o = named.get(`${TARGET_OBJECT[type]}:${f.targetId}`);
      return o ? [{ targetType: type, targetId: f.targetId, title: o.title, language: o.language, href: `/${lang}/${TARGET_PATH[type]}/${o.slug}` }] : [];
    }),
    team,
    title: await pageTitle(lang, "preferences.title", "notifications"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/${lang}/account/notifications`;
  if (intent === "dimensions") {
    const parsed = DimensionsSchema.safeParse({ intent, dimensions: formData.getAll("dimensions") });
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    await setFollowedDimensions({ actor: user, dimensions: parsed.data.dimensions });
    return redirect(`${here}?saved=dimensions`);
  }
  if (intent === "confirmAddress") {
    const submission = parseForm(formData, ConfirmAddressSchema);
    if (submission.status !== "success") return invalidForm(submission, { intent: "confirmAddress" as const });
    try {
      await requestAddressConfirmation({ actor: user });
    } catch (error) {
      return domainErrorReply(submission, error, { intent: "confirmAddress" as const });
    }
    return redirect(`${here}?saved=confirmation`);
  }
  const submission = parseForm(formData, PreferencesSchema);
  if (submission.status !== "success") return invalidForm(submission, { intent: "preferences" as const });
  try {
    await savePreferences({ actor: user, ...submission.value });
  } catch (error) {
    return domainErrorReply(submission, error, {
      intent: "preferences" as const,
      field: error instanceof Error && error.message.endsWith("timeZone") ? "timeZone" : undefined,
    });
  }
  return redirect(`${here}?saved=preferences`);
}

export default function NotificationPreferences() {
  const { t } = useTranslation(["notifications", "common"]);
  const data = useLoaderData<typeof loader>();
  const { lang, preferences, zones, team, follows, dimensions } = data;
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const [form, fields] = useForm({
    id: "preferences",
    lastResult: actionData?.intent === "preferences" ? actionData.result : undefined,
    defaultValue: {
      timeZone: data.timeZone,
      digestHour: String(data.digestHour),
      categories: Object.fromEntries(CATEGORY_NAMES.map((c) => [c, { email: preferences[c].email, inApp: preferences[c].inApp ? "on" : "" }])),
    },
  });
  const [confirmForm] = useForm({ id: "confirm-address", lastResult: actionData?.intent === "confirmAddress" ? actionData.result : undefined });
  const categories = fields.categories.getFieldset();
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/notifications`}>
          <BackIcon /> {t("centre.title")}
        </Link>
      </p>
      <h1>{t("preferences.title")}</h1>
      {saved ? (
        <p className="alert alert-success" role="status">
          {saved === "confirmation" ? t("preferences.confirmationSent", { email: data.email }) : t("preferences.saved")}
        </p>
      ) : null}

      <section className="card" aria-labelledby="address-heading">
        <h2 id="address-heading">{t("preferences.address")}</h2>
        <p>
          <span dir="ltr">{data.email}</span> —{" "}
          <span data-testid="address-state">
            {data.reachability === "confirmed"
              ? t("preferences.addressConfirmed", { date: data.verifiedOn })
              : data.reachability === "bounced"
                ? t("preferences.addressBounced")
                : t("preferences.addressUnconfirmed")}
          </span>
        </p>
        {data.reachability !== "confirmed" ? (
          <Form method="post" {...getFormProps(confirmForm)}>
            <FormErrors id={confirmForm.errorId} errors={confirmForm.errors} />
            <input type="hidden" name="intent" value="confirmAddress" />
            <button type="submit" className="button button-secondary">
              {t("preferences.sendConfirmation")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t("preferences.title")}</h2>
        <p className="muted">{t("preferences.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="preferences" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.timeZone.id}>{t("preferences.timeZone")}</label>
            <p className="field-hint" id={`${fields.timeZone.id}-hint`}>
              {t("preferences.timeZoneHint")}
            </p>
            <select
              id={fields.timeZone.id}
              name={fields.timeZone.name}
              defaultValue={fields.timeZone.initialValue as string}
              aria-describedby={`${fields.timeZone.id}-hint`}
              aria-invalid={fields.timeZone.errors ? true : undefined}
              dir="ltr"
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.digestHour.id}>{t("preferences.digestHour")}</label>
            <select id={fields.digestHour.id} name={fields.digestHour.name} defaultValue={fields.digestHour.initialValue as string}>
              {hours.map((h) => (
                <option key={h} value={h}>
                  {`${String(h).padStart(2, "0")}:00`}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.digestHour.errorId} errors={fields.digestHour.errors} />
          </div>
          {CATEGORY_NAMES.map((c) => {
            const set = categories[c].getFieldset();
            return (
              <fieldset key={c} className="category-choice" data-testid={`category-${c}`}>
                <legend>{t(`categories.${c}.label`)}</legend>
                <p className="field-hint">{t(`categories.${c}.hint`)}</p>
                <div role="radiogroup" aria-label={`${t(`categories.${c}.label`)} — ${t("preferences.email")}`} className="choice-row">
                  <span className="choice-label">{t("preferences.email")}</span>
                  {MAIL_MODES.map((m) => (
                    <label key={m} className="choice">
                      <input type="radio" name={set.email.name} value={m} defaultChecked={set.email.initialValue === m} /> {t(`modes.${m}`)}
                    </label>
                  ))}
                </div>
                <label className="choice">
                  <input type="checkbox" name={set.inApp.name} defaultChecked={set.inApp.initialValue === "on"} /> {t("preferences.inAppShown")}
                </label>
              </fieldset>
            );
          })}
          <button type="submit" className="button">
            {t("preferences.save")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">{t("preferences.dimensions")}</h2>
        <p className="muted">{t("preferences.dimensionsHint")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="dimensions" />
          <fieldset>
            <legend className="visually-hidden">{t("preferences.dimensions")}</legend>
            {DSI_DIMENSIONS.map((d) => (
              <label key={d} className="choice">
                <input type="checkbox" name="dimensions" value={d} defaultChecked={dimensions.includes(d)} /> {t(`common:dsi.${d}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button-secondary">
            {t("preferences.saveDimensions")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="follows-heading">
        <h2 id="follows-heading">{t("preferences.follows")}</h2>
        {follows.length === 0 ? (
          <p className="muted">{t("preferences.followsNone")}</p>
        ) : (
          <ul role="list" className="follows">
            {follows.map((f) => (
              <li key={`${f.targetType}:${f.targetId}`}>
                <span className="muted">{t(`follow.targets.${f.targetType}`)}:</span>{" "}
                <Link to={f.href} lang={f.language} dir="auto">
                  {f.title}
                </Link>{" "}
                <FollowButton lang={lang} targetType={f.targetType} targetId={f.targetId} following redirectTo={`/${lang}/account/notifications`} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {team ? (
        <section className="card" aria-labelledby="team-heading">
          <h2 id="team-heading">{t("preferences.team")}</h2>
          <p className="muted">{t("preferences.teamIntro")}</p>
          <table data-testid="team-reachability">
            <thead>
              <tr>
                <th scope="col">{t("preferences.person")}</th>
                <th scope="col">{t("preferences.role")}</th>
                <th scope="col">{t("preferences.state")}</th>
              </tr>
            </thead>
            <tbody>
              {team.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name}{" "}
                    <span className="muted" dir="ltr">
                      {p.email}
                    </span>
                  </td>
                  <td>{t(`common:roles.${p.role}`)}</td>
                  <td className={`reach reach-${p.reachability}`}>{t(`preferences.reachability.${p.reachability}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta;
