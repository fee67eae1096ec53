// A leaderboard as a horizontal bar chart, rendered on the server as SVG:
// readable without JavaScript, labelled in the UI language, mirrored for
// right-to-left pages. Colours come from CSS classes (the CSP forbids style
// attributes); the table beside it carries the same numbers.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { axisMax, axisX, barBox, labelAnchor, shorten, ticks, valueAnchor, type Layout } from "./chart-geometry";
import { formatScore } from "./score";

export type ChartBar = { key: string; label: string; value: number; highlight?: boolean };

const ROW = 26;
const TOP = 8;
const AXIS = 28;

export function LeaderboardChart({
  bars,
  lang,
  rtl,
  title,
  description,
}: {
  bars: ChartBar[];
  lang: string;
  rtl: boolean;
  title: string;
  description: string;
}) {
  const { t } = useTranslation("research");
  const id = useId();
  if (bars.length === 0) return null;
  const layout: Layout = { width: 720, labelWidth: 230, valueWidth: 80, rtl };
  const max = axisMax(bars.map((b) => b.value));
  const height = TOP + bars.length * ROW + AXIS;
  const label = labelAnchor(layout);
  return (
    <figure className="eval-chart">
      <svg
        viewBox={`0 0 ${layout.width} ${height}`}
        width="100%"
        role="img"
        direction="ltr"
        aria-labelledby={`${id}-title ${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(max).map((tick) => {
          const x = axisX(tick / max, layout);
          return (
            <g key={tick} className="eval-chart-grid">
              <line x1={x} x2={x} y1={TOP - 4} y2={TOP + bars.length * ROW} />
              <text x={x} y={height - 8} textAnchor="middle">
                {formatScore(tick, lang)}
              </text>
            </g>
          );
        })}
        {bars.map((bar, i) => {
          const y = TOP + i * ROW;
          const box = barBox(bar.value, max, layout);
          const value = valueAnchor(box, layout);
          return (
            <g key={bar.key} className={bar.highlight ? "eval-chart-row is-highlight" : "eval-chart-row"}>
              <title>{t("chart.barTitle", { label: bar.label, value: formatScore(bar.value, lang) })}</title>
              <text x={label.x} y={y + ROW / 2 + 4} textAnchor={label.anchor} className="eval-chart-label">
                {shorten(bar.label)}
              </text>
              <rect x={box.x} y={y + 4} width={Math.max(box.width, 1)} height={ROW - 8} className="eval-chart-bar" />
              <text x={value.x} y={y + ROW / 2 + 4} textAnchor={value.anchor} className="eval-chart-value">
                {formatScore(bar.value, lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
