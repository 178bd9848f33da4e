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

/** How far around a point sentences are segmented (a sentence longer than this is cut there). */
const SENTENCE_WINDOW = 4000;
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });

/** The sentences (trimmed, non-empty) of `text` around `offset`, as spans. */
function sentencesAround(text: string, offset: number): TextSpan[] {
  const from = Math.max(0, offset - SENTENCE_WINDOW);
  const to = Math.min(text.length, offset + SENTENCE_WINDOW);
  const out: TextSpan[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text.slice(from, to))) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body === "") continue;
    const start = from + index + lead;
    out.push({ start, end: start + body.length, exact: body });
  }
  // A sentence cut by the window's edge is not one: drop it unless the edge is the text's.
  return out.filter(
    (s, i) =>
      (i > 0 || from === 0 || s.start > from) &&
      (i < out.length - 1 || to === text.length || s.end < to),
  );
}

/** The sentence holding `offset` (or the next one after it), or null in an empty text. */
export function sentenceAt(text: string, offset: number): TextSpan | null {
  const around = sentencesAround(text, offset);
  return around.find((s) => s.end > offset) ?? around.at(-1) ?? null;
}

/**
 * The sentence after (direction 1) or before (-1) the one `span` starts in, or null at the text's
 * edge.
 */
export function adjacentSentence(
  text: string,
  span: { start: number; end: number },
  direction: NudgeDirection,
): TextSpan | null {
  const current = sentenceAt(text, span.start);
  if (!current) return null;
  if (direction > 0) {
    return current.end >= text.length ? null : sentenceAt(text, current.end);
  }
  const before = sentencesAround(text, current.start).filter((s) => s.end <= current.start);
  return before.at(-1) ?? null;
}

/** The first word of `within` that lies before `before`, or null. */
export function firstWord(
  text: string,
  within: { start: number; end: number },
  before: number = within.end,
): TextSpan | null {
  const word = tokens(text, within.start, within.end).find(
    ([s, e]) =>
      s >= within.start &&
      e <= Math.min(before, within.end) &&
      /[\p{L}\p{N}]/u.test(text.charAt(s)),
  );
  return word ? { start: word[0], end: word[1], exact: text.slice(word[0], word[1]) } : null;
}

/** The last word that ends at or before `offset` (within `floor`..), or null. */
export function wordBefore(text: string, offset: number, floor = 0): TextSpan | null {
  const word = tokens(text, Math.max(floor, offset - WINDOW), offset)
    .filter(([s, e]) => s >= floor && e <= offset && /[\p{L}\p{N}]/u.test(text.charAt(s)))
    .at(-1);
  return word ? { start: word[0], end: word[1], exact: text.slice(word[0], word[1]) } : null;
}

/**
 * A first guess at a claim's source mention or cue, from its sentence: the source is the
 * sentence's first word before the content (or the first word after it, for "“…,” the source
 * said"); the cue is the word just before the content (skipping "that"), or the sentence's last.
 */
export function guessSpan(
  text: string,
  claim: {
    contentStart: number;
    contentEnd: number;
    sourceStart: number | null;
    sourceEnd: number | null;
  },
  role: "sourceMention" | "cue",
): TextSpan | null {
  const sentence = sentenceAt(text, claim.contentStart);
  if (!sentence) return null;
  const before = { start: sentence.start, end: Math.min(claim.contentStart, sentence.end) };
  const after = { start: Math.max(claim.contentEnd, sentence.start), end: sentence.end };
  const sourceFirst = firstWord(text, before) !== null;
  if (role === "sourceMention")
    return sourceFirst ? firstWord(text, before) : firstWord(text, after);
  if (sourceFirst) {
    const floor = claim.sourceEnd ?? sentence.start;
    const word = wordBefore(text, claim.contentStart, floor);
    if (word && /^that$/i.test(word.exact)) return wordBefore(text, word.start, floor);
    return word;
  }
  return wordBefore(text, sentence.end, Math.max(claim.contentEnd, claim.sourceEnd ?? 0));
}

/** A sentence as a proposed claim content: without its closing full stop (as claims are marked). */
export function withoutFinalStop(sentence: TextSpan): TextSpan {
  const m = /\s*[.!?]+$/.exec(sentence.exact);
  if (!m || m.index === 0) return sentence;
  const exact = sentence.exact.slice(0, m.index);
  return { start: sentence.start, end: sentence.start + exact.length, exact };
}
