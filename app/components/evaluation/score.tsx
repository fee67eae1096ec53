// Scores as numbers in the UI language with their uncertainty (standard error,
// 95 % interval, rank ranges), sample counts, and the marks on groups and demo content.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/components/ui/formatted";
import { Z95 } from "~/modules/evaluation/constants";
import { LANGUAGES } from "~/utils/i18n";
import { displayNames, numberFormat } from "~/utils/intl";

const formats = new Map<string, Intl.NumberFormat>();

/** A score with the precision leaderboards use: four decimals for fractions, two above 10. */
export function formatScore(value: number, lang: string): string {
  const digits = Math.abs(value) >= 10 ? 2 : 4;
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = numberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(value);
}

/** The 95 % interval of a score: score ± 1.96 standard errors, or null when the standard error is unknown. */
export function interval95(score: number, stderr: number | null | undefined): { low: number; high: number } | null {
  return stderr == null ? null : { low: score - Z95 * stderr, high: score + Z95 * stderr };
}

/**
 * A score with its standard error, or an explicit "unknown" when there is
 * none (the file said "N/A", or the submitter gave none): never a bare
 * number that looks exact. `withStderr={false}` shows the score alone.
 */
export function Score({ value, stderr, lang, withStderr = true }: { value: number; stderr?: number | null; lang: string; withStderr?: boolean }) {
  const { t } = useTranslation("research");
  return (
    <span className="score">
      <data value={String(value)}>{formatScore(value, lang)}</data>
      {!withStderr ? null : stderr != null ? (
        <span className="muted" title={t("evaluations.stderr")}>
          {" "}
          ± {formatScore(stderr, lang)}
        </span>
      ) : (
        <span className="muted stderr-unknown" title={t("evaluations.stderrUnknownExplain")}>
          {" "}
          {t("evaluations.stderrUnknown")}
        </span>
      )}
    </span>
  );
}

/** The 95 % interval as "[low, high]", or "unknown". */
export function Interval({ value, stderr, lang }: { value: number; stderr: number | null; lang: string }) {
  const { t } = useTranslation("research");
  const ci = interval95(value, stderr);
  if (!ci) return <span className="muted">{t("evaluations.intervalUnknown")}</span>;
  return (
    <span className="interval" dir="ltr">
      [{formatScore(ci.low, lang)}, {formatScore(ci.high, lang)}]
    </span>
  );
}

/** A rank, or a range of ranks when the model is statistically tied with others. */
export function RankRange({ low, high, lang }: { low: number; high: number; lang: string }) {
  const { t } = useTranslation("research");
  if (low === high) return <span className="rank">{formatNumber(low, lang)}</span>;
  return (
    <span className="rank rank-tied">
      <span aria-hidden="true">
        {formatNumber(low, lang)}–{formatNumber(high, lang)}
      </span>
      <span className="visually-hidden">{t("leaderboard.rankRange", { low: formatNumber(low, lang), high: formatNumber(high, lang) })}</span>{" "}
      <span className="badge badge-tied" title={t("leaderboard.tiedExplain")}>
        {t("leaderboard.tied")}
      </span>
    </span>
  );
}

/** "10 of 2,376 samples" for a limited run, "2,376 samples" for a full one, "not stated" when the file does not say. */
export function SampleCount({ effective, original, limited, lang }: { effective: number | null; original: number | null; limited: boolean; lang: string }) {
  const { t } = useTranslation("research");
  if (effective === null || original === null) {
    return <span className={limited ? "samples-limited" : "muted"}>{limited ? t("samples.limitedUnknown") : t("samples.unknown")}</span>;
  }
  if (limited || effective < original) {
    return <span className="samples-limited">{t("samples.partial", { count: original, effective: formatNumber(effective, lang), original: formatNumber(original, lang) })}</span>;
  }
  return <span>{t("samples.full", { count: original, original: formatNumber(original, lang) })}</span>;
}

/** A board's setting: "5-shot · version 2", saying "not stated" for what is unknown. */
export function settingLabel(board: { nShot: number | null; taskVersion: string | null }, t: TFunction): string {
  const shots = board.nShot === null ? t("research:setting.shotsUnknown") : t("research:setting.shots", { count: board.nShot });
  const version = board.taskVersion === null ? t("research:setting.versionUnknown") : t("research:setting.version", { version: board.taskVersion });
  return `${shots} · ${version}`;
}

/** The mark of a group (an aggregate of tasks). */
export function GroupBadge() {
  const { t } = useTranslation("research");
  return (
    <span className="badge badge-group" title={t("groups.explain")}>
      {t("groups.label")}
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
    return displayNames([lang, "en"], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Parameter counts the way model cards say them: 7.6B, 76亿… */
export function formatParameters(count: string | number | bigint | null, lang: string): string | null {
  if (count === null) return null;
  return numberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(Number(count));
}

/** A UI language by its own name (English, 中文, العربية…). */
export function uiLanguageName(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}
