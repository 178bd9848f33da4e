/**
 * Krippendorff's alpha against the worked examples of Krippendorff, K. (2011). "Computing
 * Krippendorff's Alpha-Reliability". University of Pennsylvania, Annenberg School for
 * Communication, Departmental Papers (ASC) 43. https://repository.upenn.edu/asc_papers/43
 * The paper prints its matrices coders × units; here they are transposed to units × coders.
 */
import { describe, expect, it } from "vitest";
import {
  coincidences,
  krippendorffAlpha,
  type ReliabilityMatrix,
  type Value,
} from "./krippendorff";

/** Paper rows (one per coder, `null` = missing) → units × coders. */
function byUnits(coders: ReadonlyArray<ReadonlyArray<Value | null>>): ReliabilityMatrix {
  const units = Math.max(...coders.map((c) => c.length));
  return Array.from({ length: units }, (_, u) => coders.map((c) => c[u] ?? null));
}

const alphaOf = (result: ReturnType<typeof krippendorffAlpha>) => {
  if (result.status !== "ok") throw new Error(`alpha undefined: ${result.reason}`);
  return result.alpha;
};

// Section A, "Binary or dichotomous data, two observers, no missing data": 10 units.
const sectionA = byUnits([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]);

// Section B, "Nominal data, two observers, no missing data": 12 units, values a–e.
const sectionB = byUnits([
  ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
  ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"],
]);

