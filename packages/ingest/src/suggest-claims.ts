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
  AUXILIARIES,
  accordingToSource,
  analyseRight,
  CONJUNCTIONS,
  contentBeforeEnd,
  contentEnd,
  isAdverb as isAdverbToken,
  isAttributionBoundary,
  nextIsSentenceEnd,
  nounPhraseEndingAt,
  nounPhraseFrom,
  type Range,
  type RightSide,
  SUBJECT_PRONOUNS,
  subjectBefore,
  subjectBeforeAppositive,
  withSourceTail,
  withTrailingAppositive,
  wordCount,
} from "./attribution-phrases";
import type { ClaimRule, Draft } from "./claim-draft";
import { balanceQuotes, closeQuotation, quoteTypeOf, trimContent } from "./claim-spans";
import { mainClauseSubject } from "./main-clause-subject";
import { withoutNestedStances } from "./nested-claims";
import {
  inPollLead,
  inPollTail,
  NOMINAL_CUE_WORDS,
  type NominalClaim,
  possessedNounCue,
} from "./nominal-cues";
import {
  ACCORDING_TO,
  ASKED_CUE,
  EXPECTED_CUE,
  KNOWN_AS_CUE,
  MAKE_CLEAR_CUE,
  PUT_IT_CUE,
  RAISING_CUE,
  REPORTEDLY_CUE,
  REPORTING_VERBS,
  type ReportingCue,
  SPEAKER_COLON,
} from "./reporting-verbs";
import { resolveSources } from "./resolve-sources";
import {
  DIGITS,
  isCloseQuote,
  isCueWord,
  isOpenQuote,
  POSSESSIVE,
  type Token,
  tokenize,
} from "./sentence-tokens";
import { wordSet } from "./word-set";

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
  headlineCue: {
    name: "headline-cue",
    version: 1,
    baseScore: 0.7,
    description: '`S V C` in a title-case headline: "Clinton Says Russians Hacked DNC".',
  },
  asSourceCue: {
    name: "as-source-cue",
    version: 1,
    baseScore: 0.75,
    description: '`As S V, C`: "As the senator noted, the bill has stalled".',
  },
  raising: {
    name: "raising-cue",
    version: 1,
    baseScore: 0.55,
    description:
      '`X seems / appears / is expected to V`: no source; the content is X … V ("The deal appears to be dead").',
  },
  askedQuestion: {
    name: "asked-question",
    version: 1,
    baseScore: 0.6,
    description:
      "`Asked whether Q, S V …` / `… when asked about Q`: the question put to the speaker.",
  },
  reportedly: {
    name: "reportedly",
    version: 1,
    baseScore: 0.5,
    description: '"X has reportedly done Y": hearsay the article does not attribute to anyone.',
  },
  passive: {
    name: "passive-by-agent",
    version: 1,
    baseScore: 0.5,
    description:
      '`C was V-ed by S` / `As V-ed by S, C`: "The allegations were highlighted by his rivals".',
  },
  infinitive: {
    name: "infinitive-cue",
    version: 1,
    baseScore: 0.5,
    description: '`S V … to CUE C`: "The NRA used the comments to urge people to vote for him".',
  },
  knownAs: {
    name: "known-as",
    version: 1,
    baseScore: 0.5,
    description: "`X, (also) known as Y` / `X is best known for Y`: no source; Y is the content.",
  },
  possessedNoun: {
    name: "possessed-noun-cue",
    version: 1,
    baseScore: 0.5,
    description:
      '`POSSESSOR NOUN that|to|of C`: "Trump’s promise to build a wall", "his claim that …".',
  },
  inPoll: {
    name: "in-poll",
    version: 1,
    baseScore: 0.6,
    description:
      '`In POLL, C` / `C in POLL`: "In a CBS News poll released Monday, she led by 24 points".',
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
  /** Is token k inside a quotation (opened in this sentence or earlier in the paragraph)? */
  readonly quoted: Uint8Array | null;
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
  // "Yang Shu, director of the institute, calls Horgos “a mistake”": after an appositive, a name
  // or pronoun object shows the verb.
  if (prev?.t === ",") {
    const next = toks[k + 1];
    return next?.word === true && (next.cap || OBJECT_PRONOUNS.has(next.lw));
  }
  return prev?.word === true && (prev.cap || SUBJECT_PRONOUNS.has(prev.lw));
}
const OBJECT_PRONOUNS = wordSet("him her them it us me");

