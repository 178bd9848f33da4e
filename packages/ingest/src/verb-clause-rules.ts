/**
 * Verb-clause rules: a reporting verb with its source and content on either side (`S V (that) C`,
 * `C, S V`, `"Q," V S`, `As S V, C`, parentheticals, participles) and multi-word verb cues
 * ("made it clear", "went on to say", "as S put it").
 */
import {
  AUXILIARIES,
  analyseRight,
  contentBeforeEnd,
  contentEnd,
  isAdverb as isAdverbToken,
  isAttributionBoundary,
  nounPhraseFrom,
  type Range,
  type RightSide,
  SUBJECT_PRONOUNS,
  subjectBefore,
  subjectBeforeAppositive,
  withSourceTail,
  wordCount,
} from "./attribution-phrases";
import type { ClaimRule } from "./claim-draft";
import { CLAIM_RULES } from "./claim-rules";
import { mainClauseSubject } from "./main-clause-subject";
import { tryAsReportedBy, tryInfinitiveCue, tryPassiveCue } from "./passive-infinitive-cues";
import { MAKE_CLEAR_CUE, PUT_IT_CUE, REPORTING_VERBS, type ReportingCue } from "./reporting-verbs";
import { addDraft, MIN_HEAD_CLAUSE_WORDS, type SentenceContext } from "./sentence-context";
import { isCloseQuote, isCueWord, isDash, isOpenQuote, type Token } from "./sentence-tokens";
import { Special } from "./special-words";
import {
  channelEnd,
  closesQuotation,
  isNaming,
  leftContentStart,
  OBJECT_LEMMAS,
  objectEnd,
  objectStart,
  opensClause,
  relativeTail,
} from "./verb-clause-spans";
import { wordSet } from "./word-set";

const PREPOSITION_LIKE = new Set(
  "in on at of for with from to by during after before via through about over under".split(" "),
);
const OTHER_PARTICLES = wordSet("up off out down");
const PHRASAL_LEMMAS = wordSet("show knock post");
const PARTICIPLE_LEADS = wordSet("by while after before when");

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