// Section C, "Nominal data, any number of observers, missing data": 4 observers × 12 units
// (the example reused in sections D–F for ordinal, interval and ratio metrics).
const _ = null;
const sectionC = byUnits([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

describe("Krippendorff (2011) section A: binary, two observers", () => {
  it("builds the published coincidence matrix (o00 = 10, o01 = o10 = 4, o11 = 2)", () => {
    const co = coincidences(sectionA);
    const at = (c: number, k: number) =>
      co.o[co.values.indexOf(c)]?.[co.values.indexOf(k)] as number;
    expect([at(0, 0), at(0, 1), at(1, 0), at(1, 1)]).toEqual([10, 4, 4, 2]);
    expect(co.total).toBe(20);
  });
  it("gives alpha = 0.095 (1 − 19 · 4 / (14 · 6))", () => {
    const result = krippendorffAlpha(sectionA, { level: "nominal" });
    expect(alphaOf(result)).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
    expect(alphaOf(result).toFixed(3)).toBe("0.095");
    expect(result).toMatchObject({ units: 10, coders: 2, pairableValues: 20 });
  });
});

describe("Krippendorff (2011) section B: nominal, two observers", () => {
  it("gives alpha = 0.692", () => {
    expect(alphaOf(krippendorffAlpha(sectionB, { level: "nominal" })).toFixed(3)).toBe("0.692");
  });
});

describe("Krippendorff (2011) sections C–F: four observers with missing data", () => {
  it("drops the single-value unit 12 and has the published marginals n = 40: 9, 13, 10, 5, 3", () => {
    const co = coincidences(sectionC);
    expect(co.total).toBeCloseTo(40, 12);
    expect(co.units).toBe(11);
    expect(co.coders).toBe(4);
    const marginal = (v: number) => co.marginals[co.values.indexOf(v)] as number;
    expect([1, 2, 3, 4, 5].map(marginal).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([
      9, 13, 10, 5, 3,
    ]);
    // Unit 6 (values 1, 2, 3, 4) adds 1/3 to every off-diagonal pair of them, e.g. o_13.
    expect(co.o[co.values.indexOf(1)]?.[co.values.indexOf(3)]).toBeCloseTo(1 / 3, 12);
  });
  it("nominal alpha = 0.743", () => {
    const result = krippendorffAlpha(sectionC, { level: "nominal" });
    expect(alphaOf(result).toFixed(3)).toBe("0.743");
    expect(result).toMatchObject({ units: 11, coders: 4 });
  });
  it("ordinal alpha = 0.815 (ranks from the numbers, or from an explicit order)", () => {
    expect(alphaOf(krippendorffAlpha(sectionC, { level: "ordinal" })).toFixed(3)).toBe("0.815");
    // The same data as category labels ordered explicitly gives the same figure.
    const labels = ["one", "two", "three", "four", "five"];
    const asLabels = sectionC.map((row) =>
      row.map((v) => (typeof v === "number" ? (labels[v - 1] as string) : v)),
    );
    expect(
      alphaOf(krippendorffAlpha(asLabels, { level: "ordinal", order: labels })).toFixed(3),
    ).toBe("0.815");
  });
  it("ordinal alpha counts unused categories between two values (n_g = 0 adds nothing)", () => {
    const order = [1, 2, 3, 4, 5, 6, 7];
    const withGap = sectionC.map((row) => row.map((v) => (v === 5 ? 7 : v)));
    expect(alphaOf(krippendorffAlpha(withGap, { level: "ordinal", order })).toFixed(3)).toBe(
      "0.815",
    );
  });
  it("interval alpha = 0.849", () => {
    expect(alphaOf(krippendorffAlpha(sectionC, { level: "interval" })).toFixed(3)).toBe("0.849");
  });
  it("ratio alpha = 0.797", () => {
    expect(alphaOf(krippendorffAlpha(sectionC, { level: "ratio" })).toFixed(3)).toBe("0.797");
  });
  it("does not depend on the order of units or of coders", () => {
    const shuffled = [...sectionC].reverse().map((row) => [...row].reverse());
    for (const level of ["nominal", "ordinal", "interval"] as const)
      expect(alphaOf(krippendorffAlpha(shuffled, { level }))).toBeCloseTo(
        alphaOf(krippendorffAlpha(sectionC, { level })),
        12,
      );
  });
});

describe("edge cases", () => {
  it("perfect agreement with variation between units is alpha = 1", () => {
    const result = krippendorffAlpha(
      [
        ["x", "x", null],
        ["y", "y", "y"],
        ["x", null, "x"],
      ],
      { level: "nominal" },
    );
    expect(result).toMatchObject({ status: "ok", alpha: 1, observedAgreement: 1 });
  });
  it("every value the same: undefined (no variation), observed agreement 1", () => {
    const result = krippendorffAlpha(
      [
        ["x", "x"],
        ["x", "x"],
      ],
      { level: "nominal" },
    );
    expect(result).toEqual({
      level: "nominal",
      status: "undefined",
      reason: "no_variation",
      alpha: null,
      observedAgreement: 1,
      units: 2,
      coders: 2,
      pairableValues: 4,
    });
  });
  it("one coder: no pairable values", () => {
    const result = krippendorffAlpha([["a"], ["b"], ["c"]], { level: "nominal" });
    expect(result).toMatchObject({
      status: "undefined",
      reason: "no_pairable_values",
      alpha: null,
      units: 0,
      coders: 0,
      pairableValues: 0,
    });
  });
  it("two coders who never code the same unit: no pairable values", () => {
    const result = krippendorffAlpha(
      [
        ["a", null],
        [null, "b"],
      ],
      { level: "nominal" },
    );
    expect(result.status).toBe("undefined");
    if (result.status === "undefined") expect(result.reason).toBe("no_pairable_values");
  });
  it("an empty matrix: no pairable values", () => {
    expect(krippendorffAlpha([], { level: "ordinal" }).status).toBe("undefined");
  });
  it("systematic disagreement goes below zero", () => {
    const result = krippendorffAlpha(
      [
        ["a", "b"],
        ["b", "a"],
        ["a", "b"],
        ["b", "a"],
      ],
      { level: "nominal" },
    );
    expect(alphaOf(result)).toBeLessThan(0);
    // n = 8, n_a = n_b = 4, o_ab = 4: α = 1 − 7 · 8 / (2 · 4 · 4) = −0.75.
    expect(alphaOf(result)).toBeCloseTo(-0.75, 12);
  });
  it("refuses interval data that is not numeric and ordinal values outside the order", () => {
    expect(() => krippendorffAlpha([["a", "b"]], { level: "interval" })).toThrow(/numeric/);
    expect(() => krippendorffAlpha([["a", "z"]], { level: "ordinal", order: ["a", "b"] })).toThrow(
      /not in the ordinal order/,
    );
  });
});
