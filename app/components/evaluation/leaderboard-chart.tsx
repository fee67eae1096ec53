// A leaderboard as a horizontal bar chart, rendered on the server as SVG:
// readable without JavaScript, labelled in the UI language, mirrored for
// right-to-left pages. Where the standard error is known, each bar carries
// its 95 % interval as a whisker; where it is not, no whisker (the table says
// "unknown"). Colours come from CSS classes (the CSP forbids style
// attributes); the table beside it carries the same numbers.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { axisMax, axisX, barBox, extent, intervalSegment, labelAnchor, shorten, ticks, valueAnchor, type Layout } from "./chart-geometry";
import { formatScore, interval95 } from "./score";

export type ChartBar = { key: string; label: string; value: number; stderr: number | null; highlight?: boolean };

const ROW = 26;
const TOP = 8;
const AXIS = 28;
const CAP = 5;

export function LeaderboardChart({ bars, lang, rtl, title, description }: { bars: ChartBar[]; lang: string; rtl: boolean; title: string; description: string }) {
  const { t } = useTranslation("research");
  const id = useId();
  if (bars.length === 0) return null;
  const layout: Layout = { width: 720, labelWidth: 230, valueWidth: 80, rtl };
  const max = axisMax(bars.flatMap((b) => [b.value, interval95(b.value, b.stderr)?.high ?? b.value]));
  const height = TOP + bars.length * ROW + AXIS;
  const label = labelAnchor(layout);
  return (
    <figure className="eval-chart">
      <svg viewBox={`0 0 ${layout.width} ${height}`} width="100%" role="img" direction="ltr" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
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
          const mid = y + ROW / 2;
          const box = barBox(bar.value, max, layout);
          const ci = interval95(bar.value, bar.stderr);
          const segment = intervalSegment(ci, max, layout);
          const value = valueAnchor(extent(box, segment), layout);
          const described = ci
            ? t("chart.barTitleInterval", { label: bar.label, value: formatScore(bar.value, lang), low: formatScore(ci.low, lang), high: formatScore(ci.high, lang) })
            : t("chart.barTitleNoInterval", { label: bar.label, value: formatScore(bar.value, lang) });
          return (
            <g key={bar.key} className={bar.highlight ? "eval-chart-row is-highlight" : "eval-chart-row"}>
              <title>{described}</title>
              <text x={label.x} y={mid + 4} textAnchor={label.anchor} className="eval-chart-label">
                {shorten(bar.label)}
              </text>
              <rect x={box.x} y={y + 4} width={Math.max(box.width, 1)} height={ROW - 8} className="eval-chart-bar" />
              {segment ? (
                <g className="eval-chart-interval">
                  <line x1={segment.x1} x2={segment.x2} y1={mid} y2={mid} />
                  <line x1={segment.x1} x2={segment.x1} y1={mid - CAP} y2={mid + CAP} />
                  <line x1={segment.x2} x2={segment.x2} y1={mid - CAP} y2={mid + CAP} />
                </g>
              ) : null}
              <text x={value.x} y={mid + 4} textAnchor={value.anchor} className="eval-chart-value">
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
