// Chosen models across benchmarks, as grouped horizontal bars rendered on the
// server as SVG. Each benchmark has its own scale (accuracy and perplexity do
// not share an axis); each model has a colour class and a legend entry, and
// every bar carries its number, so colour is never the only cue; a known
// standard error draws the 95 % interval as a whisker. The table under the
// chart carries the same numbers.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { axisMax, barBox, extent, intervalSegment, labelAnchor, shorten, valueAnchor, type Layout } from "./chart-geometry";
import { formatScore, interval95 } from "./score";

export type ComparisonGroup = { key: string; label: string; lowerIsBetter: boolean; values: ({ score: number; stderr: number | null } | null)[] };

const BAR = 18;
const GROUP_GAP = 14;
const CAP = 4;
const HEADER = 22;
const LEGEND_ROW = 22;

export function ComparisonChart({
  models,
  groups,
  lang,
  rtl,
  title,
  description,
}: {
  models: string[];
  groups: ComparisonGroup[];
  lang: string;
  rtl: boolean;
  title: string;
  description: string;
}) {
  const { t } = useTranslation("research");
  const id = useId();
  if (groups.length === 0 || models.length === 0) return null;
  const layout: Layout = { width: 720, labelWidth: 150, valueWidth: 80, rtl };
  const legendHeight = models.length * LEGEND_ROW + 8;
  const groupHeight = HEADER + models.length * BAR + GROUP_GAP;
  const height = legendHeight + groups.length * groupHeight;
  const label = labelAnchor(layout);
  const edge = rtl ? layout.width - 4 : 4;
  const headingAnchor = rtl ? "end" : "start";
  return (
    <figure className="eval-chart">
      <svg viewBox={`0 0 ${layout.width} ${height}`} width="100%" role="img" direction="ltr" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g className="eval-chart-legend">
          {models.map((name, m) => {
            const y = 4 + m * LEGEND_ROW;
            const swatchX = rtl ? layout.width - 18 : 4;
            return (
              <g key={name}>
                <rect x={swatchX} y={y + 3} width={14} height={14} className={`eval-series-${m}`} />
                <text x={rtl ? swatchX - 6 : swatchX + 20} y={y + 15} textAnchor={rtl ? "end" : "start"}>
                  {name}
                </text>
              </g>
            );
          })}
        </g>
        {groups.map((group, g) => {
          const top = legendHeight + g * groupHeight;
          const max = axisMax(group.values.flatMap((v) => (v ? [v.score, interval95(v.score, v.stderr)?.high ?? v.score] : [])));
          return (
            <g key={group.key} className="eval-chart-group">
              <text x={edge} y={top + 15} textAnchor={headingAnchor} className="eval-chart-heading">
                {group.label}
                {group.lowerIsBetter ? ` (${t("evaluations.lowerIsBetter")})` : ""}
              </text>
              {group.values.map((value, m) => {
                const y = top + HEADER + m * BAR;
                if (value === null) {
                  return (
                    <text key={m} x={label.x} y={y + 13} textAnchor={label.anchor} className="eval-chart-missing">
                      {t("compare.noResult", { model: shorten(models[m]!, 20) })}
                    </text>
                  );
                }
                const box = barBox(value.score, max, layout);
                const ci = interval95(value.score, value.stderr);
                const segment = intervalSegment(ci, max, layout);
                const at = valueAnchor(extent(box, segment), layout);
                const mid = y + BAR / 2;
                const label2 = `${models[m]} — ${group.label}`;
                return (
                  <g key={m}>
                    <title>
                      {ci
                        ? t("chart.barTitleInterval", { label: label2, value: formatScore(value.score, lang), low: formatScore(ci.low, lang), high: formatScore(ci.high, lang) })
                        : t("chart.barTitleNoInterval", { label: label2, value: formatScore(value.score, lang) })}
                    </title>
                    <text x={label.x} y={y + 13} textAnchor={label.anchor} className="eval-chart-label">
                      {shorten(models[m]!, 20)}
                    </text>
                    <rect x={box.x} y={y + 2} width={Math.max(box.width, 1)} height={BAR - 4} className={`eval-series-${m}`} />
                    {segment ? (
                      <g className="eval-chart-interval">
                        <line x1={segment.x1} x2={segment.x2} y1={mid} y2={mid} />
                        <line x1={segment.x1} x2={segment.x1} y1={mid - CAP} y2={mid + CAP} />
                        <line x1={segment.x2} x2={segment.x2} y1={mid - CAP} y2={mid + CAP} />
                      </g>
                    ) : null}
                    <text x={at.x} y={y + 13} textAnchor={at.anchor} className="eval-chart-value">
                      {formatScore(value.score, lang)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
