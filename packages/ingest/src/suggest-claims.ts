/**
 * Rule-based claim suggester [PARC: source, cue, content] over segmented sentences.
 *
 * Span conventions (all UTF-16 offsets into the cleaned text, never crossing a line):
 * - content excludes the sentence's final period, a trailing comma and the "that" complementiser;
 *   quotation marks at its edges stay in, so a quoted fragment is always balanced. American
 *   punctuation puts the attribution comma inside the quotes (`…safety,” the source said`): the
 *   content then ends with `,”` rather than cutting the quotation open.
 * - a parenthetical attribution (`X, he said, Y`) cannot be represented by one span without the
 *   attribution itself: the content is X when X is a full clause, else the whole sentence.
 */
import type { TSentence, TSpan, TSuggestedClaim } from "@claimdesk/types";
import {
  accordingToSource,
  CONJUNCTIONS,
  nextIsSentenceEnd,
  withTrailingAppositive,
  wordCount,
} from "./attribution-phrases";
import type { ClaimRule, Draft } from "./claim-draft";
import { CLAIM_RULES } from "./claim-rules";
import { quoteTypeOf } from "./claim-spans";
import { withoutNestedStances } from "./nested-claims";
import {
  inPollLead,
  inPollTail,
  NOMINAL_CUE_WORDS,
  type NominalClaim,
  nounThatCue,
  possessedNounCue,
} from "./nominal-cues";
import { tryQuoteThenCue } from "./quote-then-cue";
import { tryReducedPassive } from "./reduced-passive";
import { tryRelativeObject } from "./relative-object";
import { ACCORDING_TO, REPORTING_VERBS } from "./reporting-verbs";
import { resolveSources } from "./resolve-sources";
import { addDraft, MIN_HEAD_CLAUSE_WORDS, type SentenceContext } from "./sentence-context";
import { DIGITS, type Token, tokenize } from "./sentence-tokens";
import { tryAskedQuestion, tryKnownAs, tryRaising, tryReportedly } from "./sourceless-cues";
import { tryLabelledQuote, trySpeakerColon } from "./speaker-colon";
import { BE, RAISING_ADVERBS, SPECIAL_WORDS, Special } from "./special-words";
import { tryPhraseCue, tryVerbCue } from "./verb-clause-rules";
import { wordSet } from "./word-set";

export type { ClaimRule } from "./claim-draft";
export { CLAIM_RULES } from "./claim-rules";
export { quoteTypeOf } from "./claim-spans";

// Longer "sentences" are tables, lists or unpunctuated dumps (the longest in Reuters-21578, BBC
// News and PolNeAR is ~1,100 chars); skipping them keeps the suggester linear in the text.
export const MAX_SENTENCE_CHARS = 3000;

function tryAccordingTo(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  const found = accordingToSource(toks, k + 2);
  if (!found) return;
  const cueRange = { from: k, to: k + 1 };
  const sentenceStart = toks[0]?.s ?? 0;
  // Leading: "According to S, C" / "According to S: “Q”".
  if (k === 0 || (k === 1 && toks[0]?.word && CONJUNCTIONS.has(toks[0].lw))) {
    const np = found;
    const after = toks[np.to + 1];
    if (after?.t !== "," && after?.t !== ":") return;
    const contentTok = toks[np.to + 2];
    const last = toks[toks.length - 1];
    if (!contentTok || !last) return;
    addDraft(ctx, CLAIM_RULES.accordingToLead, ACCORDING_TO, cueRange, np, contentTok.s, last.e);
    return;
  }
  // Trailing: "C, according to S" (S may end with an appositive: "…ambassador, Piet Varga.").
  const np = withTrailingAppositive(toks, found);
  const after = toks[np.to + 1];
  const before = toks[k - 1];
  const headEnd = before?.t === "," ? toks[k - 2]?.e : before?.e;
  const last = toks[toks.length - 1];
  const headWords = wordCount(toks, 0, k - 1);
  if (headEnd === undefined || !last || headWords === 0) return;
  const add = (end: number, penalty: number) =>
    addDraft(
      ctx,
      CLAIM_RULES.accordingToTail,
      ACCORDING_TO,
      cueRange,
      np,
      sentenceStart,
      end,
      penalty,
    );
  if (after?.t === "," && !nextIsSentenceEnd(toks, np.to + 2)) {
    // Parenthetical "C, according to S, C2": C alone when it is a clause, else the sentence.
    if (headWords >= MIN_HEAD_CLAUSE_WORDS) add(headEnd, 0.1);
    else add(last.e, 0.25);
    return;
  }
  add(headEnd, 0);
}

// A module-local alias: the per-token lookup then skips the import binding's accessor.
const NOMINAL_WORDS: ReadonlySet<string> = NOMINAL_CUE_WORDS;

function addNominal(ctx: SentenceContext, rule: ClaimRule, found: NominalClaim | null): boolean {
  const from = found ? ctx.toks[found.content.from] : undefined;
  const to = found ? ctx.toks[found.content.to] : undefined;
  if (!found || !from || !to) return false;
  const { cue, cueRange, source } = found;
  return addDraft(ctx, rule, cue, cueRange, source, from.s, to.e) !== null;
}

