// The history of a document and the word-level comparison of any two versions,
// in the original language (the negotiated text). One view for every document.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Diff } from "~/components/ui/diff";
import { FormattedDate } from "~/components/ui/formatted";
import type { ContentComparison } from "~/modules/document/compare";

/** The from/to pickers (a plain GET form, no JavaScript needed). */
export function VersionPicker({ versions, from, to }: { versions: { number: number }[]; from: number; to: number }) {
  const { t } = useTranslation("documents");
  if (versions.length < 2) return null;
  const select = (name: "from" | "to", value: number) => (
    <div className="field">
      <label htmlFor={name}>{t(`versions.${name}`)}</label>
      <select id={name} name={name} defaultValue={value}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("versions.label", { number: v.number })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" className="filters" aria-label={t("versions.compare")}>
      {select("from", from)}
      {select("to", to)}
      <button type="submit" className="button">
        {t("versions.compare")}
      </button>
    </Form>
  );
}

/** How a page shows one field of its documents in the comparison. */
export type ComparedField = { name: string; label?: string; as?: "title" | "text" | "date" };
/** How a page shows a set (DSI dimensions, sectors): a label per value. */
export type ComparedSet = { name: string; label: (value: string) => string };

export function VersionComparison({
  comparison,
  from,
  to,
  lang,
  textLanguage,
  fields,
  sets = [],
}: {
  comparison: ContentComparison;
  from: number;
  to: number;
  lang: string;
  textLanguage: string;
  fields: ComparedField[];
  sets?: ComparedSet[];
}) {
  const { t } = useTranslation("documents");
  const setChanges: ReactNode[] = sets.flatMap((s) => {
    const change = comparison.sets[s.name];
    if (!change) return [];
    return [
      ...change.added.map((v) => (
        <li key={`+${s.name}.${v}`}>
          <ins>{s.label(v)}</ins>
        </li>
      )),
      ...change.removed.map((v) => (
        <li key={`-${s.name}.${v}`}>
          <del>{s.label(v)}</del>
        </li>
      )),
    ];
  });
  return (
    <section className="diff card" aria-labelledby="diff-heading" lang={textLanguage}>
      <h3 id="diff-heading" lang={lang}>
        {t("versions.comparing", { from, to })}
      </h3>
      <p className="diff-legend" lang={lang}>
        <ins>{t("diff.added")}</ins> <del>{t("diff.removed")}</del>
      </p>
      {fields.map((f) => {
        const parts = comparison.fields[f.name] ?? [];
        if (f.as === "date") {
          const [a, b] = comparison.values[f.name] ?? ["", ""];
          if (a === b) return null;
          return (
            <p key={f.name} lang={lang}>
              {f.label}: {a ? <del>{<FormattedDate value={a} lang={lang} />}</del> : null} {b ? <ins>{<FormattedDate value={b} lang={lang} />}</ins> : null}
            </p>
          );
        }
        return (
          <p key={f.name} dir="auto" className={f.as === "title" ? "diff-title" : "plain-text"}>
            {f.label && f.as !== "title" ? (
              <span className="muted" lang={lang}>
                {f.label}:{" "}
              </span>
            ) : null}
            {f.as === "title" ? (
              <strong>
                <Diff parts={parts} />
              </strong>
            ) : (
              <Diff parts={parts} />
            )}
          </p>
        );
      })}
      {setChanges.length ? (
        <ul lang={lang} className="diff-metadata">
          {setChanges}
        </ul>
      ) : null}
      {comparison.sections.map((s) => (
        <div key={s.key} className={`diff-section diff-${s.change}`}>
          <h4 dir="auto">
            <Diff parts={s.heading} />{" "}
            <span className="muted" lang={lang}>
              ({t(`diff.${s.change}`)})
            </span>
          </h4>
          <p dir="auto" className="plain-text">
            <Diff parts={s.body} />
          </p>
        </div>
      ))}
    </section>
  );
}
