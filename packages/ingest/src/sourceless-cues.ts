/**
 * Cues that name no source: raising verbs ("seems", "is expected to"), "known as", "reportedly",
 * and the question in "Asked whether …".
 */
import {
  contentEnd,
  isAdverb as isAdverbToken,
  isNonThirdPersonPronoun,
  nounPhraseEndingAt,
  type Range,
  subjectBeforeAppositive,
  wordCount,
} from "./attribution-phrases";
import { CLAIM_RULES } from "./claim-rules";
import {
  ASKED_CUE,
  EXPECTED_CUE,
  KNOWN_AS_CUE,
  RAISING_CUE,
  REPORTEDLY_CUE,
} from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";
import { isOpenQuote, type Token } from "./sentence-tokens";
import { BE, RAISING_ADVERBS } from "./special-words";
import { objectEnd } from "./verb-clause-spans";
import { wordSet } from "./word-set";

const QUESTION_OPENERS = wordSet("about whether if what why how which who when where");
const ASKED_LEADS = wordSet("when after once while");
const PASSIVE_BE = wordSet("was were is are been being");
const MAX_QUESTION_TOKENS = 40;
const MAX_ASKED_ADVERBIAL = 6;
const MIN_REPORTED_WORDS = 4;

/** `X seems / appears / is expected to V`: the content is the raised subject and its clause. */
export function tryRaising(ctx: SentenceContext, k: number): void {
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
  if (!expected) j = beforeRaisingAuxiliaries(toks, j);
  else while (j >= 0 && toks[j] && isAdverbToken(toks[j] as Token)) j--;
  // "…, which is expected to draw 50,000 delegates": without a plain subject the content is the
  // infinitive clause, one part of PolNeAR's two-part content.
  const subject =
    (expected ? (j >= 0 ? nounPhraseEndingAt(toks, j) : null) : raisedSubject(toks, j)) ??
    (expected ? { from: infinitive, to: infinitive } : null);
  if (!subject) return;
  const end = contentEnd(toks, infinitive + 1);
  const from = toks[subject.from];
  const last = toks[end - 1];
  if (!from || !last || end <= infinitive + 1) return;
  const cue = expected ? EXPECTED_CUE : RAISING_CUE;
  addDraft(ctx, CLAIM_RULES.raising, cue, { from: cueFrom, to: k }, null, from.s, last.e);
}

// "may seem", "has seemed", "might appear": auxiliaries between the raised subject and the verb.
const RAISING_AUXILIARIES = wordSet("may might could would will can has have had does did do must");

/** The token before any adverbs and auxiliaries that end at `j`. */
function beforeRaisingAuxiliaries(toks: readonly Token[], j: number): number {
  let i = j;
  while (i >= 0) {
    const tok = toks[i];
    if (!tok?.word || !(isAdverbToken(tok) || RAISING_AUXILIARIES.has(tok.lw))) break;
    i--;
  }
  return i;
}

/**
 * The raised subject ending at token `j`, across an aside: "The American economy, until recently,
 * seemed impervious …" (the content then runs from "The" over the aside).
 */
function raisedSubject(toks: readonly Token[], j: number): Range | null {
  if (j < 0) return null;
  if (toks[j]?.t === ",") return subjectBeforeAppositive(toks, j);
  return nounPhraseEndingAt(toks, j);
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
  const j = beforeRaisingAuxiliaries(toks, k - 1);
  if (toks[j]?.lw === "it" && (next.lw === "that" || next.lw === "like")) {
    const end = contentEnd(toks, c + 1);
    const from = toks[c + 1];
    const last = toks[end - 1];
    if (from && last && end > c + 1)
      addDraft(ctx, CLAIM_RULES.raising, cue, { from: k, to: k }, null, from.s, last.e);
    return;
  }
  if (NOT_COMPLEMENTS.has(next.lw) && next.lw !== "like") return;
  const subject = raisedSubject(toks, j);
  const end = contentEnd(toks, c);
  const from = subject ? toks[subject.from] : undefined;
  const last = toks[end - 1];
  // "he seemed rattled": a third-person pronoun is a subject too; "it seems" and "I seem" are not.
  if (!from || !last || end <= c || isNonThirdPersonPronoun(from.lw)) return;
  addDraft(ctx, CLAIM_RULES.raising, cue, { from: k, to: k }, null, from.s, last.e, 0.1);
}

const KNOWN_LINKS = wordSet("as for");
const KNOWN_LEADS = wordSet(
  "also now best well better widely formerly perhaps still is are was were",
);

/** "Islamic State, also known as ISIS", "Allergan is best known for Botox": a naming by hearsay. */
export function tryKnownAs(ctx: SentenceContext, k: number): void {
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
export function tryReportedly(ctx: SentenceContext, k: number): void {
  const { toks } = ctx;
  const first = toks[0];
  const end = contentEnd(toks, k + 1);
  const last = toks[end - 1];
  if (!first || !last || end <= k + 1 || wordCount(toks, 0, end - 1) < MIN_REPORTED_WORDS) return;
  addDraft(ctx, CLAIM_RULES.reportedly, REPORTEDLY_CUE, { from: k, to: k }, null, first.s, last.e);
}

/** `Asked whether …, Johnson demurred` / `…, he said when asked about the merger.` */
export function tryAskedQuestion(ctx: SentenceContext, k: number): boolean {
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
