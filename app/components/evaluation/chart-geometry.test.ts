// Bar chart geometry: scales, and the mirror image for right-to-left pages.
import { describe, expect, it } from "vitest";
import { axisMax, axisPosition, axisX, barBox, extent, intervalSegment, labelAnchor, shorten, ticks, valueAnchor } from "./chart-geometry";

const ltr = { width: 700, labelWidth: 200, valueWidth: 100, rtl: false };
const rtl = { ...ltr, rtl: true };

describe("bar chart geometry", () => {
  it("uses 0–1 for fractions and a round maximum otherwise", () => {
    expect(axisMax([0.2, 0.91])).toBe(1);
    expect(axisMax([14.18, 9.1])).toBe(20);
    expect(axisMax([31])).toBe(50);
    expect(axisMax([])).toBe(1);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("grows bars from the label column, mirrored for right-to-left", () => {
    expect(barBox(0.5, 1, ltr)).toEqual({ x: 200, width: 200 });
    expect(barBox(0.5, 1, rtl)).toEqual({ x: 300, width: 200 });
    // Out-of-range values are clamped to the axis.
    expect(barBox(2, 1, ltr).width).toBe(400);
    expect(barBox(-1, 1, ltr).width).toBe(0);
    expect(axisX(0, rtl)).toBe(500);
    expect(axisX(1, rtl)).toBe(100);
  });

  it("puts labels beside the bars and values past their ends, on the mirrored side for right-to-left", () => {
    expect(labelAnchor(ltr)).toEqual({ x: 192, anchor: "end" });
    expect(labelAnchor(rtl)).toEqual({ x: 508, anchor: "start" });
    expect(valueAnchor({ x: 200, width: 200 }, ltr)).toEqual({ x: 406, anchor: "start" });
    expect(valueAnchor({ x: 300, width: 200 }, rtl)).toEqual({ x: 294, anchor: "end" });
  });

  it("shortens long labels by characters, not bytes", () => {
    expect(shorten("DeepSeek-R1-Distill-Qwen-32B-Instruct-Long", 20)).toBe("DeepSeek-R1-Distill…");
    expect(shorten("نموذج", 20)).toBe("نموذج");
  });

  it("draws a 95 % interval on the same axis, clamped, mirrored for right-to-left, and keeps values clear of it", () => {
    expect(axisPosition(0.5, 1, ltr)).toBe(400);
    expect(axisPosition(0.5, 1, rtl)).toBe(300);
    expect(intervalSegment({ low: 0.4, high: 0.6 }, 1, ltr)).toEqual({ x1: 360, x2: 440 });
    // Mirrored: the low end is to the right.
    expect(intervalSegment({ low: 0.4, high: 0.6 }, 1, rtl)).toEqual({ x1: 260, x2: 340 });
    // An interval below zero or past the axis is cut at its ends.
    expect(intervalSegment({ low: -0.1, high: 1.2 }, 1, ltr)).toEqual({ x1: 200, x2: 600 });
    expect(intervalSegment(null, 1, ltr)).toBeNull();
    const bar = barBox(0.5, 1, ltr);
    expect(valueAnchor(extent(bar, { x1: 360, x2: 440 }), ltr)).toEqual({ x: 446, anchor: "start" });
    const mirrored = barBox(0.5, 1, rtl);
    expect(valueAnchor(extent(mirrored, { x1: 260, x2: 340 }), rtl)).toEqual({ x: 254, anchor: "end" });
  });
});
