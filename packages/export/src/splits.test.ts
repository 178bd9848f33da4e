import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSplitRatios, splitOf } from "./splits";

const shas = Array.from({ length: 5000 }, (_, i) =>
  createHash("sha256").update(`article ${i}`).digest("hex"),
);

describe("splitOf", () => {
  it("is deterministic for a seed and changes with the seed", () => {
    const a = shas.map((s) => splitOf(7, s, [80, 10, 10]));
    const b = shas.map((s) => splitOf(7, s, [80, 10, 10]));
    const c = shas.map((s) => splitOf(8, s, [80, 10, 10]));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("roughly respects the ratios", () => {
    const counts = { train: 0, dev: 0, test: 0 };
    for (const s of shas) counts[splitOf(1, s, [80, 10, 10])]++;
    expect(counts.train / shas.length).toBeGreaterThan(0.77);
    expect(counts.train / shas.length).toBeLessThan(0.83);
    expect(counts.dev / shas.length).toBeGreaterThan(0.08);
    expect(counts.dev / shas.length).toBeLessThan(0.12);
    expect(counts.test / shas.length).toBeGreaterThan(0.08);
    expect(counts.test / shas.length).toBeLessThan(0.12);
  });

  it("gives nothing to a zero ratio", () => {
    expect(shas.some((s) => splitOf(3, s, [1, 0, 1]) === "dev")).toBe(false);
  });
});

describe("parseSplitRatios", () => {
  it("parses train/dev/test and refuses anything else", () => {
    expect(parseSplitRatios("80/10/10")).toEqual([80, 10, 10]);
    expect(() => parseSplitRatios("80/20")).toThrow(/80\/10\/10/);
    expect(() => parseSplitRatios("a/b/c")).toThrow();
    expect(() => parseSplitRatios("0/0/0")).toThrow(/zero/);
  });
});
