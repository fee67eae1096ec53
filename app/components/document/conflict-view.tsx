// The review page after a stale save (ADR 009): what happened, in words — who
// saved which version meanwhile, what they changed, which of your changes were
// kept — and, for each conflict, both texts with a word diff and the choice to
// make. Nothing typed is lost: your text stays in the editor.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Diff } from "~/components/ui/diff";
import { FieldErrors } from "~/components/ui/form";
import { delegationName } from "~/modules/delegation/names";
import type { Change, FieldConflictView, NamedChange, Review, SectionConflictView, SetChanges } from "~/modules/document/review";
import { RESOLUTION_CHOICES, type Resolution, type SectionConflict } from "~/modules/document/types";
import { listFormat } from "~/utils/intl";

/** How a page names its fields and set values in the summary (title, summary, a DSI dimension…). */
export type Labels = { field: (name: string) => string; setValue: (set: string, value: string) => string };

type ReviewData = Omit<Review, "versions"> & { versions: { number: number; authorName: string; delegationCode: string | null }[] };

function useList(lang: string) {
  return (items: string[]) => listFormat(lang, { type: "conjunction" }).format(items);
}

export function ReviewSummary({ review, labels, lang }: { review: ReviewData; labels: Labels; lang: string }) {
  const { t } = useTranslation("documents");
  const list = useList(lang);
  const name = (c: NamedChange) => (c.kind === "field" ? labels.field(c.name) : c.name);
  const items = (changes: NamedChange[]) => list(changes.map((c) => t(`review.item.${c.change satisfies Change}`, { name: name(c) })));
  const setItems = (sets: SetChanges[]) =>
    sets.flatMap((s) => [
      ...s.added.map((v) => t("review.item.added", { name: labels.setValue(s.name, v) })),
      ...s.removed.map((v) => t("review.item.removed", { name: labels.setValue(s.name, v) })),
    ]);
  const versions = list(
    review.versions.map((v) =>
      v.delegationCode
        ? t("review.versionBy", { number: v.number, name: v.authorName, delegation: delegationName(v.delegationCode, lang) })
        : t("review.versionByName", { number: v.number, name: v.authorName }),
    ),
  );
  const s = review.summary;
  const theirs = s ? [...(s.theirs.length ? [items(s.theirs)] : []), ...setItems(s.sets.theirs)] : [];
  const yours = s ? [...(s.yours.length ? [items(s.yours)] : []), ...setItems(s.sets.yours)] : [];
  const conflicts = review.conflicts.fields.length + review.conflicts.sections.length;
  return (
    <section className="conflict card alert-warning" aria-labelledby="review-heading" data-testid="merge-review">
      <h2 id="review-heading">{t("review.heading")}</h2>
      {review.versions.length ? <p>{t("review.savedMeanwhile", { versions })}</p> : null}
      {s ? (
        <ul>
          {theirs.length ? <li>{t("review.theirs", { items: list(theirs) })}</li> : null}
          {yours.length ? <li>{t("review.yours", { items: list(yours) })}</li> : null}
          {s.same.length ? <li>{t("review.same", { items: items(s.same) })}</li> : null}
          {s.conflicts.length ? <li>{t("review.conflicts", { items: items(s.conflicts) })}</li> : null}
        </ul>
      ) : null}
      <p>
        <strong>{conflicts ? t("review.chooseAll", { number: review.current }) : t("review.clean", { number: review.current + 1 })}</strong>
      </p>
    </section>
  );
}

/** The two texts of a conflict, side by side, and the word diff between them. */
function BothTexts({ current, theirs, mine, diff }: { current: number; theirs: ReactNode; mine: ReactNode; diff: ReactNode }) {
  const { t } = useTranslation("documents");
  return (
    <>
      <div className="side-by-side">
        <div>
          <h4>{t("review.theirText", { number: current })}</h4>
          {theirs}
        </div>
        <div>
          <h4>{t("review.yourText")}</h4>
          {mine}
        </div>
      </div>
      <h4>{t("review.diff", { number: current })}</h4>
      <p className="diff-legend">
        <del>{t("review.onlyTheirs")}</del> <ins>{t("review.onlyYours")}</ins>
      </p>
      {diff}
    </>
  );
}

/** The choice a conflict asks for, as radio buttons (no JavaScript needed). */
function Choices({ name, id, kind, current, errors }: { name: string; id: string; kind: SectionConflict; current: number; errors?: string[] }) {
  const { t } = useTranslation("documents");
  const label = (r: Resolution) => t(`review.choice.${kind}.${r}`, { number: current });
  return (
    <fieldset className="field conflict-choice" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{t("review.choose")}</legend>
      {RESOLUTION_CHOICES[kind].map((r) => (
        <label key={r} className="checkbox">
          {/* No `required`: the server refuses a missing choice with a message in the page's language, beside it. */}
          <input type="radio" name={name} value={r} aria-invalid={errors?.length ? true : undefined} /> {label(r)}
        </label>
      ))}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/** A field both sides changed differently (beside the field in the editor). */
export function FieldConflict({
  view,
  label,
  current,
  errors,
  textLanguage,
}: {
  view: FieldConflictView;
  label: string;
  current: number;
  errors?: string[];
  textLanguage: string;
}) {
  const { t } = useTranslation("documents");
  return (
    <div className="conflict-block card alert-warning" data-conflict={view.name}>
      <h3>{t("review.conflictOn", { name: label })}</h3>
      <input type="hidden" name="fieldConflicts" value={view.name} />
      <BothTexts
        current={current}
        theirs={
          <p dir="auto" lang={textLanguage} className="plain-text">
            {view.theirs}
          </p>
        }
        mine={
          <p dir="auto" lang={textLanguage} className="plain-text">
            {view.mine}
          </p>
        }
        diff={
          <p dir="auto" lang={textLanguage} className="plain-text">
            <Diff parts={view.diff} />
          </p>
        }
      />
      <Choices name={`fieldResolutions.${view.name}`} id={`resolution-${view.name}`} kind="bothChanged" current={current} errors={errors} />
    </div>
  );
}

/** A section in conflict (inside its fieldset in the sections editor). */
export function SectionConflictBlock({
  view,
  name,
  current,
  errors,
  textLanguage,
}: {
  view: SectionConflictView;
  /** The form name of the section (`sections[2]`). */
  name: string;
  current: number;
  errors?: string[];
  textLanguage?: string;
}) {
  const { t } = useTranslation("documents");
  const text = (s: { heading: string; body: string } | null) =>
    s ? (
      <div lang={textLanguage}>
        <p dir="auto">
          <strong>{s.heading}</strong>
        </p>
        <pre className="plain-text" dir="auto">
          {s.body}
        </pre>
      </div>
    ) : (
      <p className="muted">{t("review.noSection")}</p>
    );
  return (
    <div className="conflict-block alert-warning" data-conflict={name}>
      <p>
        <strong>{t(`review.kind.${view.kind}`, { number: current })}</strong>
      </p>
      <input type="hidden" name={`${name}.conflict`} value={view.kind} />
      <BothTexts
        current={current}
        theirs={text(view.theirs)}
        mine={text(view.mine)}
        diff={
          <div lang={textLanguage}>
            <p dir="auto">
              <strong>
                <Diff parts={view.heading} />
              </strong>
            </p>
            <p dir="auto" className="plain-text">
              <Diff parts={view.body} />
            </p>
          </div>
        }
      />
      <Choices name={`${name}.resolution`} id={`${name}-resolution`} kind={view.kind} current={current} errors={errors} />
    </div>
  );
}
