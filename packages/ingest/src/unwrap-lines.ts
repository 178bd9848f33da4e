/** Rejoins hard-wrapped lines (fixed-width newswire such as Reuters-21578) into paragraphs. */

const LINE_SPLIT = /\r\n?|\n/;
const INDENTED = /^[ \t]{2,}\S/;
const BLANK = /^\s*$/;
const ENDS_SENTENCE = /[.!?"”’:]\s*$/;
const HYPHEN_BREAK = /\p{L}-$/u;
const STARTS_LOWER = /^\p{Ll}/u;
// A wrapped text has no long lines, and its wrapped lines fill most of the width.
const MAX_WRAPPED_LINE = 110;
const MIN_WRAPPED_LINE = 35;
const MIN_CONTINUATIONS = 3;
const MIN_WRAPPED_SHARE = 0.75;
// Lines ending a sentence are the exception in wrapped text, the rule in one-paragraph-per-line text.
const MAX_SENTENCE_END_SHARE = 0.5;

/** Would lines i and i+1 be one paragraph if the text is wrapped? */
function continues(line: string, next: string | undefined): boolean {
  return next !== undefined && !BLANK.test(line) && !BLANK.test(next) && !INDENTED.test(next);
}

/**
 * Is the text hard-wrapped: short lines that run on into the next non-indented line? Texts where
 * every line is a paragraph (scraped pages, the usual JSONL bodies) are left alone.
 */
export function looksHardWrapped(lines: readonly string[]): boolean {
  let candidates = 0;
  let wrapped = 0;
  let sentenceEnds = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trimEnd();
    if (line.length > MAX_WRAPPED_LINE) return false;
    if (!continues(line, lines[i + 1])) continue;
    candidates++;
    if (line.trim().length >= MIN_WRAPPED_LINE) wrapped++;
    if (ENDS_SENTENCE.test(line)) sentenceEnds++;
  }
  return (
    candidates >= MIN_CONTINUATIONS &&
    wrapped / candidates >= MIN_WRAPPED_SHARE &&
    sentenceEnds / candidates <= MAX_SENTENCE_END_SHARE
  );
}

/**
 * Joins wrapped lines with a space (a word hyphenated across lines keeps its hyphen and no space);
 * blank and indented lines still start new paragraphs. Returns the text unchanged when it does not
 * look hard-wrapped. Runs before normalisation, which would erase the indentation it relies on.
 */
export function unwrapHardWrappedLines(text: string): string {
  if (text.indexOf("\n") < 0) return text;
  const lines = text.split(LINE_SPLIT);
  if (!looksHardWrapped(lines)) return text;
  const out: string[] = [];
  let paragraph = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (BLANK.test(line)) {
      if (paragraph) out.push(paragraph);
      paragraph = "";
      out.push("");
      continue;
    }
    const trimmed = line.trim();
    if (paragraph && !INDENTED.test(line)) {
      const glue = HYPHEN_BREAK.test(paragraph) && STARTS_LOWER.test(trimmed) ? "" : " ";
      paragraph += glue + trimmed;
    } else {
      if (paragraph) out.push(paragraph);
      paragraph = trimmed;
    }
  }
  if (paragraph) out.push(paragraph);
  return out.join("\n");
}
