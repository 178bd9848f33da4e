/** Checks a processed article's spans: exact text, offsets, trimming, paragraphs, nesting. */
import type { TProcessedArticle, TSpan } from "@claimdesk/types";
import { isAbbreviation } from "./abbreviations";

const EDGE_SPACE = /^\s|\s$/;
const LAST_WORD_BEFORE_PERIOD = /([\p{L}.]+)\.$/u;

function spanProblems(text: string, span: TSpan, label: string): string[] {
  const problems: string[] = [];
  if (span.start < 0 || span.end > text.length || span.end <= span.start) {
    problems.push(`${label}: offsets [${span.start}, ${span.end}) out of range`);
    return problems;
  }
  if (text.slice(span.start, span.end) !== span.exact)
    problems.push(`${label}: exact ≠ text slice`);
  if (EDGE_SPACE.test(span.exact)) problems.push(`${label}: leading or trailing whitespace`);
  if (span.exact.includes("\n")) problems.push(`${label}: crosses a paragraph boundary`);
  return problems;
}

/**
 * Every problem found, as readable strings (empty when all is well). The worker can run this
 * before writing; the tests run it on every article they process.
 */
export function findSpanProblems(
  article: Pick<TProcessedArticle, "text" | "claims" | "sentences">,
): string[] {
  const { text, claims, sentences } = article;
  const problems: string[] = [];
  let previousEnd = 0;
  for (const [i, s] of sentences.entries()) {
    if (s.start < previousEnd) problems.push(`sentence ${i}: overlaps the previous one`);
    if (s.end <= s.start || s.end > text.length) problems.push(`sentence ${i}: bad offsets`);
    const exact = text.slice(s.start, s.end);
    if (EDGE_SPACE.test(exact)) problems.push(`sentence ${i}: not trimmed`);
    if (exact.includes("\n")) problems.push(`sentence ${i}: crosses a paragraph boundary`);
    previousEnd = s.end;
  }
  for (const [i, claim] of claims.entries()) {
    const label = `claim ${i}`;
    problems.push(...spanProblems(text, claim.content, `${label} content`));
    if (claim.sourceMention)
      problems.push(...spanProblems(text, claim.sourceMention, `${label} source`));
    if (claim.cue) problems.push(...spanProblems(text, claim.cue, `${label} cue`));
    const content = claim.content.exact;
    if (content.endsWith(".")) {
      const word = LAST_WORD_BEFORE_PERIOD.exec(content)?.[1];
      if (!word || !isAbbreviation(word)) problems.push(`${label}: content ends with a period`);
    }
    if (/[,;:]$/.test(content)) problems.push(`${label}: content ends with a separator`);
    if (claim.score < 0 || claim.score > 1) problems.push(`${label}: score out of [0, 1]`);
    if (claim.parentIndex !== null) {
      if (claim.parentIndex === i || claim.parentIndex >= claims.length)
        problems.push(`${label}: bad parentIndex ${claim.parentIndex}`);
    }
  }
  // Nesting must be a forest: following parents never loops.
  for (let i = 0; i < claims.length; i++) {
    let hops = 0;
    for (let p = claims[i]?.parentIndex ?? null; p !== null; p = claims[p]?.parentIndex ?? null) {
      if (++hops > claims.length) {
        problems.push(`claim ${i}: parentIndex cycle`);
        break;
      }
    }
  }
  return problems;
}
