/**
 * Cohen's kappa against textbook worked examples. Sources:
 * - Wikipedia, "Cohen's kappa", section "Simple example" (50 grant proposals read by A and B:
 *   20 both yes, 15 both no, 5 A-yes/B-no, 10 A-no/B-yes → p_o = 0.7, p_e = 0.5, κ = 0.4).
 * - Wikipedia, "Cohen's kappa", section "Same percentages but different numbers" (two tables of
 *   100 items with p_o = 0.60: κ = 0.1304 and κ = 0.2593).
 * - Cohen, J. (1960). "A coefficient of agreement for nominal scales". Educational and
 *   Psychological Measurement 20(1), 37–46: the definition κ = (p_o − p_e) / (1 − p_e).
 */
import { describe, expect, it } from "vitest";
import { type CodedPair, cohenKappa, observedAgreement } from "./kappa";

/** A 2 × 2 table as item pairs: [yes,yes] × yy, [yes,no] × yn, [no,yes] × ny, [no,no] × nn. */
function table(yy: number, yn: number, ny: number, nn: number): CodedPair[] {
  const rep = (n: number, pair: CodedPair) => Array.from({ length: n }, () => pair);
  return [
    ...rep(yy, ["yes", "yes"]),
    ...rep(yn, ["yes", "no"]),
    ...rep(ny, ["no", "yes"]),
    ...rep(nn, ["no", "no"]),
  ];
}

const kappaOf = (pairs: readonly CodedPair[]) => {
  const result = cohenKappa(pairs);
  if (result.status !== "ok") throw new Error(result.reason);
  return result;
};

describe("Cohen's kappa, worked examples", () => {
  it("Wikipedia's simple example: 50 items, p_o = 0.7, p_e = 0.5, kappa = 0.4", () => {
    const result = kappaOf(table(20, 5, 10, 15));
    expect(result.items).toBe(50);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });
  it("Wikipedia's same-percentage tables: kappa = 0.1304 and 0.2593", () => {
    expect(kappaOf(table(45, 15, 25, 15)).kappa.toFixed(4)).toBe("0.1304");
    expect(kappaOf(table(25, 35, 5, 35)).kappa.toFixed(4)).toBe("0.2593");
  });
  it("is symmetric in the two coders", () => {
    const pairs = table(20, 5, 10, 15);
    const swapped = pairs.map(([a, b]) => [b, a] as const);
    expect(kappaOf(swapped).kappa).toBeCloseTo(kappaOf(pairs).kappa, 12);
  });
});

describe("items both coded, and edge cases", () => {
  it("leaves out items either coder did not code", () => {
    const pairs: CodedPair[] = [...table(20, 5, 10, 15), ["yes", null], [undefined, "no"]];
    expect(kappaOf(pairs).items).toBe(50);
    expect(kappaOf(pairs).kappa).toBeCloseTo(0.4, 12);
    expect(observedAgreement(pairs)).toBeCloseTo(0.7, 12);
  });
  it("perfect agreement over two categories is 1", () => {
    expect(kappaOf(table(3, 0, 0, 4)).kappa).toBe(1);
  });
  it("both coders always the same single category: undefined, observed agreement 1", () => {
    expect(cohenKappa(table(5, 0, 0, 0))).toEqual({
      status: "undefined",
      reason: "no_variation",
      kappa: null,
      observedAgreement: 1,
      expectedAgreement: 1,
      items: 5,
    });
  });
  it("one coder constant, the other not: kappa = 0 (p_e = p_o)", () => {
    expect(kappaOf(table(3, 0, 2, 0)).kappa).toBeCloseTo(0, 12);
  });
  it("no item coded by both: undefined", () => {
    expect(cohenKappa([["a", null]])).toMatchObject({ status: "undefined", reason: "no_items" });
    expect(observedAgreement([])).toBeNull();
  });
});