function tryVerbCue(
  ctx: SentenceContext,
  k: number,
  cue: ReportingCue,
  forcedRule: ClaimRule | null = null,
  headEnd = k,
): void {
  const { toks } = ctx;
  const cueTok = toks[k];
  const last = toks[toks.length - 1];
  const first = toks[0];
  if (!cueTok || !last || !first) return;
  const subject = subjectBefore(toks, k);
  if (subject.blocked) {
    tryPassiveCue(ctx, k, cue, subject.lead);
    return;
  }
  // "did not say", "hasn’t mentioned" are attributions in PolNeAR; negated beliefs ("don’t
  // think") and unanswered requests ("did not respond to requests for comment") are not.
  if (subject.negated && (NEGATION_BLOCKED.has(cue.lemma) || isRequestForComment(toks, k + 1)))
    return;
  // "showed up", "knocked out": phrasal verbs that report nothing.
  if (OTHER_PARTICLES.has(toks[k + 1]?.lw ?? "") && PHRASAL_LEMMAS.has(cue.lemma)) return;
  // "the Orlando attack should be defined": a noun-like form before the verb of its clause.
  if (cue.nounLike && AUXILIARIES.has(toks[k + 1]?.lw ?? "")) return;
  // "pointed out that …", "pointed to the polls": the particle is part of the cue.
  const particle = headEnd > k || cue.particles?.has(toks[k + 1]?.lw ?? "") === true;
  // The cue takes in its auxiliaries and adverbs ("has also said") and a colon ("said: …").
  const colon = toks[headEnd + 1]?.t === ":";
  const cueTo = headEnd > k ? headEnd + (colon ? 1 : 0) : particle || colon ? k + 1 : k;
  const rawRight = analyseRight(toks, cueTo, cue);
  // "said in a statement", "wrote on Twitter": PolNeAR counts the channel as part of the cue.
  const cueRange = { from: subject.lead, to: channelEnd(toks, cueTo) };
  const right =
    (particle || colon) && rawRight.type === "content" ? { ...rawRight, marked: true } : rawRight;
  if (subject.relative && right.type !== "content") return;
  const toldRule = right.recipient && cue.lemma === "tell";
  const needsComplement = cue.needsComplement || (cue.nounLike && !afterNameOrPronoun(toks, k));
  // "a speech attacking Clinton", "began dismissing …": an -ing form right after a noun
  // phrase modifies it; only an auxiliary ("is saying") makes that phrase its subject.
  const reduced = cueTok.lw.endsWith("ing") && subject.lead === k && subject.range?.to === k - 1;
  let range = subject.range;
  let subjectStart = range?.from ?? -1;
  // "a group called Citizens for Trump" names a thing, "called off" cancels: no claim.
  if (cue.lemma === "call" && isNaming(toks, k, range)) return;

  if (!range) {
    const prev = toks[k - 1];
    // "As reported by Western Journalism, C".
    if (prev?.lw === "as" && toks[k + 1]?.lw === "by" && opensClause(toks, k - 1)) {
      tryAsReportedBy(ctx, k, cue);
      return;
    }
    // "used the comments to urge people to vote", "took to Twitter to complain about X".
    if (prev?.lw === "to" && k >= 2) {
      tryInfinitiveCue(ctx, k, cue, right, needsComplement);
      return;
    }
    // Participle or coordinated cue of the sentence's previous source: ", saying …", "and added".
    // Also "… by saying that …", "… while insisting …".
    const participle =
      cueTok.lw.endsWith("ing") &&
      (prev?.t === "," || (prev?.word === true && PARTICIPLE_LEADS.has(prev.lw)));
    // "… and has pledged to end …", "… but did not suggest …": the conjunction is before the
    // cue's auxiliaries.
    const conjunction = toks[subject.lead - 1]?.lw;
    const coordinated = conjunction === "and" || conjunction === "but";
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
    if (prev?.t === "," || prev?.t === "—" || prev?.t === "–") {
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
        // "…,” said one source who spoke on the condition of anonymity.": PolNeAR keeps the
        // relative clause in the source.
        const source = tail?.lw === "who" ? relativeTail(toks, np) : np;
        if (!tail?.word || source !== np) {
          addDraft(
            ctx,
            CLAIM_RULES.contentCueSource,
            cue,
            cueRange,
            source,
            first.s,
            contentEndOffset,
          );
          return;
        }
      }
    }
    if (!range) return;
  }

  // `As S V, C`: "As Purple PAC's Crane said, the two are …".
  if (
    right.type === "comma" &&
    toks[subjectStart - 1]?.lw === "as" &&
    opensClause(toks, subjectStart - 1)
  ) {
    const from = toks[right.at + 1];
    const end = contentEnd(toks, right.at + 1);
    const to = toks[end - 1];
    if (from?.word && to && end > right.at + 1) {
      addDraft(ctx, CLAIM_RULES.asSourceCue, cue, cueRange, range, from.s, to.e);
      return;
    }
  }
  // `“Q,” Clinton said in Las Vegas …`: after a quotation, unmarked words on the right are
  // adverbials of the cue, and the quotation is the content.
  const quotedLeft = subjectStart >= 1 && closesQuotation(toks, subjectStart - 1);
  // `S V (that) C`, `S told OUTLET (that) C`.
  // "A Quinnipiac poll found Mr. Trump even …": with a poll or study as subject, "found" and
  // "estimated" report its result even without "that".
  const plain = !needsComplement || (cue.needsComplement && isDocumentHead(toks, range));
  if (right.type === "content" && (right.marked || (plain && !quotedLeft))) {
    const start = right.marked
      ? { from: right.from, cueTo: cueRange.to }
      : objectStart(toks, right.from, cue, cueRange.to);
    let end = contentEnd(toks, start.from);
    if (!right.marked && OBJECT_LEMMAS.has(cue.lemma)) end = objectEnd(toks, start.from, end);
    const from = toks[start.from];
    const to = toks[end - 1];
    if (!from || !to || end <= start.from) return;
    const rule =
      forcedRule ?? (toldRule ? CLAIM_RULES.sourceToldOutlet : CLAIM_RULES.sourceCueContent);
    const span = { from: cueRange.from, to: Math.max(cueRange.to, start.cueTo) };
    // A reduced relative names no speaker: keep the cue and content, leave the source open.
    addDraft(ctx, rule, cue, span, reduced ? null : range, from.s, to.e, reduced ? 0.1 : 0);
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
    const start = toks[leftContentStart(toks, subjectStart - 1)] ?? first;
    addDraft(ctx, rule, cue, cueRange, range, start.s, contentEndOffset);
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

const DOCUMENT_HEADS = wordSet(`
  poll polls survey surveys study studies report reports investigation analysis review data research
  audit documents records filing memo letter inquiry paper article
`);

/** Is the subject a poll, study or document ("A study by the group Media Matters")? */
function isDocumentHead(toks: readonly Token[], range: Range | null): boolean {
  if (!range) return false;
  for (let i = range.from; i <= range.to; i++)
    if (DOCUMENT_HEADS.has(toks[i]?.lw ?? "")) return true;
  return false;
}

// Negated, these mostly deny a belief or an act, which PolNeAR leaves out (train cue rates).
const NEGATION_BLOCKED = wordSet(`
  think believe feel show vote agree recommend suggest recall attack endorse hope fear
`);
const REQUEST_WORDS = wordSet(`
  request requests inquiry inquiries message messages call calls email emails comment questions
`);
const MAX_REQUEST_OFFSET = 4;

/** "(to) a request for comment", "to messages seeking comment": within a few tokens of `from`. */
function isRequestForComment(toks: readonly Token[], from: number): boolean {
  for (let i = from; i < from + MAX_REQUEST_OFFSET; i++) {
    const tok = toks[i];
    if (!tok?.word) return false;
    if (REQUEST_WORDS.has(tok.lw)) return true;
  }
  return false;
}

/** `As V-ed by S, C`: "As reported by Western Journalism, the city raised its wage". */
function tryAsReportedBy(ctx: SentenceContext, k: number, cue: ReportingCue): void {
  const { toks } = ctx;
  const agent = accordingToSource(toks, k + 2);
  if (!agent || toks[agent.to + 1]?.t !== ",") return;
  const from = toks[agent.to + 2];
  const last = toks[toks.length - 1];
  if (!from?.word || !last) return;
  addDraft(ctx, CLAIM_RULES.passive, cue, { from: k - 1, to: k }, agent, from.s, last.e);
}

const MAX_AGENT_OFFSET = 3;

/**
 * `C was V-ed by S`: "The fraud allegations were highlighted by Trump’s competitors". The passive
 * subject is the content and the "by" phrase the source; without an agent nothing is attributed.
 */
function tryPassiveCue(ctx: SentenceContext, k: number, cue: ReportingCue, lead: number): void {
  const { toks } = ctx;
  if (!toks[k]?.lw.endsWith("ed") || lead < 1) return;
  let by = k + 1;
  while (by <= k + MAX_AGENT_OFFSET && toks[by]?.word && toks[by]?.lw !== "by") by++;
  if (toks[by]?.lw !== "by") return;
  const agent = nounPhraseFrom(toks, by + 1);
  const content = nounPhraseEndingAt(toks, lead - 1);
  const from = content ? toks[content.from] : undefined;
  const to = content ? toks[content.to] : undefined;
  if (!agent || !from || !to || SUBJECT_PRONOUNS.has(from.lw)) return;
  addDraft(ctx, CLAIM_RULES.passive, cue, { from: lead, to: k }, agent, from.s, to.e);
}

// Infinitives that mostly state a purpose or an obligation, not an attribution (train rates).
const INFINITIVE_BLOCKED = wordSet(`
  ask defend blame admit acknowledge confirm reveal deny show think believe praise contend learn
  order respond
`);

/**
 * `S V … to CUE C`: an infinitive cue whose speaker is the main clause's subject ("The NRA used
 * the comments to urge people to vote"). The cue takes its "to", as PolNeAR marks it.
 */
function tryInfinitiveCue(
  ctx: SentenceContext,
  k: number,
  cue: ReportingCue,
  right: RightSide,
  needsComplement: boolean,
): void {
  const { toks } = ctx;
  if (right.type !== "content" || (!right.marked && needsComplement)) return;
  // "declined to say", "went on to say", "is expected to say": the verb before has its own rule.
  const before = toks[k - 2];
  if (!before?.word || before.cue || SPECIAL_WORDS.has(before.lw)) return;
  const cueTok = toks[k] as Token;
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const d = ctx.drafts[i] as Draft;
    if (d.sentence !== ctx.index) break;
    if (d.cueStart <= cueTok.s && d.cueEnd >= cueTok.e) return;
  }
  if (INFINITIVE_BLOCKED.has(cue.lemma)) return;
  const source = ctx.lastSource ?? mainClauseSubject(toks, k - 1);
  const end = contentEnd(toks, right.from);
  const from = toks[right.from];
  const to = toks[end - 1];
  if (!from || !to || end <= right.from) return;
  addDraft(ctx, CLAIM_RULES.infinitive, cue, { from: k - 1, to: k }, source, from.s, to.e);
}

