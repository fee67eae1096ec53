// Small views of a dataset's sovereignty metadata: access level, cross-border
// transfer, residency, sizes, file types — words from the UI language,
// country names from Intl.
import { useTranslation } from "react-i18next";
import { languageLabel } from "~/components/evaluation/score";
import { delegationName } from "~/modules/delegation/names";
import { FILE_TYPE_LABELS } from "~/modules/storage/constants";
import { numberFormat } from "~/utils/intl";

export function AccessBadge({ access }: { access: string }) {
  const { t } = useTranslation("research");
  return <span className={`status access-${access.toLowerCase().replace("_", "-")}`}>{t(`datasets.access.${access}`)}</span>;
}

export function TransferBadge({ crossBorder }: { crossBorder: string }) {
  const { t } = useTranslation("research");
  return <span className={`status transfer-${crossBorder.toLowerCase()}`}>{t(`datasets.crossBorder.${crossBorder}`)}</span>;
}

export function Residency({ country, note, lang }: { country: string; note?: string; lang: string }) {
  return (
    <>
      {delegationName(country, lang)}
      {note ? (
        <span className="muted" dir="auto">
          {" "}
          ({note})
        </span>
      ) : null}
    </>
  );
}

/** Bytes in the largest fitting unit, in the UI language (1.2 GB, 350 MB…). */
export function formatBytes(bytes: number | string | bigint, lang: string): string {
  const n = Number(bytes);
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte"] as const;
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(lang, { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export function fileTypeLabel(contentType: string): string {
  return FILE_TYPE_LABELS[contentType] ?? contentType;
}

export function DataLanguages({ languages, lang }: { languages: string[]; lang: string }) {
  const { t } = useTranslation("research");
  return <>{languages.map((l) => languageLabel(l, lang, t)).join(", ")}</>;
}
