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
  analyseRight,
  CONJUNCTIONS,
  contentBeforeEnd,
  contentEnd,
  isAttributionBoundary,
  nextIsSentenceEnd,
  nounPhraseFrom,
  type Range,
  SUBJECT_PRONOUNS,
  subjectBefore,
  subjectBeforeAppositive,
  withSourceTail,
  withTrailingAppositive,
  wordCount,
} from "./attribution-phrases";
import type { ClaimRule, Draft } from "./claim-draft";
import { balanceQuotes, quoteTypeOf, trimContent } from "./claim-spans";
import { mainClauseSubject } from "./main-clause-subject";
import { ACCORDING_TO, REPORTING_VERBS, type ReportingCue, SPEAKER_COLON } from "./reporting-verbs";
import { resolveSources } from "./resolve-sources";
import {
  isCloseQuote,
  isCueWord,
  isOpenQuote,
  POSSESSIVE,
  type Token,
  tokenize,
} from "./sentence-tokens";

export type { ClaimRule } from "./claim-draft";
export { quoteTypeOf } from "./claim-spans";

export const CLAIM_RULES = {
  sourceCueContent: {
    name: "source-cue-content",
    version: 1,
    baseScore: 0.8,
    description: '`S V (that) C`: "Tehran says it has funded … allies".',
  },
  sourceToldOutlet: {
    name: "source-told-outlet",
    version: 1,
    baseScore: 0.8,
    description: '`S told OUTLET (that) C` and `C, S told OUTLET`: "sources told Reuters".',
  },
  contentSourceCue: {
    name: "content-source-cue",
    version: 1,
    baseScore: 0.85,
    description: '`C, S V.` / `"Q," S V.`: "…safety,” the senior Iraqi security source said."',
  },
  contentCueSource: {
    name: "content-cue-source",
    version: 1,
    baseScore: 0.8,
    description: '`"Q," V S.`: "…, said the minister."',
  },
  accordingToLead: {
    name: "according-to-lead",
    version: 1,
    baseScore: 0.85,
    description: "`According to S, C`.",
  },
  accordingToTail: {
    name: "according-to-tail",
    version: 1,
    baseScore: 0.85,
    description: "`C, according to S` (and `C, according to S, C2`).",
  },
  parenthetical: {
    name: "parenthetical-cue",
    version: 1,
    baseScore: 0.7,
    description: '`C, S V, C2`: "The response would be based on consensus, he said, including…".',
  },
  precedingQuote: {
    name: "preceding-quote",
    version: 1,
    baseScore: 0.7,
    description: "`“Q.” S V.`: a bare attribution sentence after a quotation in its paragraph.",
  },
  speakerColon: {
    name: "speaker-colon",
    version: 1,
    baseScore: 0.6,
    description:
      '`S: C` opening a sentence: headlines and transcripts ("Warren: Trump Is a Failure").',
  },
  participle: {
    name: "participle-cue",
    version: 1,
    baseScore: 0.65,
    description: "A second cue of the same source: `…, saying C` / `… and added that C`.",
  },
} as const satisfies Record<string, ClaimRule>;

const MIN_HEAD_CLAUSE_WORDS = 4;
const PREPOSITION_LIKE = new Set(
  "in on at of for with from to by during after before via through about over under".split(" "),
);
// Longer "sentences" are tables, lists or unpunctuated dumps (the longest in Reuters-21578, BBC
// News and PolNeAR is ~1,100 chars); skipping them keeps the suggester linear in the text.
export const MAX_SENTENCE_CHARS = 3000;

interface SentenceContext {
  readonly text: string;
  readonly index: number;
  readonly toks: readonly Token[];
  readonly drafts: Draft[];
  /** The source of the latest claim in this sentence, for participle cues. */
  lastSource: { start: number; end: number } | null;
  lastDraft: Draft | null;
  /** The previous sentence when it is in the same paragraph and ends a quotation. */
  readonly previous: TSentence | null;
}

