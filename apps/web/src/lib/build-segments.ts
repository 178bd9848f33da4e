/** Cuts an article's text at every claim-span boundary so each piece can be styled by its roles. */

export type SpanRole = "content" | "source" | "cue";

/** One part of one claim: UTF-16 offsets into the article text. */
export interface RoleSpan {
  claimId: number;
  role: SpanRole;
  start: number;
  end: number;
}

export interface SegmentRole {
  claimId: number;
  role: SpanRole;
}

/** A maximal run of text covered by the same set of claim parts (possibly none). */
export interface Segment {
  start: number;
  end: number;
  roles: SegmentRole[];
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Splits `text` (or the part of it `within` a range) into contiguous segments covering it exactly
 * once, cut at every span boundary and at each extra `cuts` offset (e.g. paragraph edges). Each
 * segment lists, in input order, the spans that cover it. Spans are clamped to the text (or the
 * range); empty or inverted spans are ignored.
 */
export function buildSegments(
  text: string,
  spans: readonly RoleSpan[],
  cuts: readonly number[] = [],
  within: TextRange = { start: 0, end: text.length },
): Segment[] {
  const from = Math.max(0, within.start);
  const to = Math.min(within.end, text.length);
  if (to <= from) return [];

  const clamp = (n: number) => Math.max(from, Math.min(n, to));
  const valid = spans
    .map((span, index) => ({ span, index, start: clamp(span.start), end: clamp(span.end) }))
    .filter((s) => s.end > s.start);

  const boundaries = new Set<number>([from, to]);
  for (const s of valid) boundaries.add(s.start).add(s.end);
  for (const cut of cuts) if (cut > from && cut < to) boundaries.add(cut);
  const points = [...boundaries].sort((a, b) => a - b);

  // Sweep left to right: a span enters at its start and leaves at its end. Every span edge is a
  // boundary, so a span active at a segment's start covers the whole segment.
  const pending = [...valid].sort((a, b) => b.start - a.start || b.index - a.index);
  let active: typeof valid = [];
  const segments: Segment[] = [];
  let start = from;
  for (const end of points.slice(1)) {
    active = active.filter((s) => s.end > start);
    for (let top = pending.at(-1); top && top.start <= start; top = pending.at(-1)) {
      active.push(top);
      pending.pop();
    }
    const roles = [...active]
      .sort((a, b) => a.index - b.index)
      .map((s) => ({ claimId: s.span.claimId, role: s.span.role }));
    segments.push({ start, end, roles });
    start = end;
  }
  return segments;
}

/** Paragraphs of cleaned text: its non-blank lines (line breaks separate paragraphs). */
export function paragraphRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    if (m[0].trim() !== "") ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

/**
 * Groups segments (already cut at paragraph edges) under their paragraphs; segments between
 * paragraphs (line breaks) belong to none and are dropped.
 */
export function groupByParagraph(
  segments: readonly Segment[],
  paragraphs: readonly TextRange[],
): Array<TextRange & { segments: Segment[] }> {
  const groups = paragraphs.map((p) => ({ ...p, segments: [] as Segment[] }));
  let g = 0;
  for (const segment of segments) {
    while (g < groups.length && (groups[g]?.end ?? 0) <= segment.start) g++;
    const group = groups[g];
    if (group && segment.start >= group.start && segment.end <= group.end) {
      group.segments.push(segment);
    }
  }
  return groups;
}

/** A piece of a paragraph; `last` when it ends its paragraph (a long paragraph is cut in pieces). */
export interface TextBlock extends TextRange {
  last: boolean;
}

/**
 * The blocks a long article is rendered in, one at a time as they scroll into view: its paragraphs,
 * with any paragraph longer than `maxChars` cut into pieces of at most that many characters
 * (after a sentence's end if one is in the piece's last third, else after a space, else anywhere
 * but inside a surrogate pair), so no block is much taller than a screen.
 */
export function textBlocks(
  text: string,
  paragraphs: readonly TextRange[],
  maxChars: number,
): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const { start, end } of paragraphs) {
    let from = start;
    while (end - from > maxChars) {
      const base = from + Math.floor((maxChars * 2) / 3);
      const tail = text.slice(base, from + maxChars);
      const sentence = [...tail.matchAll(/[.!?…]["'”’»)]*\s+/g)].at(-1);
      const space = [...tail.matchAll(/\s+/g)].at(-1);
      const cut = sentence ?? space;
      let to = cut ? base + cut.index + cut[0].length : from + maxChars;
      const code = text.charCodeAt(to - 1);
      if (!cut && code >= 0xd800 && code <= 0xdbff) to -= 1; // keep a surrogate pair whole
      blocks.push({ start: from, end: to, last: false });
      from = to;
    }
    blocks.push({ start: from, end, last: true });
  }
  return blocks;
}
