import { describe, expect, it } from "vitest";
import {
  kindStanceSeries,
  likelihoodSeries,
  progressSeries,
  type StatsInput,
} from "./dashboard-series";

const stats: StatsInput = {
  totalClaims: 6,
  annotated: 3,
  byStatus: [
    { status: "accepted", count: 4 },
    { status: "rejected", count: 2 },
  ],
  bySourceKind: [
    { kind: "unnamed_official", count: 2 },
    { kind: "named_person", count: 3 },
    { kind: null, count: 1 },
  ],
  byKindAndStance: [
    { kind: "named_person", stance: "support", count: 2 },
    { kind: "named_person", stance: null, count: 1 },
  ],
  byLikelihood: [
    { likelihood: "likely", count: 2 },
    { likelihood: "almost_no_chance", count: 1 },
  ],
};

describe("dashboard series", () => {
  it("lists every status, including empty ones, then the annotated count", () => {
    expect(progressSeries(stats).map((r) => r.count)).toEqual([0, 4, 2, 3]);
  });

  it("orders source kinds as the vocabulary does and splits stances", () => {
    const rows = kindStanceSeries(stats);
    expect(rows.map((r) => [r.claims, r.support, r.unassessed])).toEqual([
      [3, 2, 1],
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(rows.at(-1)?.name).toBe("No source");
  });

  it("keeps the ICD 203 order, lowest first, with ranges", () => {
    const rows = likelihoodSeries(stats);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ range: "1–5 %", count: 1 });
    expect(rows.map((r) => r.count)).toEqual([1, 0, 0, 0, 2, 0, 0]);
  });
});
