/** Sentence segmentation: Intl.Segmenter plus fix-ups for news prose (abbreviations, quotes). */
import type { TSentence } from "@claimdesk/types";
import { isAbbreviation, isTitleAbbreviation, SENTENCE_STARTERS } from "./abbreviations";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// The last whitespace-delimited token of a piece, minus leading quotes/brackets: "(Gen." → "Gen.".
const LAST_TOKEN = /[^\s"“‘'([{]+$/u;
// `?"` `!”` `?’` … at the end of a piece: a quoted question or exclamation.
const QUOTED_STOP = /[?!]["”’']\s*$/u;
const FIRST_WORD = /^[\s"“‘'([{]*([\p{L}\p{N}]+)/u;
const STARTS_LOWER_OR_DIGIT = /^[\s"“‘'([{]*[\p{Ll}\p{N}]/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
const WHITESPACE = /\s/;

/** Should the segmenter's split between `prev` and `next` (same paragraph) be undone? */
function shouldMerge(prev: string, next: string): boolean {
  const trimmed = prev.trimEnd();
  // `"Why now?" he asked.`: a quoted question followed by its lower-case attribution.
  if (QUOTED_STOP.test(trimmed)) return STARTS_LOWER.test(next);
  if (!trimmed.endsWith(".")) return false;
  const token = LAST_TOKEN.exec(trimmed)?.[0];
  if (!token || token.length < 2) return false;
  const word = token.slice(0, -1);
  if (isTitleAbbreviation(word)) return true;
  if (!isAbbreviation(word)) return false;
  if (STARTS_LOWER_OR_DIGIT.test(next)) return true;
  const first = FIRST_WORD.exec(next)?.[1];
  return first !== undefined && !SENTENCE_STARTERS.has(first);
}

/** Pushes [start, end) trimmed of whitespace, if anything is left. */
function pushTrimmed(text: string, start: number, end: number, out: TSentence[]): void {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text.charAt(s))) s++;
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

// V8's segment iterator costs O(input length) per segment, so one call over a long article is
// quadratic. The text goes to ICU in windows of about this size instead, cut where ICU itself
// always breaks, which keeps the result identical and the cost linear.
const WINDOW_CHARS = 2048;
// After ?/! (plus closing quotes/brackets and spaces) UAX #29 always breaks; after a period only
// when an upper-case letter follows (SB8 keeps "e.g. the" together).
const SAFE_BREAK = /[?!]["'”’)\]]*\s+|\.["'”’)\]]*\s+(?=["'“‘([]*\p{Lu})/gu;

/** End of the ICU window that starts at `from`. */
function windowEnd(text: string, from: number): number {
  const limit = from + WINDOW_CHARS;
  if (limit >= text.length) return text.length;
  const newline = text.slice(from, limit).lastIndexOf("\n");
  if (newline >= 0) return from + newline + 1;
  let best = -1;
  SAFE_BREAK.lastIndex = from;
  for (
    let m = SAFE_BREAK.exec(text);
    m && m.index + m[0].length <= limit;
    m = SAFE_BREAK.exec(text)
  ) {
    best = m.index + m[0].length;
  }
  if (best > from) return best;
  // A run-on window without a safe break: go on to the next break or line, wherever it is.
  SAFE_BREAK.lastIndex = limit;
  const next = SAFE_BREAK.exec(text);
  const nextBreak = next ? next.index + next[0].length : text.length;
  const nextLine = text.indexOf("\n", limit);
  return Math.min(nextBreak, nextLine < 0 ? text.length : nextLine + 1);
}

/**
 * Splits text into sentences as UTF-16 [start, end) offsets, trimmed of whitespace. Every line is
 * its own paragraph and a hard boundary: headlines and subheads without final punctuation never run
 * into the next paragraph.
 */
export function segmentSentences(text: string): TSentence[] {
  const out: TSentence[] = [];
  let curStart = -1;
  let curEnd = -1;
  let curText = "";
  for (let from = 0; from < text.length; ) {
    const to = windowEnd(text, from);
    // ICU always breaks after a line feed (UAX #29 SB4), so pieces never straddle a paragraph.
    for (const piece of segmenter.segment(text.slice(from, to))) {
      const pieceStart = from + piece.index;
      const pieceEnd = pieceStart + piece.segment.length;
      const sameParagraph = curStart >= 0 && !curText.includes("\n");
      if (sameParagraph && shouldMerge(curText, piece.segment)) {
        curEnd = pieceEnd;
        curText = piece.segment; // only the tail matters for the next decision
        continue;
      }
      if (curStart >= 0) pushTrimmed(text, curStart, curEnd, out);
      curStart = pieceStart;
      curEnd = pieceEnd;
      curText = piece.segment;
    }
    from = to;
  }
  if (curStart >= 0) pushTrimmed(text, curStart, curEnd, out);
  return out;
}
