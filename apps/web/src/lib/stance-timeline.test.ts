import { describe, expect, it } from "vitest";
import { stanceTimeline } from "./stance-timeline";

describe("stanceTimeline", () => {
  it("keeps days when the claims span two months or less", () => {
    expect(
      stanceTimeline([
        { day: "2024-02-07", stance: "deny", claims: 1 },
        { day: "2024-02-06", stance: "support", claims: 2 },
        { day: "2024-02-06", stance: null, claims: 1 },
      ]),
    ).toEqual({
      granularity: "day",
      rows: [
        { period: "2024-02-06", support: 2, deny: 0, query: 0, comment: 0, unassessed: 1 },
        { period: "2024-02-07", support: 0, deny: 1, query: 0, comment: 0, unassessed: 0 },
      ],
    });
  });

  it("groups by month over longer spans", () => {
    const { granularity, rows } = stanceTimeline([
      { day: "2024-01-03", stance: "support", claims: 1 },
      { day: "2024-01-30", stance: "support", claims: 1 },
      { day: "2024-05-01", stance: "query", claims: 4 },
    ]);
    expect(granularity).toBe("month");
    expect(rows.map((r) => [r.period, r.support, r.query])).toEqual([
      ["2024-01", 2, 0],
      ["2024-05", 0, 4],
    ]);
    expect(stanceTimeline([])).toEqual({ granularity: "day", rows: [] });
  });
});
