import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ZAnnotationUpsertInputSchema,
  ZClaimCreateInputSchema,
  ZClaimUpdateInputSchema,
  ZSourceCreateInputSchema,
  ZSpanSchema,
} from "./index";

describe("spans", () => {
  it("accept a span whose exact text matches its length", () => {
    expect(ZSpanSchema.parse({ start: 10, end: 16, exact: "Tehran" })).toEqual({
      start: 10,
      end: 16,
      exact: "Tehran",
    });
  });

  it("reject empty, inverted and inconsistent spans, naming the field", () => {
    const inverted = ZSpanSchema.safeParse({ start: 16, end: 10, exact: "Tehran" });
    expect(inverted.success).toBe(false);
    if (!inverted.success) expect(z.flattenError(inverted.error).fieldErrors.end).toBeDefined();
    const mismatch = ZSpanSchema.safeParse({ start: 0, end: 3, exact: "Tehran" });
    expect(mismatch.success).toBe(false);
    if (!mismatch.success) expect(z.flattenError(mismatch.error).fieldErrors.exact).toBeDefined();
  });
});

describe("API inputs", () => {
  it("default a new claim to an indirect quote", () => {
    const input = ZClaimCreateInputSchema.parse({
      articleId: 1,
      content: { start: 0, end: 4, exact: "word" },
    });
    expect(input.quoteType).toBe("indirect");
  });

  it("refuse an empty claim patch and a negative version", () => {
    expect(ZClaimUpdateInputSchema.safeParse({ id: 1, version: 0, patch: {} }).success).toBe(false);
    expect(
      ZClaimUpdateInputSchema.safeParse({ id: 1, version: -1, patch: { status: "accepted" } })
        .success,
    ).toBe(false);
    expect(
      ZClaimUpdateInputSchema.safeParse({ id: 1, version: 0, patch: { status: "accepted" } })
        .success,
    ).toBe(true);
  });

  it("trim source names and require ISO country codes", () => {
    expect(ZSourceCreateInputSchema.parse({ name: "  Tehran " }).name).toBe("Tehran");
    const bad = ZSourceCreateInputSchema.safeParse({ name: "Tehran", country: "Iran" });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(z.flattenError(bad.error).fieldErrors.country?.[0]).toMatch(/ISO 3166/);
  });

  it("validate annotation values against the labelled enums", () => {
    expect(
      ZAnnotationUpsertInputSchema.safeParse({ claimId: 1, values: { likelihood: "likely" } })
        .success,
    ).toBe(true);
    expect(
      ZAnnotationUpsertInputSchema.safeParse({ claimId: 1, values: { credibility: "0" } }).success,
    ).toBe(false);
  });
});
