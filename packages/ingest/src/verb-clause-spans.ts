/** Span boundaries for verb-clause cues: channels, objects, left contents, quotation edges. */
import type { Range } from "./attribution-phrases";
import { CONJUNCTIONS } from "./attribution-phrases";
import { REPORTING_VERBS, type ReportingCue } from "./reporting-verbs";
import { DIGITS, isCloseQuote, isOpenQuote, type Token } from "./sentence-tokens";
import { wordSet } from "./word-set";

/** `np` extended over a "who" clause to the sentence end, or `np` when a quote or ";" intervenes. */
export function relativeTail(toks: readonly Token[], np: Range): Range {
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
export function channelEnd(toks: readonly Token[], at: number): number {
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

const STATEMENT_NOUNS = wordSet("statement letter release");
const STATEMENT_OPENERS = wordSet("a an");
const MAX_STATEMENT_GAP = 5;

/**
 * "issued a statement (Tuesday,) saying C", "released a press release expressing C": the index of
 * the participle that PolNeAR's cue runs to (the content follows it), or -1.
 */
function statementParticiple(toks: readonly Token[], from: number): number {
  if (!STATEMENT_OPENERS.has(toks[from]?.lw ?? "")) return -1;
  let i = from + 1;
  if (toks[i]?.lw === "press") i++;
  if (!STATEMENT_NOUNS.has(toks[i]?.lw ?? "")) return -1;
  for (let j = i + 1; j <= i + MAX_STATEMENT_GAP; j++) {
    const tok = toks[j];
    if (!tok) return -1;
    if (tok.t === ",") continue;
    if (!tok.word) return -1;
    // "evening" is a time word, not a participle.
    if (isCueTimeWord(tok)) continue;
    return tok.lw.endsWith("ing") && (toks[j + 1]?.word || isOpenQuote(toks[j + 1])) ? j : -1;
  }
  return -1;
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
export function objectStart(
  toks: readonly Token[],
  from: number,
  cue: ReportingCue,
  cueTo: number,
): { from: number; cueTo: number; clause?: boolean } {
  const first = toks[from];
  if (!first?.word) return { from, cueTo };
  const statement = statementParticiple(toks, from);
  if (statement >= 0) {
    const f = toks[statement + 1]?.lw === "that" ? statement + 2 : statement + 1;
    if (toks[f]) return { from: f, cueTo: statement, clause: true };
  }
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
export function isNaming(toks: readonly Token[], k: number, range: Range | null): boolean {
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
export const OBJECT_LEMMAS = wordSet(`
  praise defend endorse cite oppose dismiss denounce slam blast attack criticise criticize condemn
  blame accuse mock tout assail applaud bemoan invoke lambaste deride rebuke portray highlight
  discuss mention describe reject dispute lament decry echo reference label
`);
const LIST_OPENERS = wordSet("including such especially notably");
/** End (exclusive) of a noun-phrase object: before a comma outside quotation marks. */
export function objectEnd(toks: readonly Token[], from: number, end: number): number {
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
export function leftContentStart(toks: readonly Token[], boundary: number): number {
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
export function opensClause(toks: readonly Token[], at: number): boolean {
  if (at === 0) return true;
  const prev = toks[at - 1];
  if (!prev) return false;
  return prev.word ? CONJUNCTIONS.has(prev.lw) : prev.t === "," || prev.t === "—" || prev.t === "-";
}

/** Is token `at` a closing quotation mark, or a comma right after one (`”,` / `,”`)? */
export function closesQuotation(toks: readonly Token[], at: number): boolean {
  const tok = toks[at];
  if (isCloseQuote(tok)) return true;
  return tok?.t === "," && isCloseQuote(toks[at - 1]);
}