/** `np` extended over a "who" clause to the sentence end, or `np` when a quote or ";" intervenes. */
function relativeTail(toks: readonly Token[], np: Range): Range {
  let last = np.to;
  for (let i = np.to + 1; i < toks.length; i++) {
    const tok = toks[i] as Token;
    if (tok.word) last = i;
    else if (tok.t === ";" || tok.t === ":" || isOpenQuote(tok) || isCloseQuote(tok)) return np;
  }
  return { from: np.from, to: last };
}

const CHANNEL_NOUNS = wordSet("statement statements tweet tweets email post release");
const CUE_TIME_WORDS = wordSet(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later
  last week month year morning evening night afternoon weekend twice repeatedly
`);
const MAX_CUE_TIME_TOKENS = 3;
const isCueTimeWord = (tok: Token | undefined): boolean =>
  tok?.word === true && CUE_TIME_WORDS.has(tok.lw);
const CHANNEL_SITES = wordSet("twitter facebook instagram");
const CHANNEL_DETERMINERS = wordSet("a an the his her their its");

/** The last token of "in a (written) statement" / "on Twitter" right after token `at`, or `at`. */
function channelEnd(toks: readonly Token[], at: number): number {
  // "said Sunday that …", "has said repeatedly": PolNeAR's cue takes a bare time phrase.
  let t = at;
  while (t < at + MAX_CUE_TIME_TOKENS && isCueTimeWord(toks[t + 1])) t++;
  if (t > at) return t;
  const prep = toks[at + 1]?.lw;
  if (prep === "on" && CHANNEL_SITES.has(toks[at + 2]?.lw ?? "")) return at + 2;
  if (prep !== "in" || !CHANNEL_DETERMINERS.has(toks[at + 2]?.lw ?? "")) return at;
  for (let i = at + 3; i <= at + 4; i++) {
    const tok = toks[i];
    if (!tok?.word) return at;
    if (CHANNEL_NOUNS.has(tok.lw)) return i;
  }
  return at;
}

// A preposition that opens an object belongs to the cue: "talked about X", "called for X".
const OBJECT_PREPOSITIONS = wordSet("about on upon for of against at with over");
// "expressed confidence that …", "voiced concern about …": the noun is part of the cue.
const EXPRESS_LINKS = wordSet("that at about for with over in");
const MAX_EXPRESS_NOUN = 3;

/**
 * Where an unmarked object content really starts, and where the cue then ends: "talked about X"
 * (X), "declined to say whether …" (whether …), "expressed confidence that C" (C).
 */
function objectStart(
  toks: readonly Token[],
  from: number,
  cue: ReportingCue,
  cueTo: number,
): { from: number; cueTo: number } {
  const first = toks[from];
  if (!first?.word) return { from, cueTo };
  if (OBJECT_PREPOSITIONS.has(first.lw) && toks[from + 1]?.word)
    return { from: from + 1, cueTo: from };
  if (first.lw === "to" && REPORTING_VERBS.has(toks[from + 1]?.lw ?? "")) {
    let f = from + 2;
    const next = toks[f];
    if (next?.lw === "that" || (next && OBJECT_PREPOSITIONS.has(next.lw))) f++;
    if (toks[f]?.word) return { from: f, cueTo: from + 1 };
  }
  if (cue.lemma === "express") {
    for (let i = from + 1; i <= from + MAX_EXPRESS_NOUN; i++) {
      const tok = toks[i];
      if (!tok?.word) break;
      if (EXPRESS_LINKS.has(tok.lw) && toks[i + 1]?.word) return { from: i + 1, cueTo: i - 1 };
    }
  }
  return { from, cueTo };
}

const CALL_PARTICLES = wordSet("off up back in");

/** Is this "call" naming or cancelling rather than evaluating ("called him a liar")? */
function isNaming(toks: readonly Token[], k: number, range: Range | null): boolean {
  // Not "what it calls foreign pressure": PolNeAR marks that as the speaker's evaluation.
  const next = toks[k + 1];
  if (next?.word && CALL_PARTICLES.has(next.lw)) return true;
  // "a firm called Cambridge Analytica": an indefinite common noun right before, a name after.
  if (!range || range.to !== k - 1 || !(next?.cap === true || isOpenQuote(next))) return false;
  const head = toks[range.to];
  if (!head?.word || head.cap) return false;
  for (let i = range.from; i < range.to; i++) {
    const lw = toks[i]?.lw;
    if (lw === "a" || lw === "an") return true;
  }
  return false;
}

// Cues whose object is a noun phrase, not a clause: "praised Rubio's positions, saying …".
const OBJECT_LEMMAS = wordSet(`
  praise defend endorse cite oppose dismiss denounce slam blast attack criticise criticize condemn
  blame accuse mock tout assail applaud bemoan invoke lambaste deride rebuke portray highlight
  discuss mention describe reject dispute lament decry echo reference label
`);
const LIST_OPENERS = wordSet("including such especially notably");
/** End (exclusive) of a noun-phrase object: before a comma outside quotation marks. */
function objectEnd(toks: readonly Token[], from: number, end: number): number {
  let quoted = false;
  for (let i = from + 1; i < end; i++) {
    const tok = toks[i] as Token;
    if (isOpenQuote(tok) && !quoted) quoted = true;
    else if (isCloseQuote(tok)) quoted = false;
    if (quoted) continue;
    // "blamed several factors, including …": an example list still belongs to the object.
    if (tok.t === "," && !LIST_OPENERS.has(toks[i + 1]?.lw ?? "")) return i;
  }
  return end;
}

/**
 * Where a content before its attribution (`C, S V`, boundary at token `boundary`) starts: at a
 * quotation introduced by a colon or dash ("… a caveat: “Q,” he said") or after a dateline
 * ("JERUSALEM - C").
 */
function leftContentStart(toks: readonly Token[], boundary: number): number {
  // The quotation that the boundary closes.
  let close = boundary;
  if (toks[close]?.t === ",") close--;
  if (isCloseQuote(toks[close])) {
    for (let o = close - 1; o > 0; o--) {
      const tok = toks[o] as Token;
      if (!isOpenQuote(tok) || tok.t === "’") continue;
      const before = toks[o - 1]?.t;
      if (before === ":" || before === "-" || before === "—" || before === "–") return o;
      break;
    }
  }
  const first = toks[0];
  if (!first?.word) return 0;
  // "JERUSALEM - …", "WASHINGTON (AP) — …".
  if (first.t.length > 1 && first.t === first.t.toUpperCase() && !DIGITS.test(first.t)) {
    for (let i = 1; i < Math.min(boundary, 6); i++) {
      const t = toks[i]?.t;
      if (t === "-" || t === "—" || t === "–") return i + 1;
    }
  }
  return 0;
}

/** Does token `at` open a clause: the sentence start or after a comma, dash or conjunction? */
function opensClause(toks: readonly Token[], at: number): boolean {
  if (at === 0) return true;
  const prev = toks[at - 1];
  if (!prev) return false;
  return prev.word ? CONJUNCTIONS.has(prev.lw) : prev.t === "," || prev.t === "—" || prev.t === "-";
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
  "related update updated note editor editor’s editor's watch read photos photo video watch more breaking exclusive caption source sources q a correction corrections contributing byline revealed look listen tags question answer remember plus so hey wow boom busted bombshell name email poll paid stat".split(
    " ",
  ),
);
// Column and section labels: "The Latest: …".
const LABEL_SECOND_WORDS = wordSet("latest");

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
      if (LABEL_SECOND_WORDS.has(toks[1]?.lw ?? "")) return;
      if (wordCount(toks, c + 1, toks.length - 1) < 2 || DIGITS.test(content.t)) return;
      // "FIX IS IN:", "STAT OF THE WEEK:": an all-capitals label, unlike a transcript's "BENENSON:".
      if (c > 1 && toks.slice(0, c).every((t) => !t.word || t.t === t.t.toUpperCase())) return;
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
  if (ctx.quoted?.[0] !== 1) addNominal(ctx, CLAIM_RULES.inPoll, inPollLead(toks));
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (!tok?.word) continue;
    // A cue inside a quotation is the speaker's own wording ("I think…", "we told them…"):
    // PARC and PolNeAR leave such nested attributions out.
    if (ctx.quoted?.[k] === 1) continue;
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
    if (cue) tryVerbCue(ctx, k, cue);
  }
}

const RAISING_VERBS = wordSet("seem seems seemed appear appears appeared");
const BE = wordSet("is are was were");
const RAISING_ADVERBS = wordSet("widely also not still now already");
const MAKE_FORMS = wordSet("make makes made making");
const GO_FORMS = wordSet("go goes went going");

enum Special {
  Reportedly,
  Asked,
  Raising,
  Expected,
  AccordingTo,
  Make,
  Go,
  Put,
  Known,
}

const SPECIAL_WORDS: ReadonlyMap<string, Special> = new Map([
  ["reportedly", Special.Reportedly],
  ["asked", Special.Asked],
  ["pressed", Special.Asked],
  ...[...RAISING_VERBS].map((w) => [w, Special.Raising] as const),
  ["expected", Special.Expected],
  ["according", Special.AccordingTo],
  ...[...MAKE_FORMS].map((w) => [w, Special.Make] as const),
  ...[...GO_FORMS].map((w) => [w, Special.Go] as const),
  ["put", Special.Put],
  ["known", Special.Known],
]);

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

/** "made (it) clear that …", "went on to say …", "as Sexton put it, …": multi-word cues. */
function tryPhraseCue(ctx: SentenceContext, k: number, special: Special): void {
  const { toks } = ctx;
  const next = toks[k + 1]?.lw;
  if (special === Special.Make) {
    const end =
      next === "clear" ? k + 1 : next === "it" && toks[k + 2]?.lw === "clear" ? k + 2 : -1;
    if (end > 0) tryVerbCue(ctx, k, MAKE_CLEAR_CUE, null, end);
  } else if (special === Special.Go && next === "on" && toks[k + 2]?.lw === "to") {
    const verb = toks[k + 3];
    const cue = verb?.cue ? REPORTING_VERBS.get(verb.lw) : undefined;
    if (cue) tryVerbCue(ctx, k, cue, null, k + 3);
  } else if (special === Special.Put && next === "it") {
    tryVerbCue(ctx, k, PUT_IT_CUE, null, k + 1);
  }
}

const OTHER_PARTICLES = wordSet("up off out down");
const PHRASAL_LEMMAS = wordSet("show knock post");
const PARTICIPLE_LEADS = wordSet("by while after before when");
const QUESTION_OPENERS = wordSet("about whether if what why how which who when where");
const ASKED_LEADS = wordSet("when after once while");
const PASSIVE_BE = wordSet("was were is are been being");
const MAX_QUESTION_TOKENS = 40;
const MAX_ASKED_ADVERBIAL = 6;
const MIN_REPORTED_WORDS = 4;

/** `X seems / appears / is expected to V`: the content is the raised subject and its clause. */
function tryRaising(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  const infinitive = k + 1;
  if (toks[infinitive]?.lw !== "to") {
    if (toks[k]?.lw !== "expected") tryRaisingComplement(ctx, k);
    return;
  }
  let j = k - 1;
  let cueFrom = k;
  const expected = toks[k]?.lw === "expected";
  if (expected) {
    while (j >= 0 && RAISING_ADVERBS.has(toks[j]?.lw ?? "")) j--;
    if (!BE.has(toks[j]?.lw ?? "")) return;
    cueFrom = j; // "is widely expected"
    j--;
  }
  while (j >= 0 && toks[j] && isAdverbToken(toks[j] as Token)) j--;
  // "…, which is expected to draw 50,000 delegates": without a plain subject the content is the
  // infinitive clause, one part of PolNeAR's two-part content.
  const subject =
    (j >= 0 ? nounPhraseEndingAt(toks, j) : null) ??
    (expected ? { from: infinitive, to: infinitive } : null);
  if (!subject) return;
  const end = contentEnd(toks, infinitive + 1);
  const from = toks[subject.from];
  const last = toks[end - 1];
  if (!from || !last || end <= infinitive + 1) return;
  const cue = expected ? EXPECTED_CUE : RAISING_CUE;
  addDraft(ctx, CLAIM_RULES.raising, cue, { from: cueFrom, to: k }, null, from.s, last.e);
}

const NOT_COMPLEMENTS = wordSet(`
  to in on at of for with from by into onto before after during since as and or but than the a an
  this that these those his her their its
`);

/**
 * "Trump’s supporters seemed equally unperturbed", "It appears that …", "the race appears closer":
 * a seeming without an infinitive. The content is the subject and its complement, or the
 * that-clause after an expletive "it".
 */
function tryRaisingComplement(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  let c = k + 1;
  while (toks[c] && isAdverbToken(toks[c] as Token)) c++;
  const next = toks[c];
  if (!next?.word || next.cap) return;
  const cue = RAISING_CUE;
  let j = k - 1;
  while (j >= 0 && toks[j] && isAdverbToken(toks[j] as Token)) j--;
  if (toks[j]?.lw === "it" && (next.lw === "that" || next.lw === "like")) {
    const end = contentEnd(toks, c + 1);
    const from = toks[c + 1];
    const last = toks[end - 1];
    if (from && last && end > c + 1)
      addDraft(ctx, CLAIM_RULES.raising, cue, { from: k, to: k }, null, from.s, last.e);
    return;
  }
  if (NOT_COMPLEMENTS.has(next.lw) && next.lw !== "like") return;
  const subject = j >= 0 ? nounPhraseEndingAt(toks, j) : null;
  const end = contentEnd(toks, c);
  const from = subject ? toks[subject.from] : undefined;
  const last = toks[end - 1];
  if (!from || !last || end <= c || SUBJECT_PRONOUNS.has(from.lw)) return;
  addDraft(ctx, CLAIM_RULES.raising, cue, { from: k, to: k }, null, from.s, last.e, 0.1);
}

const KNOWN_LINKS = wordSet("as for");
const KNOWN_LEADS = wordSet(
  "also now best well better widely formerly perhaps still is are was were",
);

/** "Islamic State, also known as ISIS", "Allergan is best known for Botox": a naming by hearsay. */
function tryKnownAs(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  if (!KNOWN_LINKS.has(toks[k + 1]?.lw ?? "")) return;
  let lead = k;
  while (lead > 0 && KNOWN_LEADS.has(toks[lead - 1]?.lw ?? "")) lead--;
  const from = k + 2;
  const end = objectEnd(toks, from, contentEnd(toks, from));
  const first = toks[from];
  const last = toks[end - 1];
  if (!first?.word && !isOpenQuote(first)) return;
  if (!first || !last || end <= from) return;
  addDraft(
    ctx,
    CLAIM_RULES.knownAs,
    KNOWN_AS_CUE,
    { from: lead, to: k + 1 },
    null,
    first.s,
    last.e,
  );
}

/** "Both Google and Facebook have reportedly looked at Twitter": hearsay without a source. */
function tryReportedly(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  const first = toks[0];
  const end = contentEnd(toks, k + 1);
  const last = toks[end - 1];
  if (!first || !last || end <= k + 1 || wordCount(toks, 0, end - 1) < MIN_REPORTED_WORDS) return;
  addDraft(ctx, CLAIM_RULES.reportedly, REPORTEDLY_CUE, { from: k, to: k }, null, first.s, last.e);
}

/** `Asked whether …, Johnson demurred` / `…, he said when asked about the merger.` */
function tryAskedQuestion(ctx: SentenceContext, k: number): boolean {
  const { toks } = ctx;
  const lead = toks[k - 1];
  // "Asked …", "when asked …", "was asked about …" (the speaker is elsewhere).
  if (!(k === 0 || (lead?.word && (ASKED_LEADS.has(lead.lw) || PASSIVE_BE.has(lead.lw)))))
    return false;
  if (k > 0 && toks[k]?.cap) return false;
  // "Asked on Monday whether …", "Asked by reporters about …": skip a short adverbial.
  let o = k + 1;
  while (o < k + MAX_ASKED_ADVERBIAL && toks[o]?.word && !QUESTION_OPENERS.has(toks[o]?.lw ?? ""))
    o++;
  const opener = toks[o];
  if (!opener?.word || !QUESTION_OPENERS.has(opener.lw)) return false;
  let end = o + 1;
  while (end < toks.length && end - k < MAX_QUESTION_TOKENS && toks[end]?.t !== ",") end++;
  const last = toks[end - 1];
  if (!last || end <= o + 1) return false;
  addDraft(ctx, CLAIM_RULES.askedQuestion, ASKED_CUE, { from: k, to: k }, null, opener.s, last.e);
  return true;
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
