import { describe, expect, it } from "vitest";
import {
  CREDIBILITY_LABELS,
  FEVER_LABELS,
  LIKELIHOOD_LABELS,
  LIKELIHOOD_RANGES,
  LIKELIHOODS,
  RELIABILITIES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  VERDICTS,
  ZCredibilitySchema,
  ZLikelihoodSchema,
  ZSourceKindSchema,
} from "./index";

describe("labelled enums", () => {
  it("derive the zod enum from the label table, in order", () => {
    expect(SOURCE_KINDS).toEqual(Object.keys(SOURCE_KIND_LABELS));
    expect(ZSourceKindSchema.options).toEqual(SOURCE_KINDS);
    expect(ZSourceKindSchema.safeParse("unnamed_official").success).toBe(true);
    expect(ZSourceKindSchema.safeParse("anonymous").success).toBe(false);
  });

  it("follow ICD 203: seven likelihood terms with contiguous, increasing ranges", () => {
    expect(LIKELIHOODS).toHaveLength(7);
    let previousHigh = 1;
    for (const term of LIKELIHOODS) {
      const [low, high] = LIKELIHOOD_RANGES[term];
      expect(low).toBe(previousHigh);
      expect(high).toBeGreaterThan(low);
      expect(LIKELIHOOD_LABELS[term].description).toBe(`${low}–${high} %`);
      previousHigh = high;
    }
    expect(ZLikelihoodSchema.safeParse("probable").success).toBe(false);
  });

  it("follow the Admiralty code: reliability A–F and credibility 1–6", () => {
    expect(RELIABILITIES).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(Object.keys(CREDIBILITY_LABELS)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(ZCredibilitySchema.safeParse("7").success).toBe(false);
  });

  it("map every verdict to a FEVER label", () => {
    expect(VERDICTS.map((v) => FEVER_LABELS[v])).toEqual([
      "SUPPORTS",
      "REFUTES",
      "NOT ENOUGH INFO",
    ]);
  });
});
