/**
 * Span scoring per role, BBC Citron / PARC style: exact and overlap, one-to-one greedy matching.
 * A gold span with several parts ("Q1," he said, "Q2.") is matched exactly by a prediction equal to
 * one part or to the hull of all parts, and by overlap when the prediction touches any part.
 */
export type Role = "source" | "cue" | "content";
export const ROLES: readonly Role[] = ["source", "cue", "content"];

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Counts {
  predicted: number;
  gold: number;
  matchedPredicted: number;
  matchedGold: number;
}

export const emptyCounts = (): Counts => ({
  predicted: 0,
  gold: 0,
  matchedPredicted: 0,
  matchedGold: 0,
});

// Edges trimmed before exact comparison: whitespace, punctuation and quotation marks.
const EDGE = /[\s\p{P}\p{S}]/u;
// Claimdesk's content leaves out the "that" complementiser; PARC/PolNeAR keep it in.
const LEADING_THAT = /^that\s+/i;

export function trimRange(text: string, r: Range, role: Role): Range {
  let s = r.start;
  let e = r.end;
  for (let pass = 0; pass < 2; pass++) {
    while (s < e && EDGE.test(text.charAt(s))) s++;
    while (e > s && EDGE.test(text.charAt(e - 1))) e--;
    if (role !== "content") break;
    const m = LEADING_THAT.exec(text.slice(s, Math.min(e, s + 12)));
    if (!m) break;
    s += m[0].length;
  }
  return { start: s, end: e };
}

export interface GoldSpan {
  readonly parts: readonly Range[];
  /** Trimmed parts plus the trimmed hull: the ranges an exact prediction may equal. */
  readonly exactKeys: readonly string[];
}

const key = (r: Range): string => `${r.start}:${r.end}`;

export function goldSpan(text: string, parts: readonly Range[], role: Role): GoldSpan {
  const trimmed = parts.map((p) => trimRange(text, p, role));
  const keys = new Set(trimmed.map(key));
  if (parts.length > 1) {
    const start = Math.min(...parts.map((p) => p.start));
    const end = Math.max(...parts.map((p) => p.end));
    keys.add(key(trimRange(text, { start, end }, role)));
  }
  return { parts, exactKeys: [...keys] };
}

function overlapLength(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Matches predictions to gold one-to-one; returns [exact matches, overlap matches]. */
export function matchRole(
  text: string,
  gold: readonly GoldSpan[],
  predicted: readonly Range[],
  role: Role,
): [number, number] {
  // Exact: each prediction takes the first unmatched gold span with an equal key.
  const usedExact = new Set<number>();
  let exact = 0;
  for (const p of predicted) {
    const k = key(trimRange(text, p, role));
    const g = gold.findIndex((s, i) => !usedExact.has(i) && s.exactKeys.includes(k));
    if (g >= 0) {
      usedExact.add(g);
      exact++;
    }
  }
  // Overlap: candidate pairs by overlap size, best first (greedy one-to-one).
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, pi) => {
    gold.forEach((s, gi) => {
      const o = s.parts.reduce((sum, part) => sum + overlapLength(p, part), 0);
      if (o > 0) pairs.push([o, pi, gi]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const [, pi, gi] of pairs) {
    if (usedP.has(pi) || usedG.has(gi)) continue;
    usedP.add(pi);
    usedG.add(gi);
  }
  return [exact, usedP.size];
}

export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f: number;
}

export function prf(c: Counts): Prf {
  const p = c.predicted ? c.matchedPredicted / c.predicted : 0;
  const r = c.gold ? c.matchedGold / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
