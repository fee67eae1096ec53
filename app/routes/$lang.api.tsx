// The API reference in the reader's language, rendered on the server from the
// OpenAPI document (no script from anywhere): how tokens, pages, errors,
// caching and limits work, then every endpoint and every schema (ADR 017).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { siteOrigin } from "~/modules/api/links.server";
import { loadApiReference } from "~/modules/api/reference.server";
import { getUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";
import { titleMeta } from "~/utils/meta";
import { PUBLIC_PAGE } from "~/utils/page-cache";

export const handle = { i18n: ["api"], cache: PUBLIC_PAGE };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const [reference, user] = await Promise.all([loadApiReference(siteOrigin(request)), getUser(request, context)]);
  return json({ lang, ...reference, signedIn: user !== null, title: await pageTitle(lang, "reference.title", "api") });
}

export default function ApiReference() {
  const { t } = useTranslation("api");
  const { lang, base, openapiUrl, tags, endpoints, schemas, enums, limits, signedIn } = useLoaderData<typeof loader>();
  const generalSections = ["auth", "pagination", "errors", "caching", "cors", "limits", "versioning", "formats"] as const;
  return (
    <div className="page api-reference">
      <h1>{t("reference.title")}</h1>
      <p>{t("reference.intro")}</p>
      <dl className="facts">
        <dt>{t("reference.base")}</dt>
        <dd dir="ltr">
          <code>{base}</code>
        </dd>
        <dt>{t("reference.openapi")}</dt>
        <dd dir="ltr">
          <a href={openapiUrl} type="application/json">
            {openapiUrl}
          </a>
        </dd>
      </dl>

      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading">{t("reference.contents")}</h2>
        <ul className="api-toc">
          {generalSections.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`reference.${s}.heading`)}</a>
            </li>
          ))}
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#tag-${tag}`}>{t(`tags.${tag}.name`)}</a>
            </li>
          ))}
          <li>
            <a href="#schemas">{t("reference.schemas")}</a>
          </li>
        </ul>
      </nav>

      {generalSections.map((s) => (
        <section key={s} id={s} aria-labelledby={`${s}-heading`}>
          <h2 id={`${s}-heading`}>{t(`reference.${s}.heading`)}</h2>
          <p>{t(`reference.${s}.body`, limits)}</p>
          {s === "auth" ? (
            <>
              <pre dir="ltr" className="code-sample">
                <code>{`curl -H "Authorization: Bearer $CONCORD_TOKEN" "${base}/proposals?limit=2"`}</code>
              </pre>
              <p>
                <Link to={signedIn ? `/${lang}/account/tokens` : `/${lang}/login?redirectTo=${encodeURIComponent(`/${lang}/account/tokens`)}`}>{t("reference.auth.manage")}</Link>
              </p>
            </>
          ) : null}
          {s === "errors" ? (
            <pre dir="ltr" className="code-sample">
              <code>{JSON.stringify({ error: { code: "not_found", message: t("errors.not_found"), requestId: "…" } }, null, 2)}</code>
            </pre>
          ) : null}
        </section>
      ))}

      <h2>{t("reference.endpointsHeading")}</h2>
      {tags.map((tag) => (
        <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-heading`}>
          <h2 id={`tag-${tag}-heading`}>{t(`tags.${tag}.name`)}</h2>
          <p className="muted">{t(`tags.${tag}.description`)}</p>
          {endpoints
            .filter((e) => e.tag === tag)
            .map((e) => (
              <article key={e.id} id={e.id} className="api-endpoint" aria-labelledby={`${e.id}-heading`}>
                <h3 id={`${e.id}-heading`}>{t(`endpoints.${e.id}.summary`)}</h3>
                <p dir="ltr">
                  <span className="api-method">{e.method}</span>
                  <code>/api/v1{e.path}</code>
                </p>
                <p>{t(`endpoints.${e.id}.description`)}</p>
                <p>
                  <strong>{e.auth === "public" ? t("reference.publicWithToken") : t(`reference.access.${e.auth === "read" ? "read" : "evaluationsWrite"}`)}</strong>
                </p>
                {e.parameters.length ? (
                  <div className="table-scroll">
                    <table>
                      <caption>{t("reference.parameters")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("reference.name")}</th>
                          <th scope="col">{t("reference.in")}</th>
                          <th scope="col">{t("reference.type")}</th>
                          <th scope="col">{t("reference.required")}</th>
                          <th scope="col">{t("reference.description")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.parameters.map((p) => (
                          <tr key={`${p.in}-${p.name}`}>
                            <td dir="ltr">
                              <code>{p.name}</code>
                            </td>
                            <td>{t(`reference.where.${p.in}`)}</td>
                            <td dir="ltr">
                              <code>{p.type}</code>
                            </td>
                            <td>{p.required ? t("reference.yes") : t("reference.no")}</td>
                            <td>{p.in === "body" ? t(`bodyFields.${p.name}`) : t(`params.${p.name}`, { max: limits.pageMax })}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {e.bodyType ? (
                  <p>
                    {t("reference.body")}: <code dir="ltr">{e.bodyType}</code>
                  </p>
                ) : null}
                <p>
                  {t("reference.answer")}: {[e.status, ...e.alsoStatus].join(", ")} —{" "}
                  <a href={`#schema-${e.answer.split(" ")[0]}`}>
                    <code dir="ltr">{e.answer}</code>
                  </a>
                  {e.paginated ? ` — ${t("reference.paginated")}` : null}
                </p>
                <p className="muted">{e.errors.map((status) => `${status}: ${t(`reference.statuses.${status}`)}`).join(" · ")}</p>
                <pre dir="ltr" className="code-sample">
                  <code>{e.curl}</code>
                </pre>
              </article>
            ))}
        </section>
      ))}

      <section id="schemas" aria-labelledby="schemas-heading">
        <h2 id="schemas-heading">{t("reference.schemas")}</h2>
        {schemas.map((s) => (
          <details key={s.name} id={`schema-${s.name}`}>
            <summary dir="ltr">
              <code>{s.name}</code>
            </summary>
            <div className="table-scroll">
              <table>
                <caption>{t("reference.fields", { name: s.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reference.name")}</th>
                    <th scope="col">{t("reference.type")}</th>
                    <th scope="col">{t("reference.required")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.fields.map((f) => (
                    <tr key={f.name}>
                      <td dir="ltr">
                        <code>{f.name}</code>
                      </td>
                      <td dir="ltr">
                        <code>{f.type}</code>
                      </td>
                      <td>{f.required ? t("reference.yes") : t("reference.no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
        {enums.map((e) => (
          <p key={e.name} id={`schema-${e.name}`}>
            <code dir="ltr">{e.name}</code>: <code dir="ltr">{e.values.join(", ")}</code>
          </p>
        ))}
      </section>
    </div>
  );
}

export const meta = titleMeta;
