import { describe, expect, it } from "vitest";
import { formatFigure, readAlpha, undefinedReason } from "./agreement-format";

describe("formatFigure", () => {
  it("shows 3 decimals", () => {
    expect(formatFigure(0.74285714)).toBe("0.743");
    expect(formatFigure(1)).toBe("1.000");
    expect(formatFigure(-0.2)).toBe("-0.200");
    expect(formatFigure(-0.0001)).toBe("0.000");
  });
  it("never shows NaN or Infinity", () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      expect(formatFigure(v)).toBe("—");
  });
});

describe("readAlpha", () => {
  it("follows Krippendorff's 0.667 / 0.800 guideline", () => {
    expect(readAlpha(0.8)).toBe("reliable");
    expect(readAlpha(0.7999)).toBe("tentative");
    expect(readAlpha(0.667)).toBe("tentative");
    expect(readAlpha(0.6669)).toBe("unreliable");
    expect(readAlpha(null)).toBe("undefined");
    expect(undefinedReason("no_variation")).toMatch(/same value/);
  });
});
