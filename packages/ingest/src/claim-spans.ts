/** Claim content spans: trimming, quotation balancing and quote type. */
import type { TQuoteType } from "@claimdesk/types";
import { isAbbreviation } from "./abbreviations";

const TRAILING_TRIM = /[\s,;:]/;
const LEADING_TRIM = /[\s,;:]/;
const LAST_TOKEN_BEFORE_PERIOD = /([^\s(“"‘']+)\.$/u;
const OPENING_QUOTE_CHARS = /[“‘«„‹]/;
const CLOSING_QUOTE_CHARS = /[”»›]/;

function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  const tail = text.slice(Math.max(start, end - 24), end);
  const word = LAST_TOKEN_BEFORE_PERIOD.exec(tail)?.[1];
  return word !== undefined && isAbbreviation(word, false);
}

/** Trims whitespace, separators and a sentence-final period (not an abbreviation's). */
export function trimContent(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    while (e > s && TRAILING_TRIM.test(text.charAt(e - 1))) e--;
    if (e > s && text.charAt(e - 1) === "." && !endsWithAbbreviation(text, s, e)) {
      e--;
      continue;
    }
    break;
  }
  while (s < e && LEADING_TRIM.test(text.charAt(s))) s++;
  return [s, e];
}

/** The paragraph (line) start at or before `pos`. */
const MAX_QUOTE_LOOKBACK = 2000;

/** The text before `pos` that a quotation may reach back into: same paragraph, bounded. */
function lookbackWindow(text: string, pos: number): { floor: number; window: string } {
  const bound = Math.max(0, pos - MAX_QUOTE_LOOKBACK);
  const slice = text.slice(bound, pos);
  const newline = slice.lastIndexOf("\n");
  return newline < 0
    ? { floor: bound, window: slice }
    : { floor: bound + newline + 1, window: slice.slice(newline + 1) };
}
const STRAIGHT_QUOTE = /"/g;
const CLOSING_QUOTE_OR_STRAIGHT = /["”»›]/;
const OPENING_QUOTES_ALL = /[“«„‹]/g;
const CLOSING_QUOTES_ALL = /[”»›]/g;

/**
 * Content that starts at a sentence start but closes a quotation opened in an earlier sentence of
 * the paragraph (`“We will respond. The time is ours,” he said.`) is extended back to the opening.
 */
export function balanceQuotes(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  if (!CLOSING_QUOTE_OR_STRAIGHT.test(slice)) return [start, end];
  const straight = (slice.match(STRAIGHT_QUOTE) ?? []).length;
  if (straight % 2 === 1 && slice.endsWith('"')) {
    // Straight quotes have no direction: an odd count closing the content opened earlier.
    const { floor, window } = lookbackWindow(text, start);
    const open = window.lastIndexOf('"');
    if (open >= 0) return [floor + open, end];
  }
  const opens = (slice.match(OPENING_QUOTES_ALL) ?? []).length;
  const closes = (slice.match(CLOSING_QUOTES_ALL) ?? []).length;
  if (closes <= opens) return [start, end];
  const { floor } = lookbackWindow(text, start);
  let depth = closes - opens;
  for (let i = start - 1; i >= floor; i--) {
    const c = text.charAt(i);
    if (CLOSING_QUOTE_CHARS.test(c)) depth++;
    else if (OPENING_QUOTE_CHARS.test(c)) {
      depth--;
      if (depth === 0) return [i, end];
    }
  }
  // No opening found: drop the dangling closing quote rather than show an unbalanced span.
  let e = end;
  while (
    e > start &&
    (CLOSING_QUOTE_CHARS.test(text.charAt(e - 1)) ||
      TRAILING_TRIM.test(text.charAt(e - 1)) ||
      text.charAt(e - 1) === ".")
  )
    e--;
  return trimContent(text, start, e);
}

const MAX_QUOTE_LOOKAHEAD = 2000;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const STRAIGHT_DOUBLE = 0x22;
const APOSTROPHE = 0x27;

/** The index just past the quotation mark that closes an open quotation from `from`, or -1. */
function closingQuoteAfter(
  text: string,
  from: number,
  kind: "curly" | "straight" | "doubled",
): number {
  const limit = Math.min(text.length, from + MAX_QUOTE_LOOKAHEAD);
  let depth = 1;
  for (let i = from; i < limit; i++) {
    const c = text.charAt(i);
    if (c === "\n") return -1;
    if (kind === "curly") {
      if (c === "“") depth++;
      else if (c === "”" && --depth === 0) return i + 1;
    } else if (kind === "straight") {
      if (c === '"') return i + 1;
    } else if (c === "'" && text.charAt(i + 1) === "'") return i + 2;
  }
  return -1;
}

/**
 * Content that opens a quotation it does not close (`said “We will win. The time is ours.”`,
 * split by the segmenter) is extended forward to the closing mark in the same paragraph.
 */
export function closeQuotation(text: string, start: number, end: number): [number, number] {
  let curly = 0;
  let straight = 0;
  let doubled = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_DOUBLE) curly++;
    else if (c === RIGHT_DOUBLE) curly--;
    else if (c === STRAIGHT_DOUBLE) straight++;
    else if (c === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) {
      doubled++;
      i++;
    }
  }
  const kind =
    curly > 0 ? "curly" : straight % 2 === 1 ? "straight" : doubled % 2 === 1 ? "doubled" : null;
  if (!kind) return [start, end];
  const close = closingQuoteAfter(text, end, kind);
  return close < 0 ? [start, end] : trimContent(text, start, close);
}

const ANY_QUOTE = /[“”«»„‹›"‘]/;
const FULLY_QUOTED = /^[“"‘«„]([^“”"«»„]*)[”"’»]$/;

export function quoteTypeOf(content: string): TQuoteType {
  if (FULLY_QUOTED.test(content)) return "direct";
  return ANY_QUOTE.test(content) ? "mixed" : "indirect";
}