function suggestInSentence(ctx: SentenceContext): void {
  const { toks } = ctx;
  let headline: boolean | undefined;
  if (toks[0]?.cap) trySpeakerColon(ctx);
  if (ctx.quoted?.[0] !== 1) tryLabelledQuote(ctx);
  if (ctx.quoted?.[0] !== 1) addNominal(ctx, CLAIM_RULES.inPoll, inPollLead(toks));
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (!tok?.word) continue;
    // A cue inside a quotation is the speaker's own wording ("I think…", "we told them…"):
    // PARC and PolNeAR leave such nested attributions out.
    if (ctx.quoted?.[k] === 1) continue;
    // The participle ending the cue just drafted ("issued a statement saying") is no cue again.
    const latest = ctx.drafts[ctx.drafts.length - 1];
    if (latest?.cueEnd === tok.e && latest.cueStart < tok.s && tok.lw.endsWith("ing")) continue;
    // One lookup for the words with rules of their own (most tokens have none).
    const special = SPECIAL_WORDS.get(tok.lw);
    if (special !== undefined && trySpecial(ctx, k, special)) {
      if (special === Special.AccordingTo) k++;
      continue;
    }
    // Most tokens are neither a communication noun nor "in": one set lookup each.
    if (NOMINAL_WORDS.has(tok.lw) && !tok.cue) {
      const found = tok.lw === "in" ? inPollTail(toks, k) : possessedNounCue(toks, k);
      const rule = tok.lw === "in" ? CLAIM_RULES.inPoll : CLAIM_RULES.possessedNoun;
      if (addNominal(ctx, rule, found)) continue;
      if (addNominal(ctx, CLAIM_RULES.nounThat, nounThatCue(toks, k))) continue;
    }
    if (!tok.cue) {
      // Headline case ("Trump Says He Will Win"): a capitalised finite cue after a name.
      if (tok.cap && k > 0 && HEADLINE_CUES.has(tok.lw) && toks[k - 1]?.cap) {
        headline ??= isHeadlineCase(toks);
        const cue = headline ? REPORTING_VERBS.get(tok.lw) : undefined;
        if (cue) tryVerbCue(ctx, k, cue, CLAIM_RULES.headlineCue);
      }
      continue;
    }
    const cue = REPORTING_VERBS.get(tok.lw);
    if (!cue) continue;
    const before = ctx.drafts.length;
    tryVerbCue(ctx, k, cue);
    if (ctx.drafts.length === before) tryRelativeObject(ctx, k, cue);
    if (ctx.drafts.length === before) tryReducedPassive(ctx, k, cue);
  }
  if (ctx.previous) tryQuoteThenCue(ctx);
}

/** Runs the rule of a special word at token `k`; true when the token needs nothing else. */
function trySpecial(ctx: SentenceContext, k: number, special: Special): boolean {
  const { toks } = ctx;
  switch (special) {
    case Special.Reportedly:
      tryReportedly(ctx, k);
      return true;
    case Special.Asked:
      return tryAskedQuestion(ctx, k);
    case Special.Raising:
      tryRaising(ctx, k);
      return true;
    case Special.Expected: {
      const prev = toks[k - 1]?.lw ?? "";
      const passive = BE.has(prev) || (RAISING_ADVERBS.has(prev) && BE.has(toks[k - 2]?.lw ?? ""));
      if (passive) tryRaising(ctx, k);
      return passive;
    }
    case Special.Known:
      tryKnownAs(ctx, k);
      return true;
    case Special.AccordingTo:
      if (toks[k + 1]?.lw !== "to") return false;
      tryAccordingTo(ctx, k);
      return true;
    default:
      if (!toks[k]?.cap) tryPhraseCue(ctx, k, special);
      return false;
  }
}

// Finite cue forms that headlines capitalise: "Clinton Says…", "Sanders Slams…", "Trump Vows…".
const HEADLINE_CUES: ReadonlySet<string> = wordSet(`
  says said tells told warns warned claims urges urged vows vowed slams slammed blasts accuses
  accused denies denied insists admits admitted predicts praises defends endorses endorsed
  suggests argues threatens threatened pledges promises explains announces announced reveals
  confirms confirmed thinks believes rejects rejected criticizes criticises condemns dismisses
  demands hints questions calls called wants backs supports touts mocks quips
`);
const MIN_HEADLINE_WORDS = 3;

/** Is the sentence in title case: (nearly) every word of four or more letters capitalised? */
function isHeadlineCase(toks: readonly Token[]): boolean {
  let long = 0;
  let lower = 0;
  for (let i = 1; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok?.word || tok.t.length < 4 || DIGITS.test(tok.t)) continue;
    long++;
    if (!tok.cap) lower++;
  }
  return long >= MIN_HEADLINE_WORDS && lower * 10 <= long;
}

function span(text: string, start: number, end: number): TSpan {
  return { start, end, exact: text.slice(start, end) };
}

