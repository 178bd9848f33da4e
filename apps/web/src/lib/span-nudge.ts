/**
 * Moves one edge of a span by a word, so an analyst can fix a boundary without reselecting:
 * words are runs of letters/digits (with inner apostrophes and hyphens) or single punctuation marks.
 */
import type { TextSpan } from "./selection-offsets";

export type SpanEdge = "start" | "end";
export type NudgeDirection = -1 | 1;

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Token boundaries of `text` between `from` and `to` (clamped), as [start, end] pairs. */
function tokens(text: string, from: number, to: number): Array<[number, number]> {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  // Widen to whitespace so a token cut by the window is seen whole.
  let a = lo;
  while (a > 0 && !/\s/.test(text.charAt(a - 1))) a--;
  let b = hi;
  while (b < text.length && !/\s/.test(text.charAt(b))) b++;
  const out: Array<[number, number]> = [];
  for (const m of text.slice(a, b).matchAll(TOKEN)) {
    const start = a + (m.index ?? 0);
    out.push([start, start + m[0].length]);
  }
  return out;
}

/** How far to look for the neighbouring word: a generous window instead of the whole article. */
const WINDOW = 400;

/**
 * The span with `edge` moved one word in `direction` (-1 left, 1 right): the start snaps to word
 * starts, the end to word ends. Null when it cannot move (text edge, or the span would be empty).
 */
export function nudgeSpan(
  text: string,
  span: { start: number; end: number },
  edge: SpanEdge,
  direction: NudgeDirection,
): TextSpan | null {
  const around = tokens(text, span.start - WINDOW, span.end + WINDOW);
  let start = span.start;
  let end = span.end;
  if (edge === "start") {
    const candidates = around.map(([s]) => s);
    const next =
      direction < 0
        ? candidates.filter((s) => s < span.start).at(-1)
        : candidates.find((s) => s > span.start && s < span.end);
    if (next === undefined) return null;
    start = next;
  } else {
    const candidates = around.map(([, e]) => e);
    const next =
      direction > 0
        ? candidates.find((e) => e > span.end)
        : candidates.filter((e) => e < span.end && e > span.start).at(-1);
    if (next === undefined) return null;
    end = next;
  }
  return { start, end, exact: text.slice(start, end) };
}
