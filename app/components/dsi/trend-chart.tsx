// A delegation's DSI scores over the years: one line per dimension, as
// server-rendered SVG with the figures repeated in a table. Time runs in the
// reading direction (right to left in Arabic and Persian).
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/components/ui/formatted";
import { DSI_DIMENSIONS } from "~/modules/dsi/constants";
import { trendGeometry, type Direction } from "~/modules/dsi/charts";
import type { DimensionScores } from "~/modules/dsi/scoring";
import { numberFormat } from "~/utils/intl";

/** Years are shown without grouping separators ("2025", not "2,025"). */
const formatYear = (year: number, lang: string) => numberFormat(lang, { useGrouping: false }).format(year);

export function TrendChart({ id, title, points, lang, dir }: { id: string; title: string; points: { year: number; scores: DimensionScores }[]; lang: string; dir: Direction }) {
  const { t } = useTranslation(["dsi", "common"]);
  const g = trendGeometry({ points, dir });
  return (
    <figure className="dsi-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="dsi-chart-caption">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} className="dsi-trend" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} direction={dir}>
        <title id={`${id}-title`}>{title}</title>
        {g.gridlines.map((line) => (
          <g key={line.value}>
            <line x1={g.plot.left} x2={g.plot.right} y1={line.y} y2={line.y} className="dsi-grid" />
            <text x={line.label.x} y={line.y} textAnchor={line.label.anchor} dominantBaseline="middle" className="dsi-tick" aria-hidden="true">
              {formatNumber(line.value, lang)}
            </text>
          </g>
        ))}
        {g.years.map((y) => (
          <text key={y.year} x={y.x} y={g.plot.bottom + 8} textAnchor="middle" dominantBaseline="hanging" className="dsi-tick">
            {formatYear(y.year, lang)}
          </text>
        ))}
        {g.lines.map((line, i) => (
          <g key={line.dimension} className={`dsi-line dsi-dim-${i}`}>
            {line.dots.length > 1 ? <polyline points={line.points} fill="none" className="dsi-path" /> : null}
            {line.dots.map((dot) => (
              <circle key={dot.year} cx={dot.x} cy={dot.y} r={4} className="dsi-dot">
                <title>{`${t(`common:dsi.${line.dimension}`)} ${formatYear(dot.year, lang)}: ${formatNumber(dot.value, lang)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <ul role="list" className="dsi-legend" aria-hidden="true">
        {DSI_DIMENSIONS.map((d, i) => (
          <li key={d}>
            <svg viewBox="0 0 24 12" className={`dsi-swatch dsi-line dsi-dim-${i}`} focusable="false">
              <line x1="1" y1="6" x2="23" y2="6" className="dsi-path" />
            </svg>{" "}
            {t(`common:dsi.${d}`)}
          </li>
        ))}
      </ul>
      <table id={`${id}-table`} className="dsi-table">
        <caption>{t("dsi:chart.tableCaption", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dsi:chart.year")}</th>
            {DSI_DIMENSIONS.map((d) => (
              <th key={d} scope="col">
                {t(`common:dsi.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {g.years.map((y) => {
            const point = points.find((p) => p.year === y.year)!;
            return (
              <tr key={y.year}>
                <th scope="row">{formatYear(y.year, lang)}</th>
                {DSI_DIMENSIONS.map((d) => (
                  <td key={d} className="number">
                    {formatNumber(point.scores[d], lang)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
