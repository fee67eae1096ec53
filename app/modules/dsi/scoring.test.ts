// The DSI's arithmetic: weighted dimension scores, rounding, the members' median.
import { describe, expect, it } from "vitest";
import { dsiIndicatorValues } from "../../../test/factories";
import { DSI_DIMENSIONS, DSI_INDICATORS } from "./constants";
import { dimensionScores, median, medianScores, overallScore } from "./scoring";

describe("dimension scores", () => {
  it("gives every dimension the common value when all indicators share it", () => {
    expect(dimensionScores(dsiIndicatorValues(0))).toEqual({ DATA_OWNERSHIP: 0, DIGITAL_INFRASTRUCTURE: 0, DIGITAL_GOVERNANCE: 0, DIGITAL_CAPABILITY: 0 });
    expect(dimensionScores(dsiIndicatorValues(100))).toEqual({ DATA_OWNERSHIP: 100, DIGITAL_INFRASTRUCTURE: 100, DIGITAL_GOVERNANCE: 100, DIGITAL_CAPABILITY: 100 });
  });

  it("weighs indicators by their weight", () => {
    // Data ownership: dataProtectionLaw (2) = 90, dataResidency (2) = 40, publicDataStewardship (1) = 20 → (180 + 80 + 20) / 5 = 56.
    const values = dsiIndicatorValues((k) => ({ dataProtectionLaw: 90, dataResidency: 40, publicDataStewardship: 20 })[k as string] ?? 50);
    expect(dimensionScores(values).DATA_OWNERSHIP).toBe(56);
    // Governance: aiStrategy (1) = 100, oversightBody (2) = 0, normSetting (1) = 0 → 100 / 4 = 25.
    const governance = dsiIndicatorValues((k) => (k === "aiStrategy" ? 100 : 0));
    expect(dimensionScores(governance).DIGITAL_GOVERNANCE).toBe(25);
  });

  it("rounds halves up, exactly", () => {
    // Capability: skills (2) = 50, research (1) = 51, languageTechnology (1) = 51 → 202 / 4 = 50.5 → 51.
    const values = dsiIndicatorValues((k) => (k === "research" || k === "languageTechnology" ? 51 : 50));
    expect(dimensionScores(values).DIGITAL_CAPABILITY).toBe(51);
    // Infrastructure: computeCapacity (2) = 0, connectivity (1) = 1, sovereignCloud (2) = 1 → 3 / 5 = 0.6 → 1.
    const low = dsiIndicatorValues((k) => (k === "computeCapacity" ? 0 : 1));
    expect(dimensionScores(low).DIGITAL_INFRASTRUCTURE).toBe(1);
  });

  it("refuses values off the 0–100 integer scale", () => {
    expect(() => dimensionScores(dsiIndicatorValues((k) => (k === "skills" ? 101 : 50)))).toThrow(RangeError);
    expect(() => dimensionScores(dsiIndicatorValues((k) => (k === "skills" ? -1 : 50)))).toThrow(RangeError);
    expect(() => dimensionScores(dsiIndicatorValues((k) => (k === "skills" ? 49.5 : 50)))).toThrow(RangeError);
  });

  it("has indicators for every dimension, each with a positive weight, defined once", () => {
    for (const d of DSI_DIMENSIONS) expect(DSI_INDICATORS.filter((i) => i.dimension === d).length).toBeGreaterThanOrEqual(2);
    expect(DSI_INDICATORS.every((i) => i.weight > 0)).toBe(true);
    expect(new Set(DSI_INDICATORS.map((i) => i.key)).size).toBe(DSI_INDICATORS.length);
  });
});

describe("median and overall", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([1, 2])).toBe(1.5);
  });

  it("summarises members per dimension", () => {
    const a = { DATA_OWNERSHIP: 10, DIGITAL_INFRASTRUCTURE: 80, DIGITAL_GOVERNANCE: 50, DIGITAL_CAPABILITY: 0 };
    const b = { DATA_OWNERSHIP: 30, DIGITAL_INFRASTRUCTURE: 20, DIGITAL_GOVERNANCE: 50, DIGITAL_CAPABILITY: 100 };
    const c = { DATA_OWNERSHIP: 20, DIGITAL_INFRASTRUCTURE: 60, DIGITAL_GOVERNANCE: 40, DIGITAL_CAPABILITY: 50 };
    expect(medianScores([a, b, c])).toEqual({ DATA_OWNERSHIP: 20, DIGITAL_INFRASTRUCTURE: 60, DIGITAL_GOVERNANCE: 50, DIGITAL_CAPABILITY: 50 });
    expect(medianScores([])).toBeNull();
    expect(overallScore(a)).toBe(35);
    expect(overallScore({ ...a, DATA_OWNERSHIP: 11 })).toBe(35.3);
  });
});
