import type { TSuggestedClaim } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { findSpanProblems } from "./span-invariants";

const text = "Tehran says it decides.\nOfficials said so.";
const good: TSuggestedClaim = {
  content: { start: 12, end: 22, exact: "it decides" },
  sourceMention: { start: 0, end: 6, exact: "Tehran" },
  cue: { start: 7, end: 11, exact: "says" },
  cueLemma: "say",
  sourceName: "Tehran",
  sourceKindGuess: "named_organization",
  quoteType: "indirect",
  reportingStanceGuess: "neutral",
  parentIndex: null,
  origin: "rule:source-cue-content@1",
  score: 0.8,
};
const sentences = [
  { start: 0, end: 23 },
  { start: 24, end: 42 },
];
const check = (claims: TSuggestedClaim[]) => findSpanProblems({ text, sentences, claims });

describe("findSpanProblems", () => {
  it("accepts a valid article", () => {
    expect(check([good])).toEqual([]);
  });

  it("reports exact-text mismatches, untrimmed spans, periods and paragraph crossings", () => {
    expect(check([{ ...good, content: { start: 12, end: 22, exact: "it decided" } }])).toEqual([
      "claim 0 content: exact ≠ text slice",
    ]);
    expect(check([{ ...good, content: { start: 11, end: 22, exact: " it decides" } }])).toEqual([
      "claim 0 content: leading or trailing whitespace",
    ]);
    expect(check([{ ...good, content: { start: 12, end: 23, exact: "it decides." } }])).toEqual([
      "claim 0: content ends with a period",
    ]);
    expect(
      check([{ ...good, content: { start: 12, end: 33, exact: "it decides.\nOfficials" } }]),
    ).toEqual(["claim 0 content: crosses a paragraph boundary"]);
  });

  it("reports bad nesting", () => {
    expect(check([{ ...good, parentIndex: 0 }])).toContain("claim 0: bad parentIndex 0");
    expect(
      check([
        { ...good, parentIndex: 1 },
        { ...good, parentIndex: 0 },
      ]),
    ).toContain("claim 0: parentIndex cycle");
  });
});
