import { describe, expect, it } from "vitest";
import { matchSpans, microSpanF1, overlapClusters, spanOverlapF1 } from "./spans";

const s = (start: number, end: number) => ({ start, end });

describe("span overlap F1", () => {
  it("matches overlapping spans one-to-one, largest overlap first", () => {
    // a0 overlaps b0 by 5 and b1 by 8: it takes b1; b0 then has no partner (a1 does not overlap it).
    const a = [s(0, 20), s(40, 50)];
    const b = [s(0, 5), s(12, 30), s(45, 60)];
    expect(matchSpans(a, b)).toEqual([
      { a: 0, b: 1, overlap: 8 },
      { a: 1, b: 2, overlap: 5 },
    ]);
    const result = spanOverlapF1(a, b);
    // 2 matches, |A| = 2, |B| = 3: F1 = 4 / 5.
    expect(result).toMatchObject({ aCount: 2, bCount: 3, matched: 2, f1: 0.8 });
  });
  it("is symmetric", () => {
    const a = [s(0, 20), s(40, 50), s(70, 71)];
    const b = [s(0, 5), s(12, 30), s(45, 60)];
    expect(spanOverlapF1(b, a).f1).toBe(spanOverlapF1(a, b).f1);
  });
  it("touching spans do not overlap (half-open ranges)", () => {
    expect(spanOverlapF1([s(0, 10)], [s(10, 20)])).toMatchObject({ matched: 0, f1: 0 });
  });
  it("greedy does not let one long span match two", () => {
    expect(spanOverlapF1([s(0, 100)], [s(0, 10), s(20, 30)])).toMatchObject({
      matched: 1,
      f1: 2 / 3,
    });
  });
  it("nothing on either side: F1 undefined (null)", () => {
    expect(spanOverlapF1([], []).f1).toBeNull();
    expect(spanOverlapF1([s(0, 1)], []).f1).toBe(0);
  });
  it("micro-averages by summing counts", () => {
    expect(
      microSpanF1([
        { aCount: 2, bCount: 3, matched: 2 },
        { aCount: 1, bCount: 0, matched: 0 },
      ]),
    ).toEqual({ aCount: 3, bCount: 3, matched: 2, f1: 4 / 6 });
    expect(microSpanF1([]).f1).toBeNull();
  });
});

describe("overlap clusters", () => {
  it("joins transitively overlapping spans and keeps the rest apart", () => {
    expect(overlapClusters([s(50, 60), s(0, 10), s(8, 20), s(19, 25), s(25, 30)])).toEqual([
      [1, 2, 3],
      [4],
      [0],
    ]);
  });
});