function addDraft(
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

/** "Frost claims …", "she states …": a noun-like cue form right after a name or pronoun. */
function afterNameOrPronoun(toks: readonly Token[], k: number): boolean {
  const prev = toks[k - 1];
  return prev?.word === true && (prev.cap || SUBJECT_PRONOUNS.has(prev.lw));
}

function tryVerbCue(ctx: SentenceContext, k: number, cue: ReportingCue): void {
  const { toks } = ctx;
  const cueRange = { from: k, to: k };
  const cueTok = toks[k];
  const last = toks[toks.length - 1];
  const first = toks[0];
  if (!cueTok || !last || !first) return;
  const subject = subjectBefore(toks, k);
  if (subject.blocked) return;
  const right = analyseRight(toks, k, cue);
  if (subject.relative && right.type !== "content") return;
  const toldRule = right.recipient && cue.lemma === "tell";
  const needsComplement = cue.needsComplement || (cue.nounLike && !afterNameOrPronoun(toks, k));
  let range = subject.range;
  let subjectStart = range?.from ?? -1;
  // "what it calls Iranian proxies" names a thing; it reports no claim.
  if (cue.lemma === "call" && toks[subjectStart - 1]?.lw === "what") return;

  if (!range) {
    const prev = toks[k - 1];
    // Participle or coordinated cue of the sentence's previous source: ", saying …", "and added".
    const participle = prev?.t === "," && cueTok.lw.endsWith("ing");
    const coordinated = prev?.lw === "and" || prev?.lw === "but";
    if ((participle || coordinated) && !ctx.lastSource && right.type === "content") {
      // No earlier cue in the sentence: the main clause's subject ("X endorsed Y, saying …").
      const main = mainClauseSubject(toks, k - 1);
      if (main && (right.marked || !needsComplement)) {
        const end = contentEnd(toks, right.from);
        const from = toks[right.from];
        const to = toks[end - 1];
        if (from && to)
          addDraft(ctx, CLAIM_RULES.participle, cue, cueRange, main, from.s, to.e, 0.1);
        return;
      }
    }
    if ((participle || coordinated) && ctx.lastSource && right.type === "content") {
      if (!right.marked && needsComplement) return;
      const end = contentEnd(toks, right.from);
      const from = toks[right.from];
      const to = toks[end - 1];
      if (!from || !to) return;
      const d = addDraft(ctx, CLAIM_RULES.participle, cue, cueRange, ctx.lastSource, from.s, to.e);
      if (d && ctx.lastDraft) d.score = Math.min(d.score, ctx.lastDraft.score);
      return;
    }
    // `S, APPOSITIVE, V …` first: "Pete Sorel, a consultant…, said the bid failed".
    if (prev?.t === ",") {
      range = subjectBeforeAppositive(toks, k - 1);
      subjectStart = range?.from ?? -1;
    }
    // Inverted: `"Q," said the minister.`
    if (!range && isAttributionBoundary(toks, k - 1)) {
      // The source after the cue is a noun phrase, not an adverbial ("said in a statement").
      const opener = toks[k + 1];
      const adverbial = !opener?.cap && PREPOSITION_LIKE.has(opener?.lw ?? "");
      const found = adverbial ? null : nounPhraseFrom(toks, k + 1);
      const np = found ? withSourceTail(toks, found) : null;
      const contentEndOffset = contentBeforeEnd(toks, k - 1);
      if (np && contentEndOffset !== null && !SUBJECT_PRONOUNS.has(toks[np.from]?.lw ?? "")) {
        const tail = toks[np.to + 1];
        if (!tail?.word) {
          addDraft(ctx, CLAIM_RULES.contentCueSource, cue, cueRange, np, first.s, contentEndOffset);
          return;
        }
      }
    }
    if (!range) return;
  }

  // `“Q,” Clinton said in Las Vegas …`: after a quotation, unmarked words on the right are
  // adverbials of the cue, and the quotation is the content.
  const quotedLeft = subjectStart >= 1 && closesQuotation(toks, subjectStart - 1);
  // `S V (that) C`, `S told OUTLET (that) C`.
  if (right.type === "content" && (right.marked || (!needsComplement && !quotedLeft))) {
    const end = contentEnd(toks, right.from);
    const from = toks[right.from];
    const to = toks[end - 1];
    if (!from || !to || end <= right.from) return;
    const rule = toldRule ? CLAIM_RULES.sourceToldOutlet : CLAIM_RULES.sourceCueContent;
    addDraft(ctx, rule, cue, cueRange, range, from.s, to.e);
    return;
  }
  // `C, S V.` / `"Q," S V` / parenthetical `C, S V, C2`. A cue with its own unaccepted object
  // ("In Washington, officials found the bodies") is not attributing the words before it.
  const ownObject = right.type === "content" && !quotedLeft;
  if (subjectStart >= 1 && !ownObject && isAttributionBoundary(toks, subjectStart - 1)) {
    const contentEndOffset = contentBeforeEnd(toks, subjectStart - 1);
    if (contentEndOffset === null || wordCount(toks, 0, subjectStart - 2) === 0) return;
    if (right.type === "comma") {
      const next = toks[right.at + 1];
      const continuesQuote = isOpenQuote(next);
      const participle = isCueWord(next) && (next?.lw.endsWith("ing") ?? false);
      if (!continuesQuote && !participle && !toldRule) {
        const headWords = wordCount(toks, 0, subjectStart - 2);
        if (headWords >= MIN_HEAD_CLAUSE_WORDS)
          addDraft(ctx, CLAIM_RULES.parenthetical, cue, cueRange, range, first.s, contentEndOffset);
        else addDraft(ctx, CLAIM_RULES.parenthetical, cue, cueRange, range, first.s, last.e, 0.15);
        return;
      }
    }
    const rule = toldRule ? CLAIM_RULES.sourceToldOutlet : CLAIM_RULES.contentSourceCue;
    addDraft(ctx, rule, cue, cueRange, range, first.s, contentEndOffset);
    return;
  }
  // `“A. B?” ⏎ Weaver said.`: a bare `S V.` sentence after a quotation takes it as content.
  if (subjectStart === 0 && right.type === "end" && ctx.previous && !right.recipient) {
    addDraft(
      ctx,
      CLAIM_RULES.precedingQuote,
      cue,
      cueRange,
      range,
      ctx.previous.start,
      ctx.previous.end,
    );
  }
}

/** Is token `at` a closing quotation mark, or a comma right after one (`”,` / `,”`)? */
function closesQuotation(toks: readonly Token[], at: number): boolean {
  const tok = toks[at];
  if (isCloseQuote(tok)) return true;
  return tok?.t === "," && isCloseQuote(toks[at - 1]);
}

const MAX_SPEAKER_TOKENS = 5;
// Headings that end in a colon without naming a speaker.
const NOT_SPEAKERS = new Set(
  "related update updated note editor watch read photos photo video watch more breaking exclusive caption source sources".split(
    " ",
  ),
);

/** `Elizabeth Warren: Donald Trump Is a …` / `BENENSON: Senator Sanders …`. */
function trySpeakerColon(ctx: SentenceContext): void {
  const { toks } = ctx;
  const limit = Math.min(toks.length, MAX_SPEAKER_TOKENS + 1);
  for (let c = 1; c < limit; c++) {
    const tok = toks[c];
    if (!tok) return;
    if (tok.t === ":") {
      const content = toks[c + 1];
      const last = toks[toks.length - 1];
      if (!content || !last || NOT_SPEAKERS.has(toks[0]?.lw ?? "")) return;
      if (wordCount(toks, c + 1, toks.length - 1) < 2) return;
      const source = { from: 0, to: c - 1 };
      addDraft(
        ctx,
        CLAIM_RULES.speakerColon,
        SPEAKER_COLON,
        { from: c, to: c },
        source,
        content.s,
        last.e,
      );
      return;
    }
    // Only capitalised words (names, "Wash Post Fact-Check") and joiners.
    if (tok.word ? !tok.cap : tok.t !== "-" && tok.t !== "’" && !POSSESSIVE.test(tok.t)) return;
  }
}

function suggestInSentence(ctx: SentenceContext): void {
  const { toks } = ctx;
  if (toks[0]?.cap) trySpeakerColon(ctx);
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (!tok?.word) continue;
    if (tok.lw === "according" && toks[k + 1]?.lw === "to") {
      tryAccordingTo(ctx, k);
      k++;
      continue;
    }
    // Capitalised verbs are headline case ("Iran Urges Militias…"), not attributions.
    if (!tok.cue) continue;
    const cue = REPORTING_VERBS.get(tok.lw);
    if (cue) tryVerbCue(ctx, k, cue);
  }
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
  return claims;
}

const CLOSING_QUOTE_END = /[”"’']$/;

function quotationBefore(
  text: string,
  prev: TSentence | undefined,
  sentence: TSentence,
): TSentence | null {
  if (!prev || prev.end > sentence.start) return null;
  if (!CLOSING_QUOTE_END.test(text.slice(prev.end - 1, prev.end))) return null;
  return text.slice(prev.end, sentence.start).includes("\n") ? null : prev;
}

/**
 * Suggests attributed claims for `text` (already cleaned and normalised) given its sentences.
 * Claims come out in text order of their cues; `parentIndex` refers into the returned array.
 */
export function suggestClaims(text: string, sentences: readonly TSentence[]): TSuggestedClaim[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (!sentence || sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
    const toks = tokenize(text, sentence.start, sentence.end);
    const previous = quotationBefore(text, sentences[i - 1], sentence);
    suggestInSentence({
      text,
      index: i,
      toks,
      drafts,
      lastSource: null,
      lastDraft: null,
      previous,
    });
  }
  drafts.sort((a, b) => a.cueStart - b.cueStart);
  resolveSources(text, sentences, drafts);
  return finalise(text, drafts);
}
