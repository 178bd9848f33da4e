/**
 * Phrase finders over sentence tokens: the source before or after a cue, what follows a cue and
 * where a content ends.
 */
import { REPORTING_VERBS, type ReportingCue } from "./reporting-verbs";
import {
  DIGITS,
  isCloseQuote,
  isCueWord,
  isOpenQuote,
  isPossessiveName,
  POSSESSIVE,
  type Token,
} from "./sentence-tokens";
import { wordSet } from "./word-set";

export const SUBJECT_PRONOUNS = wordSet("he she they it we i you");
const THIRD_PERSON_PRONOUNS = wordSet("he she they");
/** "it", "we", "I", "you": subject pronouns the passive and raising rules do not take as a source. */
export const isNonThirdPersonPronoun = (lw: string): boolean =>
  SUBJECT_PRONOUNS.has(lw) && !THIRD_PERSON_PRONOUNS.has(lw);
const BE_FORMS = wordSet("is are was were be been being");
export const AUXILIARIES: ReadonlySet<string> = new Set([
  ...BE_FORMS,
  ...wordSet("has have had having do does did will would can could shall should may might must"),
  // Contracted after a pronoun ("he’s said", "they've offered"): tokens of their own.
  ...wordSet("’s 's ’ve 've ’re 're ’d 'd ’ll 'll ’m 'm"),
]);
const NEGATIONS = wordSet("not never n't neither nor");
// "don’t", "didn't": the tokenizer keeps the contraction in one word.
const NEGATED = /n['’]t$/;
const isNegation = (lw: string): boolean => NEGATIONS.has(lw) || NEGATED.test(lw);
const ADVERBS: ReadonlySet<string> = wordSet(`
  also later earlier previously repeatedly long often again then already further once still now
  first separately privately publicly recently initially subsequently even just only too always yet
`);
// -ly words that are nouns or adjectives, not adverbs.
const NOT_ADVERBS: ReadonlySet<string> = wordSet(`
  family ally rally supply assembly monopoly anomaly bully daily weekly monthly quarterly early
  friendly elderly italy july reply fly belly jelly holy lonely deadly likely costly orderly tally
  bully anomaly sally ally assembly
`);
export const CLAUSE_STOPS: ReadonlySet<string> = wordSet(`
  that which who whom whose where when while whereas because but although though since if unless
  so then after before as once until whether than what how why not also however yet
`);
const DATE_WORDS: ReadonlySet<string> = wordSet(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december today yesterday tonight week weeks month months
  year years day days night morning evening afternoon weekend earlier later recently now ago jan.
  feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
`);
const TIME_PREPOSITIONS: ReadonlySet<string> = wordSet(`
  on last this late early earlier next in since until
`);
const TIME_OPENERS: ReadonlySet<string> = wordSet("earlier later last this early late");
const PREPOSITIONS: ReadonlySet<string> = wordSet(`
  of for at in with from on to near inside within across among by about into over under against
  during without through
`);
export const DETERMINERS: ReadonlySet<string> = wordSet(`
  the a an some several multiple many two three four five other another one both its his her their
  our this these those each all any most few no
`);
export const CONJUNCTIONS = wordSet("and or & nor but yet");
// Nouns after which a prepositional phrase still belongs to the source: "officials in Baghdad",
// "a source with knowledge of the matter", "sources familiar with the talks".
const PP_HOSTS: ReadonlySet<string> = wordSet(`
  official officials spokesman spokeswoman spokesperson source sources diplomat diplomats aide
  aides adviser advisers advisor advisors minister commander officer officers ambassador envoy
  representative representatives member members head chief director leader leaders doctor doctors
  resident residents witness witnesses analyst analysts expert experts man woman people person
  knowledge familiar close statement report professor researcher researchers lawyer lawyers
  spokespeople secretary president chairman group groups staff employees workers team
  advocates organizers attorneys activists supporters critics voters delegates lawmakers senators
  candidates poll polls survey study files campaign club
`);
const ADVERBIAL_STARTERS: ReadonlySet<string> = wordSet(`
  on in at during last earlier late early after via through over by yesterday today tonight this again
  repeatedly publicly privately separately also then later recently previously once twice before
`);
const PARTICIPLES = wordSet("taken written given made held seen known done");
const MAX_SUBJECT_TOKENS = 16;
const MAX_TIME_TOKENS = 3;
const isTimeWord = (tok: Token | undefined): boolean =>
  tok?.word === true && (DATE_WORDS.has(tok.lw) || TIME_OPENERS.has(tok.lw));
const MAX_ADVERBIAL_TOKENS = 16;
const MAX_ASIDE_TOKENS = 6;
const ADVERBIAL_MARKS: ReadonlySet<string> = new Set(["'", "’", "‘", "“", "”", '"', "-", "(", ")"]);

/** A "that" within the adverbial (words and commas only, up to token `limit`), or -1. */
function thatAfterAdverbial(toks: readonly Token[], from: number, limit: number): number {
  for (let q = from; q < limit && q < toks.length; q++) {
    const tok = toks[q] as Token;
    if (tok.lw === "that") return q;
    if (tok.word ? AUXILIARIES.has(tok.lw) || isCueWord(tok) : tok.t !== ",") return -1;
  }
  return -1;
}
const MAX_RECIPIENT_TOKENS = 5;
// "Pete Seat, an Indiana GOP consultant whose firm was recently retained by the Kasich campaign,"
export const MAX_APPOSITIVE_TOKENS = 40;
const MAX_CONTENT_SCAN = 400;

export function isAdverb(tok: Token): boolean {
  if (tok.cap) return false;
  if (ADVERBS.has(tok.lw)) return true;
  return tok.lw.length > 4 && tok.lw.endsWith("ly") && !NOT_ADVERBS.has(tok.lw);
}

/** Can this token end (be the head of) a source noun phrase? */
function canEndNounPhrase(tok: Token): boolean {
  if (!tok.word) return false;
  const lw = tok.lw;
  if (DETERMINERS.has(lw) || PREPOSITIONS.has(lw) || CONJUNCTIONS.has(lw) || CLAUSE_STOPS.has(lw))
    return false;
  if (AUXILIARIES.has(lw) || isNegation(lw) || POSSESSIVE.test(tok.t)) return false;
  if (DIGITS.test(tok.t) || isAdverb(tok) || DATE_WORDS.has(lw)) return false;
  return !isCueWord(tok);
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

interface SubjectResult {
  readonly range: Range | null;
  /** Passive ("was reported"): the cue makes no claim by itself. */
  readonly blocked: boolean;
  /** Negated ("did not say", "hasn’t endorsed"): PolNeAR annotates these as attributions too. */
  readonly negated?: boolean;
  /** The subject is a relative "who": only `who V C` with its content on the right counts. */
  readonly relative?: boolean;
  /** First of the auxiliaries and adverbs right before the cue ("has also said"): the cue's start. */
  readonly lead: number;
}

// Quantifiers that stand for a group of speakers on their own: "Several said…", "many believe…".
const QUANTIFIER_SUBJECTS: ReadonlySet<string> = wordSet(`
  several some many others most few another both all one
`);
const MAX_LABEL_TOKENS = 8;
const LEADING_FILLERS = wordSet("meanwhile just even only soon now then still also so let");

/** `(R-Texas)` / `(D-R.I.)` closing at token `close`: the index of its "(", or -1. */
function labelOpening(toks: readonly Token[], close: number): number {
  for (let o = close - 1; o >= 0 && close - o <= MAX_LABEL_TOKENS; o--) {
    const tok = toks[o];
    if (!tok) return -1;
    if (tok.t === "(") return o > 0 && toks[o - 1]?.word ? o : -1;
    if (!tok.word && tok.t !== "-" && tok.t !== "." && tok.t !== ",") return -1;
  }
  return -1;
}

/** The noun phrase ending at token `end`, walking left to a clause boundary. */
export function nounPhraseEndingAt(toks: readonly Token[], end: number): Range | null {
  let last = toks[end];
  // A party label after a name: "Sen. Ted Cruz (R-Texas)".
  let i = end;
  if (last?.t === ")") {
    const open = labelOpening(toks, end);
    if (open < 0) return null;
    i = open - 1;
    last = toks[i];
  }
  if (!last) return null;
  // "42% say": a poll share.
  if (last.t === "%" && i === end && DIGITS.test(toks[end - 1]?.t ?? ""))
    return { from: end - 1, to: end };
  // "Moody's said", "Standard and Poor's said": a name that ends in "'s" before a finite cue.
  const possessiveName = i === end && isPossessiveName(last) && !!toks[end + 1]?.cue;
  if (!possessiveName && !canEndNounPhrase(last)) {
    // "Several said", "about three in 10 said", "another says".
    if (i !== end || !QUANTIFIER_SUBJECTS.has(last.lw)) return quantityEndingAt(toks, end);
  }
  if (SUBJECT_PRONOUNS.has(last.lw)) return i === end ? { from: end, to: end } : null;
  let cut = -1;
  while (i > 0 && end - i < MAX_SUBJECT_TOKENS) {
    const tok = toks[i - 1];
    const right = toks[i];
    if (!tok || !right) break;
    // Plural possessive: "A patients’ group" (the apostrophe is a token of its own).
    if ((tok.t === "’" || tok.t === "'") && toks[i - 2]?.word && toks[i - 2]?.lw.endsWith("s")) {
      i -= 2;
      continue;
    }
    // "85% of Democrats".
    if (tok.t === "%" && DIGITS.test(toks[i - 2]?.t ?? "") && right.lw === "of") {
      i -= 2;
      continue;
    }
    if (!tok.word) break;
    const lw = tok.lw;
    if (CLAUSE_STOPS.has(lw) || AUXILIARIES.has(lw) || isNegation(lw)) break;
    // A determiner opens its phrase: "the sort of change the party warned about".

    // A number only as a quantity of the head: "16 percent of voters", "45% of Republicans".
    const quantity = DIGITS.test(tok.t) && (right.lw === "percent" || right.t === "%");
    // "A 2015 report", "that 2013 report": a year after a determiner modifies the head.
    const year = YEAR.test(tok.t) && DETERMINERS_OR_THAT.has(toks[i - 2]?.lw ?? "");
    if (
      DATE_WORDS.has(lw) ||
      (DIGITS.test(tok.t) && !quantity && !year) ||
      SUBJECT_PRONOUNS.has(lw) ||
      isCueWord(tok)
    )
      break;
    if (lw === "and" || lw === "or" || lw === "&") {
      // Coordination inside a name or description: "Iranian and Iraqi sources".
      const left = toks[i - 2];
      // "RNC members and officials said": lower-case coordination only for a subject that opens
      // the sentence (checked below, as for an unhosted prepositional phrase).
      if (!(right.cap || left?.cap)) {
        if (cut >= 0 || !left?.word || !canEndNounPhrase(left) || ED_VERB.test(left.lw)) break;
        cut = i;
      }
    } else if (PREPOSITIONS.has(lw)) {
      const host = toks[i - 2];
      if (!host?.word) break;
      // "Exit polls taken in South Carolina", "a report released by the committee": a participle
      // on a noun carries its phrase into the source.
      const participle =
        (ED_VERB.test(host.lw) || PARTICIPLES.has(host.lw)) &&
        toks[i - 3]?.word === true &&
        canEndNounPhrase(toks[i - 3] as Token);
      const hosted =
        lw === "of"
          ? canEndNounPhrase(host) || host.cap || QUANTIFIER_SUBJECTS.has(host.lw)
          : PP_HOSTS.has(host.lw) || participle;
      if (!hosted) {
        // "John Kerry’s negotiating partners in Tehran said": any noun may host the phrase when
        // the whole subject opens the sentence (checked below); else the phrase ends here.
        // (Also after a comma or conjunction: no gain on train.)
        if (cut >= 0 || !canEndNounPhrase(host) || ED_VERB.test(host.lw)) break;
        cut = i;
      }
    } else if (isAdverb(tok)) break;
    i--;
  }
  // A determiner or preposition cannot open the phrase after a cut-off "and"; nor can a
  // sentence adverb ("Meanwhile Rihanna", "Even some of her allies").
  while (i < end && (CONJUNCTIONS.has(toks[i]?.lw ?? "") || LEADING_FILLERS.has(toks[i]?.lw ?? "")))
    i++;
  if (cut >= 0 && i > 0) return { from: cut, to: end };
  return { from: i, to: end };
}

const YEAR = /^(?:19|20)\d\d$/;
const DETERMINERS_OR_THAT: ReadonlySet<string> = new Set([...DETERMINERS, "that"]);

const NUMBER_WORDS = wordSet("one two three four five six seven eight nine ten half");

/** "three in 10" / "6 in 10" (optionally after "about" / "nearly"): poll shares as speakers. */
function quantityEndingAt(toks: readonly Token[], end: number): Range | null {
  const ten = toks[end];
  if (!ten || !(DIGITS.test(ten.t) || NUMBER_WORDS.has(ten.lw)) || toks[end - 1]?.lw !== "in")
    return null;
  const n = toks[end - 2];
  if (!n?.word || !(DIGITS.test(n.t) || NUMBER_WORDS.has(n.lw))) return null;
  let from = end - 2;
  const before = toks[from - 1];
  if (before?.word && !before.cap && isAdverb(before)) from--;
  else if (before?.lw === "about" || before?.lw === "some") from--;
  return { from, to: end };
}

const SUBJECT_ASIDES = wordSet("however too though");
const FLOATING_QUANTIFIERS = wordSet("both all each");
const ASPECTUAL_VERBS = wordSet(`
  began begun begins begin started starts start kept keeps keep continued continues stopped stops
`);
const PLURAL_PRONOUNS = wordSet("they we you");

/** The subject of the cue at `k`: skips auxiliaries and adverbs ("has repeatedly said"). */
export function subjectBefore(toks: readonly Token[], k: number): SubjectResult {
  let j = k - 1;
  let blocked = false;
  let negated = false;
  let datedEnd = -1;
  let lead = k;
  const progressive = toks[k]?.lw.endsWith("ing") === true;
  while (j >= 0) {
    const tok = toks[j];
    if (!tok?.word) break;
    const dated = (DATE_WORDS.has(tok.lw) && !ADVERBS.has(tok.lw)) || DIGITS.test(tok.t);
    if (dated && !quantityEndingAt(toks, j)) {
      // "Veloria on Tuesday accused…", "officials on Feb. 6 said…": skip the time phrase.
      let t = j - 1;
      while (t >= 0 && (DATE_WORDS.has(toks[t]?.lw ?? "") || DIGITS.test(toks[t]?.t ?? ""))) t--;
      if (TIME_PREPOSITIONS.has(toks[t]?.lw ?? "")) j = t - 1;
      // "Gowdy earlier Thursday said": a time phrase opened by its own adverb.
      else if (t + 1 < j && TIME_OPENERS.has(toks[t + 1]?.lw ?? "")) j = t;
      // "A court document filed Thursday says": PolNeAR keeps the participle phrase in the source.
      else if (t > 0 && t + 1 === j && ED_VERB.test(toks[t]?.lw ?? "") && toks[t - 1]?.word) {
        datedEnd = j;
        j = t - 1;
      } else break;
      continue;
    }
    if (AUXILIARIES.has(tok.lw)) {
      // "was reported", "is said to" (passive); "is saying" is active.
      if (BE_FORMS.has(tok.lw) && !progressive) blocked = true;
    } else if (isNegation(tok.lw)) negated = true;
    else if (progressive && j === k - 1 && ASPECTUAL_VERBS.has(tok.lw)) {
      // "Then he began dismissing …", "kept asking": the aspect verb opens the cue.
    } else if (FLOATING_QUANTIFIERS.has(tok.lw)) {
      // "Clinton and Sanders both denounced …", "they have all urged …": the quantifier floats
      // off the subject into the cue (PolNeAR marks it so); alone it is the subject ("all said").
      const host = toks[j - 1];
      if (!host?.word || !(canEndNounPhrase(host) || PLURAL_PRONOUNS.has(host.lw))) break;
    } else if (SUBJECT_ASIDES.has(tok.lw)) {
      // "Carter however said …": a sentence adverb between subject and cue, not in the cue span.
      j--;
      continue;
    } else if (!isAdverb(tok)) break;
    if (lead === j + 1) lead = j;
    j--;
  }
  if (blocked) return { range: null, blocked, lead };
  // "…Ted Cruz, who said he would…": PARC/PolNeAR take the relative pronoun as the source.
  if (toks[j]?.lw === "who" && j > 0)
    return { range: { from: j, to: j }, blocked, negated, relative: true, lead };
  // "a message that said …": a restrictive relative right after a noun.
  if ((toks[j]?.lw === "which" || toks[j]?.lw === "that") && j > 0) {
    const host = toks[j - 1];
    if (host?.word && canEndNounPhrase(host) && !SUBJECT_PRONOUNS.has(host.lw))
      return { range: { from: j, to: j }, blocked, negated, relative: true, lead };
    // "The union, which endorsed Hillary Clinton in November, …": a non-restrictive relative.
    if (toks[j]?.lw === "which" && host?.t === ",")
      return { range: { from: j, to: j }, blocked, negated, relative: true, lead };
  }
  const range = j >= 0 ? (nounPhraseEndingAt(toks, j) ?? quotedAsideSubject(toks, j)) : null;
  return {
    range: range && datedEnd > j ? { from: range.from, to: datedEnd } : range,
    blocked: false,
    negated,
    lead,
  };
}

const ASIDE_OPENERS = wordSet("who which whose");

/**
 * `Mr. Manafort, citing “the unique magic of Trump,” said …`: a participle or relative aside that
 * ends in a quotation closed on its comma, the quote at token `close`. The subject before it, or null.
 */
function quotedAsideSubject(toks: readonly Token[], close: number): Range | null {
  if (!isCloseQuote(toks[close])) return null;
  const comma = toks[close - 1]?.t === "," ? close - 1 : close - 2;
  if (toks[comma]?.t !== "," || (comma === close - 2 && !isCloseQuote(toks[close - 1])))
    return null;
  const np = subjectBeforeAppositive(toks, comma);
  const opener = np ? toks[np.to + 2] : undefined;
  if (!np || toks[np.to + 1]?.t !== "," || !opener?.word || opener.cap) return null;
  return opener.lw.endsWith("ing") || ASIDE_OPENERS.has(opener.lw) ? np : null;
}

/** "tweet", "report", "statement": a cue form that is usually a noun. */
function isNounLikeCue(tok: Token): boolean {
  return isCueWord(tok) && REPORTING_VERBS.get(tok.lw)?.nounLike === true;
}

/** A source noun phrase starting at `from`, up to a comma, quote or the sentence end. */
export function nounPhraseFrom(toks: readonly Token[], from: number): Range | null {
  let i = from;
  while (i < toks.length && i - from < MAX_SUBJECT_TOKENS) {
    const tok = toks[i];
    if (!tok?.word) break;
    const lw = tok.lw;
    // A verb inside means this is a clause, not a source; a relative clause just ends the phrase.
    // A noun-like cue form ends it: "said RNC spokesman Sean Spicer in a Friday tweet."
    const nounEnd = isNounLikeCue(tok) && !toks[i + 1]?.word;
    if (AUXILIARIES.has(lw) || isNegation(lw) || (isCueWord(tok) && !nounEnd)) return null;
    if (CLAUSE_STOPS.has(lw)) break;
    i++;
  }
  const to = i - 1;
  const last = toks[to];
  if (to < from || !last || !(canEndNounPhrase(last) || isNounLikeCue(last))) return null;
  // "said Rep. Bobby Scott (D-Va.), a member of …": a party label stays with the name.
  if (last.cap && toks[to + 1]?.t === "(") {
    const close = labelClosing(toks, to + 1);
    if (close > 0 && !toks[close + 1]?.word) return { from, to: close };
  }
  return { from, to };
}

/** `(D-Va.)` opening at token `open`: the index of its ")", or -1. */
function labelClosing(toks: readonly Token[], open: number): number {
  for (let c = open + 1; c < toks.length && c - open <= MAX_LABEL_TOKENS; c++) {
    const tok = toks[c] as Token;
    if (tok.t === ")") return c > open + 1 ? c : -1;
    if (!tok.word && tok.t !== "-" && tok.t !== "." && tok.t !== ",") return -1;
  }
  return -1;
}

const MAX_ACCORDING_TO_TOKENS = 24;
const NAME_JOINERS: ReadonlySet<string> = new Set(["/", "-", "—", "(", ")", "“", "”", '"', "'"]);

/**
 * The source after "according to", which is a noun phrase by construction: it may hold words that
 * elsewhere look like cues or dates ("a pool report", "a CBS poll released Monday", "court
 * documents reported by The Post"). Runs to a comma, colon, relative clause or the sentence end.
 */
export function accordingToSource(toks: readonly Token[], from: number): Range | null {
  let i = from;
  let lastWord = -1;
  while (i < toks.length && i - from < MAX_ACCORDING_TO_TOKENS) {
    const tok = toks[i];
    if (!tok) break;
    if (tok.word) {
      if (CLAUSE_STOPS.has(tok.lw) || AUXILIARIES.has(tok.lw)) break;
      lastWord = i;
    } else if (!NAME_JOINERS.has(tok.t) && !POSSESSIVE.test(tok.t)) break;
    i++;
  }
  if (lastWord < from) return null;
  const last = toks[lastWord];
  if (!last || DETERMINERS.has(last.lw) || PREPOSITIONS.has(last.lw)) return null;
  return { from, to: lastWord };
}

const MAX_SOURCE_TAIL_TOKENS = 48;
const RELATIVE_PRONOUNS = wordSet("who whom whose which");

/**
 * `said NAME, APPOSITIVE…` at the end of a sentence: PARC/PolNeAR sources keep appositives and
 * relative clauses ("Deb Kline, a leader of Cleveland Jobs With Justice", "Biden, who served…").
 * Extends `np` over a comma-led tail that runs to the sentence end without a quote, cue or `;`.
 */
export function withSourceTail(toks: readonly Token[], np: Range): Range {
  if (toks[np.to + 1]?.t !== "," || !toks[np.to + 2]?.word) return np;
  let lastWord = np.to;
  // Inside a relative clause a verb is the clause's own: "…, a professor who has endorsed X".
  let relative = false;
  for (let i = np.to + 1; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok || i - np.to > MAX_SOURCE_TAIL_TOKENS) return np;
    if (tok.word) {
      if (RELATIVE_PRONOUNS.has(tok.lw)) relative = true;
      else if (isCueWord(tok) && !relative) return np;
      lastWord = i;
    } else if (tok.t === "," && !relative && isParticiple(toks[i + 1]) && lastWord > np.to + 1) {
      // "said Josh Earnest, the press secretary, echoing …": the participle clause is the cue's.
      return { from: np.from, to: lastWord };
    } else if (isPluralPossessive(toks, i)) {
      // "the director of SITE, which tracks terrorists' communications".
    } else if (tok.t === ";" || tok.t === ":" || isOpenQuote(tok) || isCloseQuote(tok)) return np;
  }
  return { from: np.from, to: lastWord };
}

const isParticiple = (tok: Token | undefined): boolean =>
  tok?.word === true && !tok.cap && tok.lw.length > 4 && tok.lw.endsWith("ing");

/** "terrorists' communications": an apostrophe at `i` after a plural, before a word. */
function isPluralPossessive(toks: readonly Token[], i: number): boolean {
  const t = toks[i]?.t;
  if (t !== "'" && t !== "’") return false;
  const before = toks[i - 1];
  const after = toks[i + 1];
  if (!before || before.e !== toks[i]?.s || !before.lw.endsWith("s")) return false;
  return after?.word === true && !after.cap;
}

/** `NP, APPOSITIVE` running to the sentence end: "Piet Varga" in "…ambassador, Piet Varga." */
export function withTrailingAppositive(toks: readonly Token[], np: Range): Range {
  if (toks[np.to + 1]?.t !== ",") return np;
  // An appositive opens with a determiner or a name ("an economist at…", "Piet Varga"), not
  // with a participle ("including three children").
  const opener = toks[np.to + 2];
  if (!opener?.word || !(opener.cap || DETERMINERS.has(opener.lw))) return np;
  const inner = nounPhraseFrom(toks, np.to + 2);
  if (!inner || toks[inner.to + 1]?.word || !nextIsSentenceEnd(toks, inner.to + 1)) return np;
  return { from: np.from, to: inner.to };
}

export function nextIsSentenceEnd(toks: readonly Token[], i: number): boolean {
  for (let j = i; j < toks.length; j++) {
    const tok = toks[j];
    if (!tok) break;
    if (tok.word) return false;
    if (tok.t === "," || tok.t === ";" || tok.t === ":") return false;
  }
  return true;
}

export type RightSide =
  | {
      readonly type: "content";
      readonly from: number;
      readonly marked: boolean;
      readonly recipient: boolean;
    }
  | { readonly type: "end"; readonly recipient: boolean }
  | { readonly type: "comma"; readonly at: number; readonly recipient: boolean };

/** What follows a cue (after its hearer and adverbials): content, nothing, or a comma. */
export function analyseRight(toks: readonly Token[], k: number, cue: ReportingCue): RightSide {
  let p = k + 1;
  const hearerEnd = cue.takesRecipient ? recipientEnd(toks, p) : p;
  const recipient = hearerEnd > p;
  p = hearerEnd;
  if (cue.takesRecipient) {
    // An unrecognised hearer before "that": "told backers Saturday night that …".
    const that = thatAfterHearer(toks, p);
    if (that >= 0) return { type: "content", from: that + 1, marked: true, recipient: true };
  }
  // "said Wednesday he agrees …", "vowed Saturday to rid …": a bare time phrase, then content.
  let q = p;
  while (q < p + MAX_TIME_TOKENS && isTimeWord(toks[q])) q++;
  const afterTime = toks[q];
  if (
    q > p &&
    afterTime?.word &&
    !CLAUSE_STOPS.has(afterTime.lw) &&
    (afterTime.lw === "to" || !PREPOSITIONS.has(afterTime.lw))
  )
    p = q;
  // Adverbials before "that", a colon or the end: "said on Monday that", "said in a statement."
  const first = toks[p];
  // A bare time word too: "officials said Tuesday." / "told reporters Tuesday that…".
  // "complained to CBS News’ Charlie Rose that …": a "to" phrase with a hearer, not an infinitive.
  const toHearer =
    first?.lw === "to" && (toks[p + 1]?.cap === true || DETERMINERS.has(toks[p + 1]?.lw ?? ""));
  if (first?.word && (ADVERBIAL_STARTERS.has(first.lw) || DATE_WORDS.has(first.lw) || toHearer)) {
    for (let q = p; q - p < MAX_ADVERBIAL_TOKENS; q++) {
      const tok = toks[q];
      if (!tok || (!tok.word && nextIsSentenceEnd(toks, q))) return { type: "end", recipient };
      if (tok.lw === "that") return { type: "content", from: q + 1, marked: true, recipient };
      if (tok.t === ":") return { type: "content", from: q + 1, marked: true, recipient };
      if (!tok.word) {
        if (tok.t === "," && isOpenQuote(toks[q + 1]))
          return { type: "content", from: q + 1, marked: true, recipient };
        // "said Thursday in Buffalo, New York, that …": a comma inside a long adverbial.
        if (tok.t === ",") {
          const that = thatAfterAdverbial(toks, q + 1, p + MAX_ADVERBIAL_TOKENS);
          if (that >= 0) return { type: "content", from: that + 1, marked: true, recipient };
          return { type: "comma", at: q, recipient };
        }
        // Names and titles inside the adverbial: "on NBC's ''Meet the Press'' on Sunday that".
        if (ADVERBIAL_MARKS.has(tok.t)) continue;
        break;
      }
      if (AUXILIARIES.has(tok.lw) || isCueWord(tok)) break; // a clause, not an adverbial
    }
  }
  const tok = toks[p];
  if (!tok || nextIsSentenceEnd(toks, p)) return { type: "end", recipient };
  if (tok.lw === "that") return { type: "content", from: p + 1, marked: true, recipient };
  if (tok.t === ":") return { type: "content", from: p + 1, marked: true, recipient };
  if (cue.infinitive && tok.lw === "to")
    return { type: "content", from: p, marked: true, recipient };
  // An indirect question: "asked whether the deal was off" (the content keeps "whether").
  if (QUESTION_LEMMAS.has(cue.lemma) && QUESTION_WORDS.has(tok.lw))
    return { type: "content", from: p, marked: true, recipient };
  // A wh-clause as object: "explained how he expanded …", "recalled what happened in 2008".
  // Not "what it calls foreign pressure": that names the speaker's own words (its own claim).
  if (WH_OBJECTS.has(tok.lw) && toks[p + 1]?.word && !CALL_FORMS.has(toks[p + 2]?.lw ?? ""))
    return { type: "content", from: p, marked: true, recipient };
  if (isOpenQuote(tok)) return { type: "content", from: p, marked: true, recipient };
  if (tok.t === ",") {
    if (isOpenQuote(toks[p + 1])) return { type: "content", from: p + 1, marked: true, recipient };
    // "He said, however, that …".
    const that = thatAfterAdverbial(toks, p + 1, p + MAX_ASIDE_TOKENS);
    if (that >= 0) return { type: "content", from: that + 1, marked: true, recipient };
    return { type: "comma", at: p, recipient };
  }
  if (
    tok.word &&
    !CONJUNCTIONS.has(tok.lw) &&
    (!CLAUSE_STOPS.has(tok.lw) || CONTENT_SUBORDINATORS.has(tok.lw))
  ) {
    return { type: "content", from: p, marked: false, recipient };
  }
  return { type: "end", recipient };
}

// A reported conditional or reason: "Cruz says if elected he will…", "said because it…".
const CONTENT_SUBORDINATORS = wordSet("if because although though unless");
const MAX_HEARER_TOKENS = 12;
const QUESTION_LEMMAS = wordSet("ask wonder question");
// "asked Obama what he thought of …": an indirect question keeps its opener.
const QUESTION_WORDS = wordSet("whether if what how why who whom when where which");
const WH_OBJECTS = wordSet("what how why whether");
const CALL_FORMS = wordSet("call calls called");

/** A "that" within a few plain words after a tell-type cue, or -1. */
function thatAfterHearer(toks: readonly Token[], from: number): number {
  for (let q = from; q < toks.length && q - from < MAX_HEARER_TOKENS; q++) {
    const tok = toks[q];
    if (!tok?.word) return -1;
    if (tok.lw === "that") return q > from ? q : -1;
    if (
      AUXILIARIES.has(tok.lw) ||
      isCueWord(tok) ||
      (CLAUSE_STOPS.has(tok.lw) && tok.lw !== "also")
    )
      return -1;
  }
  return -1;
}

const RECIPIENT_NOUNS: ReadonlySet<string> = wordSet(`
  reporters journalists lawmakers legislators parliament congress senators newspaper paper agency
  broadcaster channel station court judge jury committee council panel audience crowd supporters
  voters residents conference briefing interviewer investors analysts me us him her them you
  delegates members students staff employees officials police
`);

/**
 * End (exclusive) of the hearer after a tell-type cue: an object pronoun, a capitalised name
 * ("Reuters", "the Lindmark Courier") or a known audience ("reporters", "a news conference").
 * Anything else is left to the content: "told reporters the deal was off" keeps "the deal…".
 */
function recipientEnd(toks: readonly Token[], from: number): number {
  let p = from;
  const det = toks[p];
  if (det?.word && (det.lw === "the" || det.lw === "a" || det.lw === "an")) p++;
  let q = p;
  while (q < toks.length && q - p < MAX_RECIPIENT_TOKENS && toks[q]?.cap) q++;
  if (q > p) return q;
  // Up to two modifiers before a known audience noun: "a news conference", "state television".
  for (let r = p; r < Math.min(toks.length, p + 3); r++) {
    const tok = toks[r];
    if (!tok?.word) break;
    if (RECIPIENT_NOUNS.has(tok.lw)) return r + 1;
  }
  return from;
}

export const ED_VERB = /^[a-z]{3,}ed$/;
const CLAUSE_JOINERS = wordSet("and but while whereas");
const CONTRAST_STOPS = wordSet("however whereas");
const QUOTE_LIST_JOINERS = wordSet("and or");

const MAX_LOOKAHEAD_SUBJECT = 8;

/** Does a subject starting at token `from` lead straight to a reporting cue? */
function startsAttribution(toks: readonly Token[], from: number): boolean {
  for (let m = from + 1; m < toks.length && m - from <= MAX_LOOKAHEAD_SUBJECT; m++) {
    const tok = toks[m];
    if (!tok?.word) return false;
    if (isCueWord(tok)) return subjectBefore(toks, m).range?.from === from;
  }
  return false;
}

const ASIDE_CLOSERS = wordSet("told said says tells wrote writes");

const APPOSITIVE_OPENERS = wordSet("a an the one");
const MIN_ASIDE_WORDS = 3;

/** Does a comma-free phrase without a quotation run from `from` to the sentence end? */
function closingAside(toks: readonly Token[], from: number): boolean {
  let words = 0;
  for (let i = from; i < toks.length; i++) {
    const tok = toks[i] as Token;
    if (tok.word) words++;
    else if (tok.t === "," || tok.t === ";" || isOpenQuote(tok) || isCloseQuote(tok)) return false;
  }
  return words >= MIN_ASIDE_WORDS;
}

/** Where a rightward content ends (exclusive token index): before ", but stopped…", "; ", ", saying". */
export function contentEnd(toks: readonly Token[], from: number): number {
  // Bounded so that many cues in one huge run-on "sentence" stay linear.
  const last = Math.min(toks.length, from + MAX_CONTENT_SCAN);
  for (let i = from; i < last; i++) {
    const tok = toks[i];
    if (!tok) break;
    if (tok.t === ";") return i;
    const next = toks[i + 1];
    const after = toks[i + 2];
    // `…shut,” he said` / `…shut, officials said`: another attribution ends this content.
    if (isCloseQuote(tok) && i > from && startsAttribution(toks, i + 1)) return i + 1;
    if (tok.t === "," && next?.word && startsAttribution(toks, i + 1)) return i;
    // `… as “fantastic,” telling reporters …`: a quotation closed on a comma inside the content
    // ends it, unless "and" / "or" goes on (a list).
    if (
      tok.t === "," &&
      i > from &&
      isCloseQuote(next) &&
      after?.word === true &&
      !QUOTE_LIST_JOINERS.has(after.lw)
    )
      return i + 2;
    if (tok.t === "," && next?.word) {
      if (next.lw === "according" && after?.lw === "to") return i;
      // "Zucker, who has voiced the desire to run, told BuzzFeed …": the aside ends at the comma
      // before the main clause's speech verb.
      if (ASIDE_CLOSERS.has(next.lw) && after?.word) return i;
      // A non-restrictive relative clause on the content's last noun is the reporter's aside.
      if ((next.lw === "who" || next.lw === "which") && i > from) return i;
      // ", but …" / ", while …": a contrasting clause is usually the reporter's, not the source's.
      if (CONTRAST_STOPS.has(next.lw) && i > from) return i;
      // "…, a move that drew murmurs.": a closing noun phrase is the reporter's aside.
      if (APPOSITIVE_OPENERS.has(next.lw) && i > from && closingAside(toks, i + 1)) return i;
      // ", and Tom Reyes said …": a new attribution with its own subject starts here.
      if (CLAUSE_JOINERS.has(next.lw) && startsAttribution(toks, i + 2)) return i;
      if (isCueWord(next) && next.lw.endsWith("ing")) return i;
      if (
        (next.lw === "and" || next.lw === "but" || next.lw === "yet") &&
        after?.word &&
        !after.cap
      ) {
        // A second predicate of the same subject: ", but stopped short of…".
        if (isCueWord(after) || ED_VERB.test(after.lw) || AUXILIARIES.has(after.lw)) return i;
      }
    }
    if ((tok.lw === "and" || tok.lw === "but") && isCueWord(next) && !next?.lw.endsWith("ing"))
      return i;
    // "… and has pledged to …", "… but did not suggest …": a second cue of the same subject.
    if ((tok.lw === "and" || tok.lw === "but") && next && AUXILIARIES.has(next.lw)) {
      let v = i + 2;
      while (toks[v] && (isNegation(toks[v]?.lw ?? "") || isAdverb(toks[v] as Token))) v++;
      if (isCueWord(toks[v]) && !toks[v]?.lw.endsWith("ing")) return i;
    }
  }
  return toks.length;
}

/** End offset of content that runs up to the attribution at token `at` ("," or closing quote). */
export function contentBeforeEnd(toks: readonly Token[], at: number): number | null {
  const tok = toks[at];
  const prev = toks[at - 1];
  if (!tok || !prev) return null;
  // `”,` (quote closed before the comma) keeps the quote; a bare comma stays out.
  if (tok.t === ",") return prev.e;
  if (isCloseQuote(tok)) return tok.e;
  return null;
}

/** Is token `at` the punctuation that ends a preceding content (`C, S V` / `"Q," S V`)? */
export function isAttributionBoundary(toks: readonly Token[], at: number): boolean {
  const tok = toks[at];
  if (!tok || at < 1) return false;
  return tok.t === "," || isCloseQuote(tok);
}

export function wordCount(toks: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (toks[i]?.word) n++;
  return n;
}

/**
 * `Iran, which denies involvement, said …` / `Sexton, a writing professor, said …`: the subject
 * sits before a parenthetical that ends at the comma `comma` right before the cue. Relative,
 * participle and other asides stay out of the source; an appositive noun phrase stays in, as
 * PARC/PolNeAR annotate it.
 */
/** "Even Rendell, a stalwart supporter, said": a sentence adverb opening the sentence at `at`. */
function leadingFiller(toks: readonly Token[], at: number): boolean {
  if (!LEADING_FILLERS.has(toks[at]?.lw ?? "")) return false;
  const before = toks[at - 1];
  return (
    !before || (before.word ? CONJUNCTIONS.has(before.lw) : isAttributionBoundary(toks, at - 1))
  );
}

export function subjectBeforeAppositive(toks: readonly Token[], comma: number): Range | null {
  // Dashes enclose an aside the same way: "Gingrich — mentioned as a choice — told …".
  const closer = toks[comma]?.t ?? ",";
  const dashed = closer !== ",";
  // "Trump -- who said … -- said": a doubled hyphen is one dash.
  const close = dashed && toks[comma - 1]?.t === closer ? comma - 1 : comma;
  for (let c = close - 1; c > 0 && comma - c <= MAX_APPOSITIVE_TOKENS; c--) {
    const tok = toks[c];
    if (!tok || tok.t === ";") return null;
    if (tok.t !== closer) continue;
    const opener = toks[c + 1];
    const np = nounPhraseEndingAt(toks, toks[c - 1]?.t === closer && dashed ? c - 2 : c - 1);
    if (!opener?.word || !np) continue;
    // Only a phrase that opens a clause is the cue's subject.
    const before = toks[np.from - 1];
    const opensClause = before?.word
      ? CONJUNCTIONS.has(before.lw) || leadingFiller(toks, np.from - 1)
      : isAttributionBoundary(toks, np.from - 1);
    if (before && !opensClause) continue;
    // An age is an appositive too: "Carlos Guerrero, 55, said".
    const age = DIGITS.test(opener.t) && toks[c + 2]?.t === ",";
    const appositive = dashed || age || opener.cap || DETERMINERS.has(opener.lw);
    const relative = opener.lw === "who" || opener.lw === "which" || opener.lw === "whose";
    return appositive && !relative ? { from: np.from, to: close - 1 } : np;
  }
  return null;
}
