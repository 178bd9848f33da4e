/** One sentence under analysis and the draft claims the rules add to it. */
import type { TSentence } from "@claimdesk/types";
import type { Range } from "./attribution-phrases";
import type { ClaimRule, Draft } from "./claim-draft";
import { balanceQuotes, closeQuotation, trimContent } from "./claim-spans";
import type { ReportingCue } from "./reporting-verbs";
import type { Token } from "./sentence-tokens";

/** Words a content before its cue needs to be a clause of its own (`C, S V, C2`). */
export const MIN_HEAD_CLAUSE_WORDS = 4;

export interface SentenceContext {
  readonly text: string;
  readonly index: number;
  readonly toks: readonly Token[];
  readonly drafts: Draft[];
  /** The source of the latest claim in this sentence, for participle cues. */
  lastSource: { start: number; end: number } | null;
  lastDraft: Draft | null;
  /** The previous sentence when it is in the same paragraph and ends a quotation. */
  readonly previous: TSentence | null;
  /** Is token k inside a quotation (opened in this sentence or earlier in the paragraph)? */
  readonly quoted: Uint8Array | null;
}

export function addDraft(
  ctx: SentenceContext,
  rule: ClaimRule,
  cue: ReportingCue,
  cueRange: Range,
  source: Range | { start: number; end: number } | null,
  contentStart: number,
  contentEndOffset: number,
  penalty = 0,
): Draft | null {
  const { text, toks } = ctx;
  let [cs, ce] = trimContent(text, contentStart, contentEndOffset);
  [cs, ce] = balanceQuotes(text, cs, ce);
  [cs, ce] = closeQuotation(text, cs, ce);
  if (ce <= cs) return null;
  const cueFrom = toks[cueRange.from];
  const cueTo = toks[cueRange.to];
  if (!cueFrom || !cueTo) return null;
  let src: { start: number; end: number } | null = null;
  if (source && "from" in source) {
    const a = toks[source.from];
    const b = toks[source.to];
    if (a && b) src = { start: a.s, end: b.e };
  } else src = source;
  const draft: Draft = {
    sentence: ctx.index,
    rule,
    cue,
    cueStart: cueFrom.s,
    cueEnd: cueTo.e,
    source: src,
    contentStart: cs,
    contentEnd: ce,
    score: rule.baseScore - penalty,
    sourceName: null,
    kind: null,
    resolved: false,
  };
  ctx.drafts.push(draft);
  if (src) {
    ctx.lastSource = src;
    ctx.lastDraft = draft;
  }
  return draft;
}
