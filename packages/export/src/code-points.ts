/**
 * Offsets: Claimdesk stores UTF-16 indices (what JavaScript strings use); W3C selectors count
 * Unicode code points. Also the ~32-character context around a span, never splitting a pair.
 */
import { EXPORT_CONTEXT_CHARS } from "@claimdesk/types";

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A converter from UTF-16 offsets to code-point offsets for one text. Texts without astral
 * characters (nearly all) convert for free; others pay one pass for a table of low surrogates.
 */
export function codePointConverter(text: string): (utf16Offset: number) => number {
  if (!SURROGATE.test(text)) return (offset) => offset;
  // lowSurrogatesBefore[i] = how many low surrogates of a pair sit before index i.
  const before = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = n;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n++;
    }
  }
  before[text.length] = n;
  return (offset) => offset - (before[Math.min(Math.max(offset, 0), text.length)] ?? 0);
}

/** The code-point offset of a UTF-16 offset (one-off use; see codePointConverter for many). */
export function utf16ToCodePointOffset(text: string, utf16Offset: number): number {
  return codePointConverter(text)(utf16Offset);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Up to `size` UTF-16 units before `start` and after `end`, widened so no pair is cut in half. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  size = EXPORT_CONTEXT_CHARS,
): { prefix: string; suffix: string } {
  let from = Math.max(0, start - size);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from--;
  let to = Math.min(text.length, end + size);
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to++;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}
