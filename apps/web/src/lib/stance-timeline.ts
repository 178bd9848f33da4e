/**
 * Turns a proposition's per-day claim counts by stance into chart rows: one row per period
 * (day, or month when the claims span more than 62 days), one numeric field per stance.
 */
export type StanceKey = "support" | "deny" | "query" | "comment" | "unassessed";
export const STANCE_KEYS: readonly StanceKey[] = [
  "support",
  "deny",
  "query",
  "comment",
  "unassessed",
];

export type TimelineRow = { period: string } & Record<StanceKey, number>;

const DAY_MS = 86_400_000;

export function stanceTimeline(
  points: readonly {
    day: string;
    stance: Exclude<StanceKey, "unassessed"> | null;
    claims: number;
  }[],
): { granularity: "day" | "month"; rows: TimelineRow[] } {
  const days = points.map((p) => Date.parse(p.day)).filter((t) => !Number.isNaN(t));
  const span = days.length > 0 ? (Math.max(...days) - Math.min(...days)) / DAY_MS : 0;
  const granularity = span > 62 ? "month" : "day";
  const byPeriod = new Map<string, TimelineRow>();
  for (const p of points) {
    const period = granularity === "month" ? p.day.slice(0, 7) : p.day.slice(0, 10);
    let row = byPeriod.get(period);
    if (!row) {
      row = { period, support: 0, deny: 0, query: 0, comment: 0, unassessed: 0 };
      byPeriod.set(period, row);
    }
    row[p.stance ?? "unassessed"] += p.claims;
  }
  return {
    granularity,
    rows: [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period)),
  };
}
