// Scores as numbers in the UI language, and the mark on demo content.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/utils/i18n";

const formats = new Map<string, Intl.NumberFormat>();

/** A score with the precision leaderboards use: four decimals for fractions, two above 10. */
export function formatScore(value: number, lang: string): string {
  const digits = Math.abs(value) >= 10 ? 2 : 4;
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(value);
}

export function Score({ value, stderr, lang }: { value: number; stderr?: number | null; lang: string }) {
  const { t } = useTranslation("research");
  return (
    <span className="score">
      <data value={String(value)}>{formatScore(value, lang)}</data>
      {stderr != null ? (
        <span className="muted" title={t("evaluations.stderr")}>
          {" "}
          ± {formatScore(stderr, lang)}
        </span>
      ) : null}
    </span>
  );
}

export function DemoBadge() {
  const { t } = useTranslation("research");
  return (
    <span className="badge badge-demo" title={t("demo.explain")}>
      {t("demo.label")}
    </span>
  );
}

/** "acc_norm" or "exact_match (strict-match)": a metric with its lm-eval filter when there is one. */
export function metricLabel(metric: string, filter: string): string {
  return filter && filter !== "none" ? `${metric} (${filter})` : metric;
}

/**
 * Language names from Intl, in the UI language. "mul" (several languages) is
 * translated by us: browsers do not all name it, and the page must read the
 * same after hydration as from the server.
 */
export function languageLabel(code: string, lang: string, t: TFunction): string {
  if (code === "mul") return t("research:languages.mul");
  try {
    return new Intl.DisplayNames([lang, "en"], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Parameter counts the way model cards say them: 7.6B, 76亿… */
export function formatParameters(count: string | number | bigint | null, lang: string): string | null {
  if (count === null) return null;
  return new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(Number(count));
}

/** A UI language by its own name (English, 中文, العربية…). */
export function uiLanguageName(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}
