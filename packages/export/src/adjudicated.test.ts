/**
 * Exports use the adjudicator's decision: the canonical line's `adjudicated`, FEVER's label and
 * ClaimReview's rating over the analysts' majority / median, and the CSV's adjudicated columns.
 */
import { adjudicate, type ExportClaim, iterateExportClaims, users } from "@claimdesk/db";
import {
  JUDGEMENT_FIELDS,
  type TAdjudicationValues,
  ZCanonicalClaimLineSchema,
} from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consensusLikelihood, consensusVerdict } from "./consensus";
import { toCanonicalLine } from "./formats/canonical-jsonl";
import { toClaimReview } from "./formats/claimreview";
import { CSV_COLUMNS, toCsvRow } from "./formats/csv";
import { toFeverRecord } from "./formats/fever";
import { buildFixture, type Fixture } from "./test-fixture";
import { exportChunks } from "./write-export";

const EMPTY: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

let fx: Fixture;
let judy: number;
const exported = (): ExportClaim[] => [...iterateExportClaims(fx.db, {})];
beforeEach(() => {
  fx = buildFixture();
  judy = fx.db
    .insert(users)
    .values({ name: "Judy Adjudicator", role: "adjudicator" })
    .returning()
    .get().id;
});
afterEach(() => fx.db.$client.close());

/** Claims 1 (both analysts: supported, likely / very likely) and 4 (a supported/refuted tie). */
function decide(index: number, values: Partial<TAdjudicationValues>, note: string | null = null) {
  const claimId = fx.claimIds[index] as number;
  return adjudicate(fx.db, { claimId, values: { ...EMPTY, ...values }, note, version: null }, judy);
}

describe("adjudicated exports", () => {
  it("carries the decision in the canonical line (null where none was made)", () => {
    const decision = decide(0, { verdict: "refuted", likelihood: "unlikely" }, 'Judy\'s "call"');
    const claims = exported();
    const line = toCanonicalLine(claims[0] as ExportClaim, true);
    expect(line.adjudicated).toEqual({
      adjudicator: { id: judy, name: "Judy Adjudicator" },
      ...EMPTY,
      verdict: "refuted",
      likelihood: "unlikely",
      note: 'Judy\'s "call"',
      // A decision on the judgement only (no attribution given): it settles the six fields.
      decidedFields: [...JUDGEMENT_FIELDS],
      version: 0,
      createdAt: decision.createdAt,
      updatedAt: decision.updatedAt,
    });
    // The line still matches the published schema, and the analysts' values are kept beside it.
    ZCanonicalClaimLineSchema.parse(JSON.parse(JSON.stringify(line)));
    expect(line.annotations.map((a) => a.verdict)).toEqual(["supported", "supported"]);
    expect(toCanonicalLine(claims[1] as ExportClaim, false).adjudicated).toBeNull();
  });

  it("FEVER takes the adjudicated verdict over the majority, and labels a tie the adjudicator broke", () => {
    const before = exported().map(toFeverRecord);
    expect(before[0]?.label).toBe("SUPPORTS");
    expect(before[3]).toBeNull(); // 1 supported vs 1 refuted
    decide(0, { verdict: "refuted" });
    decide(3, { verdict: "not_enough_info" });
    const after = exported().map(toFeverRecord);
    expect(after[0]?.label).toBe("REFUTES");
    expect(after[0]?.labelFrom).toEqual({
      rule: "adjudicated",
      votes: 2,
      analysts: 2,
      adjudicator: "Judy Adjudicator",
    });
    expect(after[3]).toMatchObject({
      label: "NOT ENOUGH INFO",
      evidence: [[[null, null, null, null]]],
    });
    // Claim 3 was not adjudicated: still the analysts' verdict.
    expect(after[2]?.labelFrom.rule).toBe("majority");
  });

  it("falls back to the analysts where the decision leaves a field empty", () => {
    decide(0, { sourceStance: "support" });
    const claim = exported()[0] as ExportClaim;
    expect(consensusVerdict(claim)).toEqual({ value: "supported", rule: "majority", votes: 2 });
    expect(consensusLikelihood(claim)).toEqual({ value: "likely", rule: "median", votes: 2 });
  });

  it("ClaimReview rates the adjudicated likelihood and names the adjudicator", () => {
    decide(0, { likelihood: "almost_certain" });
    const review = toClaimReview(exported()[0] as ExportClaim);
    expect(review?.reviewRating).toMatchObject({
      ratingValue: 7,
      alternateName: "Almost certain (95–99 %)",
    });
    expect(review?.author.map((a) => a.name)).toEqual([
      "Ana Analyst",
      "Ben Reviewer",
      "Judy Adjudicator",
    ]);
    // A tie on the verdict with no likelihood had no review; the decision gives it one.
    expect(toClaimReview(exported()[3] as ExportClaim)).toBeNull();
    decide(3, { verdict: "refuted" });
    expect(toClaimReview(exported()[3] as ExportClaim)?.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: "Refuted",
    });
  });

  it("CSV has the adjudicated columns, empty for undecided claims", () => {
    const decision = decide(0, { verdict: "refuted", credibility: "4" }, "Checked");
    const rows = exported().map(toCsvRow);
    expect(CSV_COLUMNS.filter((c) => c.startsWith("adjudicated_"))).toHaveLength(9);
    expect(rows[0]).toMatchObject({
      adjudicated_by: "Judy Adjudicator",
      adjudicated_at: decision.updatedAt,
      adjudicated_verdict: "refuted",
      adjudicated_credibility: "4",
      adjudicated_likelihood: null,
      adjudicated_note: "Checked",
      consensus_verdict: "refuted",
      fever_label: "REFUTES",
    });
    expect(rows[1]?.adjudicated_by).toBeNull();
    const csv = [...exportChunks(fx.db, { format: "csv", filter: {} })].join("");
    expect(csv.split("\n")[0]).toContain(",adjudicated_by,adjudicated_at,");
    expect(csv).toContain("Judy Adjudicator");
  });
});
