// Word-level changes between two versions, marked with <ins> and <del> (and
// named for screen readers).
import { useTranslation } from "react-i18next";
import type { DiffPart } from "~/modules/text/diff";

export function Diff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation("common");
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i} aria-label={t("diff.added")}>
            {p.text}
          </ins>
        ) : (
          <del key={i} aria-label={t("diff.removed")}>
            {p.text}
          </del>
        ),
      )}
    </>
  );
}
