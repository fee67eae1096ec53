// A vote's result as a server-rendered SVG bar chart, readable without
// JavaScript, with the same numbers in a table for screen readers.
import { useTranslation } from "react-i18next";
import { numberFormat } from "~/utils/intl";

type Tally = { yes: number; no: number; abstain: number; object: number; breakSilence: number };

const ROWS_BY_RULE: Record<string, (keyof Tally)[]> = {
  SIMPLE_MAJORITY: ["yes", "no", "abstain"],
  TWO_THIRDS: ["yes", "no", "abstain"],
  CONSENSUS: ["yes", "object", "abstain"],
  SILENCE: ["breakSilence"],
};

export function ResultsChart({ rule, tally, eligible, lang }: { rule: string; tally: Tally; eligible: number; lang: string }) {
  const { t } = useTranslation("votes");
  const rows = ROWS_BY_RULE[rule] ?? ["yes", "no", "abstain"];
  const voted = tally.yes + tally.no + tally.abstain + tally.object + tally.breakSilence;
  const all = [
    ...rows.map((key) => ({ key, label: t(`tally.${rule === "CONSENSUS" && key === "yes" ? "join" : key}`), value: tally[key] })),
    { key: "none", label: t("tally.notVoted"), value: Math.max(0, eligible - voted) },
  ];
  const max = Math.max(1, eligible);
  const rtl = lang === "ar" || lang === "fa";
  const width = 360;
  const labelWidth = 120;
  const barArea = width - labelWidth - 40;
  const rowHeight = 28;
  const height = all.length * rowHeight + 8;
  const number = numberFormat(lang);
  return (
    <figure className="results-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="results-chart-title" className="chart">
        <title id="results-chart-title">{t("chart.title")}</title>
        {all.map((row, i) => {
          const barWidth = (row.value / max) * barArea;
          const y = 4 + i * rowHeight;
          // Right-to-left: labels on the right, bars growing leftwards.
          const labelX = rtl ? width - 4 : 4;
          const barX = rtl ? width - labelWidth - barWidth : labelWidth;
          const valueX = rtl ? width - labelWidth - barWidth - 6 : labelWidth + barWidth + 6;
          return (
            <g key={row.key} className={`bar bar-${row.key}`}>
              <text x={labelX} y={y + 18} textAnchor={rtl ? "end" : "start"} className="chart-label">
                {row.label}
              </text>
              <rect x={barX} y={y + 4} width={Math.max(barWidth, 1)} height={rowHeight - 10} rx={3} />
              <text x={valueX} y={y + 18} textAnchor={rtl ? "end" : "start"} className="chart-value">
                {number.format(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{t("chart.title")}</caption>
        <tbody>
          {all.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{number.format(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
