// Chosen models across benchmarks, as grouped horizontal bars rendered on the
// server as SVG. Each benchmark has its own scale (accuracy and perplexity do
// not share an axis); each model has a colour class and a legend entry, and
// every bar carries its number, so colour is never the only cue. The table
// under the chart carries the same numbers.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { axisMax, barBox, labelAnchor, shorten, valueAnchor, type Layout } from "./chart-geometry";
import { formatScore } from "./score";

export type ComparisonGroup = { key: string; label: string; lowerIsBetter: boolean; values: (number | null)[] };

const BAR = 18;
const GROUP_GAP = 14;
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
      <svg viewBox={`0 0 ${layout.width} ${height}`} width="100%" role="img"
        direction="ltr" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
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
          const max = axisMax(group.values.filter((v): v is number => v !== null));
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
                const box = barBox(value, max, layout);
                const at = valueAnchor(box, layout);
                return (
                  <g key={m}>
                    <title>{t("chart.barTitle", { label: `${models[m]} — ${group.label}`, value: formatScore(value, lang) })}</title>
                    <text x={label.x} y={y + 13} textAnchor={label.anchor} className="eval-chart-label">
                      {shorten(models[m]!, 20)}
                    </text>
                    <rect x={box.x} y={y + 2} width={Math.max(box.width, 1)} height={BAR - 4} className={`eval-series-${m}`} />
                    <text x={at.x} y={y + 13} textAnchor={at.anchor} className="eval-chart-value">
                      {formatScore(value, lang)}
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