const WORD = /[\p{L}\p{N}]+/gu;
const SHORT_CONTENT_WORDS = 3;
// Claims are in cue order, so a parent is among the few claims around its child.
const NEST_WINDOW = 8;

function finalise(text: string, drafts: readonly Draft[]): TSuggestedClaim[] {
  const claims: TSuggestedClaim[] = drafts.map((d) => {
    const content = span(text, d.contentStart, d.contentEnd);
    const words = content.exact.match(WORD)?.length ?? 0;
    const score = d.score - (words < SHORT_CONTENT_WORDS ? 0.2 : 0);
    return {
      content,
      sourceMention: d.source ? span(text, d.source.start, d.source.end) : null,
      cue: span(text, d.cueStart, d.cueEnd),
      cueLemma: d.cue.lemma,
      sourceName: d.sourceName,
      sourceKindGuess: d.kind,
      ...(d.sourceIsDescription ? { sourceIsDescription: true } : {}),
      quoteType: quoteTypeOf(content.exact),
      reportingStanceGuess: d.cue.stance,
      parentIndex: null,
      origin: `rule:${d.rule.name}@${d.rule.version}`,
      score: Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100,
    };
  });
  // Nesting: the smallest other claim whose content holds this claim's cue and content
  // ("Reuters reported that officials said …"). Only nearby claims can nest.
  for (let i = 0; i < claims.length; i++) {
    const inner = claims[i];
    if (!inner?.cue) continue;
    const lo = Math.min(inner.cue.start, inner.content.start);
    const hi = Math.max(inner.cue.end, inner.content.end);
    let best = -1;
    let bestLength = Number.POSITIVE_INFINITY;
    for (let j = Math.max(0, i - NEST_WINDOW); j < Math.min(claims.length, i + NEST_WINDOW); j++) {
      const outer = claims[j];
      if (j === i || !outer) continue;
      const c = outer.content;
      if (c.start <= lo && c.end >= hi && c.end - c.start < bestLength) {
        if (outer.cue && outer.cue.start >= lo && outer.cue.end <= hi) continue;
        best = j;
        bestLength = c.end - c.start;
      }
    }
    if (best >= 0) inner.parentIndex = best;
  }
  return withoutNestedStances(claims, NEST_WINDOW);
}

const CLOSING_QUOTE_END = /[”"’']$/;
const SENTENCE_PUNCTUATION = /[?!.,]/;

function quotationBefore(
  text: string,
  prev: TSentence | undefined,
  sentence: TSentence,
): TSentence | null {
  if (!prev || prev.end > sentence.start) return null;
  const close = text.slice(prev.end - 1, prev.end);
  // `“Do you want…?“ he asked.`: some archives close with an opening mark after the punctuation.
  const turned = close === "“" && SENTENCE_PUNCTUATION.test(text.slice(prev.end - 2, prev.end - 1));
  if (!CLOSING_QUOTE_END.test(close) && !turned) return null;
  return text.slice(prev.end, sentence.start).includes("\n") ? null : prev;
}

/**
 * Per token: inside a quotation? Curly double quotes open and close, straight double quotes and
 * doubled apostrophes ('' in some archives) toggle, a paragraph break closes; single quotes are
 * left out (apostrophes). `state` carries an open quotation from sentence to sentence. Null when
 * nothing in the sentence is quoted.
 */
function quotedTokens(
  text: string,
  toks: readonly Token[],
  state: { end: number; inside: boolean },
  start: number,
): Uint8Array | null {
  if (state.inside && text.slice(state.end, start).includes("\n")) state.inside = false;
  let inside = state.inside;
  let out: Uint8Array | null = null;
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k] as Token;
    if (tok.word) {
      if (inside) {
        out ??= new Uint8Array(toks.length);
        out[k] = 1;
      }
      continue;
    }
    const t = tok.t;
    if (t === "“") inside = true;
    else if (t === "”") inside = false;
    else if (t === '"') inside = !inside;
    else if (t === "'" && toks[k + 1]?.t === "'" && toks[k + 1]?.s === tok.e) {
      inside = !inside;
      k++;
    }
  }
  state.inside = inside;
  state.end = toks[toks.length - 1]?.e ?? start;
  return out;
}

/**
 * Suggests attributed claims for `text` (already cleaned and normalised) given its sentences.
 * Claims come out in text order of their cues; `parentIndex` refers into the returned array.
 */
export function suggestClaims(text: string, sentences: readonly TSentence[]): TSuggestedClaim[] {
  const drafts: Draft[] = [];
  const quotes = { end: 0, inside: false };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (!sentence || sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
    const toks = tokenize(text, sentence.start, sentence.end);
    const previous = quotationBefore(text, sentences[i - 1], sentence);
    const quoted = quotedTokens(text, toks, quotes, sentence.start);
    suggestInSentence({
      text,
      index: i,
      toks,
      drafts,
      lastSource: null,
      lastDraft: null,
      previous,
      quoted,
    });
  }
  drafts.sort((a, b) => a.cueStart - b.cueStart);
  resolveSources(text, sentences, drafts);
  return finalise(text, drafts);
}
