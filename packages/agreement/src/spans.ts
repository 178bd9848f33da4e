/**
 * Span agreement between two analysts: a span of one matches a span of the other when they overlap
 * (share at least one character); matching is one-to-one, greedy by largest overlap. With m matches
 * between |A| and |B| spans, F1 = 2m / (|A| + |B|) — the harmonic mean of precision m/|B| and recall
 * m/|A| taking either side as the reference, so it is symmetric.
 */

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface SpanMatch {
  /** Index into the first list. */
  a: number;
  /** Index into the second list. */
  b: number;
  /** Characters the two spans share. */
  overlap: number;
}

export interface SpanCounts {
  aCount: number;
  bCount: number;
  matched: number;
}

export interface SpanAgreement extends SpanCounts {
  /** null when both lists are empty (nothing to agree or disagree on). */
  f1: number | null;
  matches: SpanMatch[];
}

export function overlapLength(x: Span, y: Span): number {
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

/** One-to-one matches: every overlapping pair, largest overlap first (ties: earlier a, then b). */
export function matchSpans(a: readonly Span[], b: readonly Span[]): SpanMatch[] {
  const candidates: SpanMatch[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      const overlap = overlapLength(x, y);
      if (overlap > 0) candidates.push({ a: i, b: j, overlap });
    });
  });
  candidates.sort((p, q) => q.overlap - p.overlap || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matches: SpanMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    matches.push(c);
  }
  return matches;
}

export function f1OfCounts(counts: SpanCounts): number | null {
  const denominator = counts.aCount + counts.bCount;
  return denominator === 0 ? null : (2 * counts.matched) / denominator;
}

export function spanOverlapF1(a: readonly Span[], b: readonly Span[]): SpanAgreement {
  const matches = matchSpans(a, b);
  const counts = { aCount: a.length, bCount: b.length, matched: matches.length };
  return { ...counts, f1: f1OfCounts(counts), matches };
}

/** Micro-average: counts summed over documents, then one F1. */
export function microSpanF1(parts: readonly SpanCounts[]): SpanCounts & { f1: number | null } {
  const sum = parts.reduce(
    (s, p) => ({
      aCount: s.aCount + p.aCount,
      bCount: s.bCount + p.bCount,
      matched: s.matched + p.matched,
    }),
    { aCount: 0, bCount: 0, matched: 0 },
  );
  return { ...sum, f1: f1OfCounts(sum) };
}

/**
 * Groups spans into clusters of transitively overlapping spans (a–b overlap and b–c overlap put
 * a, b and c together). Returns, for each cluster, the indices of its spans in ascending order;
 * clusters are ordered by their first span's start.
 */
export function overlapClusters(spans: readonly Span[]): number[][] {
  const order = spans
    .map((_, i) => i)
    .sort((i, j) => {
      const x = spans[i] as Span;
      const y = spans[j] as Span;
      return x.start - y.start || x.end - y.end || i - j;
    });
  const clusters: number[][] = [];
  let current: number[] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const s = spans[i] as Span;
    // Sorted by start: s joins the cluster when it starts before the cluster's furthest end.
    if (current.length > 0 && s.start < reach && s.end > s.start) {
      current.push(i);
      reach = Math.max(reach, s.end);
    } else {
      if (current.length > 0) clusters.push(current.sort((x, y) => x - y));
      current = [i];
      reach = s.end;
    }
  }
  if (current.length > 0) clusters.push(current.sort((x, y) => x - y));
  return clusters;
}

/** One-to-one matches of equal spans (same start and end), as the PolNeAR bench's exact score. */
export function exactSpanMatches(a: readonly Span[], b: readonly Span[]): number {
  const counts = new Map<string, number>();
  for (const s of b)
    counts.set(`${s.start}:${s.end}`, (counts.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let matched = 0;
  for (const s of a) {
    const key = `${s.start}:${s.end}`;
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      counts.set(key, left - 1);
      matched++;
    }
  }
  return matched;
}