export function tryVerbCue(
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
  const rawRight = thatAfterAdverbs(toks, analyseRight(toks, cueTo, cue));
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
      (prev?.t === "," ||
        // "… within two years - implying that …": a dash before the participle.
        isDash(prev) ||
        (prev?.word === true && PARTICIPLE_LEADS.has(prev.lw)) ||
        // `… as “fantastic,” telling reporters …`: the comma is inside the quotation.
        (isCloseQuote(prev) && toks[k - 2]?.t === ","));
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
    // "After saying he was nervous to ask a question, the man …", "Conceding that C, S V …".
    if (!ctx.lastSource && right.type === "content" && tryLeadingParticiple(ctx, k, cue, right))
      return;
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
    // `S, APPOSITIVE, V …` first: "Pete Sorel, a consultant…, said the bid failed". The aside may
    // come before the cue's auxiliaries: "Sanders, a Vermont senator, has supported …".
    const asideEnd = subject.lead - 1;
    const aside = toks[asideEnd]?.t;
    if (aside === "," || aside === "—" || aside === "–" || aside === "-") {
      range = subjectBeforeAppositive(toks, asideEnd);
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
  // "Many voters see him as a liability": a perception with an "as" complement is a stance.
  const seenAs = right.type === "content" && !right.marked && seesAs(toks, cue, right.from);
  const plain = !needsComplement || (cue.needsComplement && isDocumentHead(toks, range)) || seenAs;
  if (right.type === "content" && (right.marked || (plain && !quotedLeft))) {
    const start = right.marked
      ? { from: right.from, cueTo: cueRange.to }
      : objectStart(toks, right.from, cue, cueRange.to);
    let end = contentEnd(toks, start.from);
    if (!right.marked && OBJECT_LEMMAS.has(cue.lemma) && !("clause" in start && start.clause))
      end = objectEnd(toks, start.from, end);
    // "Iran, which denies any role, said …": a non-restrictive relative ends at its comma.
    else if (subject.relative && toks[subjectStart - 1]?.t === ",")
      end = objectEnd(toks, start.from, end);
    const from = toks[start.from];
    const to = toks[end - 1];
    if (!from || !to || end <= start.from) return;
    const rule =
      forcedRule ??
      (toldRule
        ? CLAIM_RULES.sourceToldOutlet
        : seenAs
          ? CLAIM_RULES.seesAs
          : CLAIM_RULES.sourceCueContent);
    const span = { from: cueRange.from, to: Math.max(cueRange.to, start.cueTo) };
    // "…, with Trump calling for a ban": after "with" the noun phrase is the speaker.
    if (reduced && range && toks[range.from - 1]?.lw === "with" && !forcedRule) {
      addDraft(ctx, CLAIM_RULES.withParticiple, cue, span, range, from.s, to.e);
      return;
    }
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
  // `S V:` ⏎ `C`: a cue that ends its paragraph on a colon introduces the next paragraph
  // ("Breitbart News responded:⏎⏎“If there are people …”").
  if (colon && right.type === "end" && !right.recipient) {
    const next = nextParagraph(ctx.text, last.e);
    if (next) {
      addDraft(ctx, CLAIM_RULES.colonParagraph, cue, cueRange, range, next.start, next.end);
      return;
    }
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

const MAX_PARAGRAPH_GAP = 8;
const SPACE = /\s/;

/** The paragraph after `from` when only a line break (and spaces) separates them, else null. */
function nextParagraph(text: string, from: number): { start: number; end: number } | null {
  let i = from;
  let newline = false;
  while (i < text.length && i - from < MAX_PARAGRAPH_GAP && SPACE.test(text[i] ?? "")) {
    if (text[i] === "\n") newline = true;
    i++;
  }
  if (!newline || i >= text.length || SPACE.test(text[i] ?? "")) return null;
  let end = text.indexOf("\n", i);
  if (end < 0) end = text.length;
  while (end > i && SPACE.test(text[end - 1] ?? "")) end--;
  return end > i ? { start: i, end } : null;
}

const LEADING_OPENERS = wordSet("after before by in while when since upon on having without");
const MAX_LEADING_OPENERS = 2;
const MAX_LEADING_CLAUSE = 40;

/**
 * A participle clause opening the sentence, whose speaker is the main clause's subject: "After
 * thanking the crowd, he touted …", "Having announced that C, Judge Berman …". The content runs to
 * the clause's comma.
 */
function tryLeadingParticiple(
  ctx: SentenceContext,
  k: number,
  cue: ReportingCue,
  right: RightSide & { type: "content" },
): boolean {
  const { toks } = ctx;
  const having = toks[k - 1]?.lw === "having";
  if (!(toks[k]?.lw.endsWith("ing") || having) || k > MAX_LEADING_OPENERS) return false;
  for (let i = 0; i < k; i++) if (!LEADING_OPENERS.has(toks[i]?.lw ?? "")) return false;
  if (!right.marked && cue.needsComplement) return false;
  let comma = -1;
  let quoted = false;
  for (let i = right.from; i < toks.length && i - right.from < MAX_LEADING_CLAUSE; i++) {
    const tok = toks[i] as Token;
    if (isOpenQuote(tok) && !quoted) quoted = true;
    else if (isCloseQuote(tok)) quoted = false;
    else if (tok.t === "," && !quoted) {
      comma = i;
      break;
    }
  }
  if (comma <= right.from) return false;
  const main = mainClauseSubject(toks, toks.length);
  const from = toks[right.from];
  const to = toks[comma - 1];
  if (!main || main.from !== comma + 1 || !from || !to) return false;
  const cueRange = { from: having ? k - 1 : k, to: k };
  addDraft(ctx, CLAIM_RULES.leadingParticiple, cue, cueRange, main, from.s, to.e);
  return true;
}

const MAX_BEFORE_THAT = 3;
const BEFORE_THAT_WORDS = wordSet(`
  long ago again recently earlier later previously privately publicly weeks months years
`);

/** "said long ago that C", "argued insistently that C": the content starts after the "that". */
function thatAfterAdverbs(toks: readonly Token[], right: RightSide): RightSide {
  if (right.type !== "content" || right.marked) return right;
  for (let i = right.from; i < right.from + MAX_BEFORE_THAT; i++) {
    const tok = toks[i];
    if (!tok?.word) return right;
    if (tok.lw === "that") {
      if (i === right.from || !toks[i + 1]?.word) return right;
      return { ...right, from: i + 1, marked: true };
    }
    if (!isAdverbToken(tok) && !BEFORE_THAT_WORDS.has(tok.lw)) return right;
  }
  return right;
}

const SEE_AS_LEMMAS = wordSet("see view");
const MAX_SEE_AS_OFFSET = 8;

/** "sees Trump as a threat", "viewed the deal as a mistake": an "as" within the clause's object. */
function seesAs(toks: readonly Token[], cue: ReportingCue, from: number): boolean {
  if (!SEE_AS_LEMMAS.has(cue.lemma)) return false;
  for (let i = from + 1; i <= from + MAX_SEE_AS_OFFSET; i++) {
    const tok = toks[i];
    if (!tok?.word) return false;
    if (tok.lw === "as") return toks[i + 1]?.word === true;
  }
  return false;
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

/** "made (it) clear that …", "went on to say …", "as Sexton put it, …": multi-word cues. */
export function tryPhraseCue(ctx: SentenceContext, k: number, special: Special): void {
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
