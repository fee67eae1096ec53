// Chart geometry: values land where they should, and right-to-left pages get mirrored charts.
import { describe, expect, it } from "vitest";
import { anchorFor, RADAR, radarGeometry, trendGeometry, wrapLabel } from "./charts";

const scores = { DATA_OWNERSHIP: 100, DIGITAL_INFRASTRUCTURE: 50, DIGITAL_GOVERNANCE: 0, DIGITAL_CAPABILITY: 100 };

describe("radar", () => {
  it("puts the first dimension at the top and the next one to the right, left-to-right", () => {
    const g = radarGeometry({ series: [scores], dir: "ltr" });
    const { x: cx, y: cy } = g.center;
    const dots = g.series[0]!.dots;
    expect(dots[0]).toMatchObject({ dimension: "DATA_OWNERSHIP", x: cx, y: cy - RADAR.radius });
    expect(dots[1]).toMatchObject({ dimension: "DIGITAL_INFRASTRUCTURE", x: cx + RADAR.radius / 2, y: cy });
    expect(dots[2]).toMatchObject({ x: cx, y: cy }); // a zero sits at the centre
    expect(dots[3]).toMatchObject({ dimension: "DIGITAL_CAPABILITY", x: cx - RADAR.radius, y: cy });
    expect(g.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
    // Labels: the right one extends rightwards (start in ltr), the left one leftwards (end).
    expect(g.axes.map((a) => a.label.anchor)).toEqual(["middle", "start", "middle", "end"]);
  });

  it("mirrors in right-to-left: the second dimension goes to the left, labels still extend outwards", () => {
    const g = radarGeometry({ series: [scores], dir: "rtl" });
    const { x: cx } = g.center;
    expect(g.series[0]!.dots[1]!.x).toBe(cx - RADAR.radius / 2);
    expect(g.axes[1]!.x).toBeLessThan(cx);
    // In rtl, SVG's "start" is a text's right edge: the label on the left starts at its point and runs leftwards.
    expect(g.axes.map((a) => a.label.anchor)).toEqual(["middle", "start", "middle", "end"]);
    expect(anchorFor("left", "rtl")).toBe("start");
    expect(anchorFor("right", "rtl")).toBe("end");
  });
});

describe("trend", () => {
  const points = [
    { year: 2025, scores },
    { year: 2023, scores: { ...scores, DATA_OWNERSHIP: 0 } },
  ];

  it("runs time from left to right, oldest first, and scales scores to the plot", () => {
    const g = trendGeometry({ points, dir: "ltr" });
    expect(g.years.map((y) => y.year)).toEqual([2023, 2025]);
    expect(g.years[0]!.x).toBe(g.plot.left);
    expect(g.years[1]!.x).toBe(g.plot.right);
    const data = g.lines.find((l) => l.dimension === "DATA_OWNERSHIP")!;
    expect(data.dots.map((d) => d.y)).toEqual([g.plot.bottom, g.plot.top]);
  });

  it("runs time from right to left in right-to-left pages", () => {
    const g = trendGeometry({ points, dir: "rtl" });
    expect(g.years[0]!.x).toBe(g.plot.right);
    expect(g.years[1]!.x).toBe(g.plot.left);
    expect(g.gridlines[0]!.label.x).toBeGreaterThan(g.plot.right);
  });

  it("centres a single year", () => {
    const g = trendGeometry({ points: [points[0]!], dir: "ltr" });
    expect(g.years[0]!.x).toBe((g.plot.left + g.plot.right) / 2);
  });
});

describe("labels", () => {
  it("wraps long labels in two lines at the space nearest the middle", () => {
    expect(wrapLabel("Data ownership")).toEqual(["Data ownership"]);
    expect(wrapLabel("Digital infrastructure")).toEqual(["Digital", "infrastructure"]);
    expect(wrapLabel("Infraestructura digital")).toEqual(["Infraestructura", "digital"]);
    expect(wrapLabel("数字基础设施")).toEqual(["数字基础设施"]);
  });
});
