// A radar chart of the four DSI dimensions, drawn on the server as SVG (no
// JavaScript needed), labelled in the UI language, mirrored for right-to-left
// pages, and followed by the same figures as a table for screen readers and
// anyone who prefers numbers. Styling comes from classes (the CSP allows no
// style attributes).
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/components/ui/formatted";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { radarGeometry, RADAR, wrapLabel, type Direction } from "~/modules/dsi/charts";
import type { DimensionScores } from "~/modules/dsi/scoring";

export type RadarSeries = { label: string; scores: DimensionScores };

/** Vertical shift of the first line of a label so a two-line label sits on the right side of its point. */
function firstLineShift(lines: number, baseline: "auto" | "middle" | "hanging"): string {
  if (lines === 1) return "0";
  if (baseline === "auto") return `${-(lines - 1) * 1.15}em`;
  if (baseline === "middle") return `${-(lines - 1) * 0.575}em`;
  return "0";
}

export function RadarChart({ id, title, series, lang, dir }: { id: string; title: string; series: RadarSeries[]; lang: string; dir: Direction }) {
  const { t } = useTranslation(["dsi", "common"]);
  const g = radarGeometry({ series: series.map((s) => s.scores), dir });
  const topAxis = g.axes[0]!;
  return (
    <figure className="dsi-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="dsi-chart-caption">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} className="dsi-radar" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} direction={dir} data-dir={dir}>
        <title id={`${id}-title`}>{title}</title>
        {g.rings.map((ring) => (
          <polygon key={ring.value} points={ring.points} className="dsi-grid" fill="none" />
        ))}
        {g.axes.map((axis) => (
          <line key={axis.dimension} x1={g.center.x} y1={g.center.y} x2={axis.x} y2={axis.y} className="dsi-axis" />
        ))}
        {/* Ring values along the first axis, so distances read as scores. */}
        {g.rings.map((ring) => (
          <text
            key={ring.value}
            x={topAxis.x}
            y={g.center.y - (RADAR.radius * ring.value) / 100}
            dx={dir === "rtl" ? -4 : 4}
            className="dsi-tick"
            textAnchor="start"
            dominantBaseline="middle"
            aria-hidden="true"
          >
            {formatNumber(ring.value, lang)}
          </text>
        ))}
        {g.series.map((s, i) => (
          <g key={i} className={`dsi-series dsi-series-${i}`}>
            <polygon points={s.points} className="dsi-area" />
            {s.dots.map((dot) => (
              <circle key={dot.dimension} cx={dot.x} cy={dot.y} r={4} className="dsi-dot">
                <title>{`${series[i]!.label} — ${t(`common:dsi.${dot.dimension}`)}: ${formatNumber(dot.value, lang)}`}</title>
              </circle>
            ))}
          </g>
        ))}
        {g.axes.map((axis) => {
          const lines = wrapLabel(t(`common:dsi.${axis.dimension}`));
          return (
            <text
              key={axis.dimension}
              x={axis.label.x}
              y={axis.label.y}
              textAnchor={axis.label.anchor}
              dominantBaseline={axis.label.baseline}
              className="dsi-label"
              data-dimension={axis.dimension}
            >
              {lines.map((line, i) => (
                <tspan key={i} x={axis.label.x} dy={i === 0 ? firstLineShift(lines.length, axis.label.baseline) : "1.15em"}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul role="list" className="dsi-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={i}>
              <svg viewBox="0 0 24 12" className={`dsi-swatch dsi-series dsi-series-${i}`} focusable="false">
                <line x1="1" y1="6" x2="23" y2="6" className="dsi-swatch-line" />
              </svg>{" "}
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <table id={`${id}-table`} className="dsi-table">
        <caption>{t("dsi:chart.tableCaption", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dsi:chart.dimension")}</th>
            {series.map((s, i) => (
              <th key={i} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DSI_DIMENSIONS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`common:dsi.${d}`)}</th>
              {series.map((s, i) => (
                <td key={i} className="number">
                  {formatNumber(s.scores[d], lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
