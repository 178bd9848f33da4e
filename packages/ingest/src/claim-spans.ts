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

const ANY_QUOTE = /[“”«»„‹›"‘]/;
const FULLY_QUOTED = /^[“"‘«„]([^“”"«»„]*)[”"’»]$/;

export function quoteTypeOf(content: string): TQuoteType {
  if (FULLY_QUOTED.test(content)) return "direct";
  return ANY_QUOTE.test(content) ? "mixed" : "indirect";
}
