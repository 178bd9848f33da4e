/** Tokens of a sentence for the claim rules: words (with abbreviation periods), punctuation, cues. */
import { isAbbreviation } from "./abbreviations";
import { REPORTING_VERBS } from "./reporting-verbs";
import { wordSet } from "./word-set";

export interface Token {
  readonly s: number;
  readonly e: number;
  readonly t: string;
  readonly lw: string;
  readonly word: boolean;
  readonly cap: boolean;
  /** A reporting verb here: in the lexicon, lower case, and not a noun ("the report", "Iran’s claims"). */
  readonly cue: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-&/][\p{L}\p{N}]+)*|\S/gu;
const WORDLIKE = /^[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;
export const DIGITS = /^\p{N}/u;
const PERIOD = 46;
const PRONOUN_CONTRACTION = /^(he|she|they|we|i|you|who)(['’](?:s|ve|re|d|ll|m))$/;
const MAX_CONTRACTED = 7;

/** Word token? ASCII decided by char code; only other scripts pay for the Unicode regex. */
function isWordStart(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORDLIKE.test(t);
}

function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALISED.test(t);
}

/**
 * The token as a non-cue. Built as the same literal as in tokenize (not a spread), so every token
 * keeps one object shape and the rules' property reads stay monomorphic.
 */
function notCue(tok: Token): Token {
  return { s: tok.s, e: tok.e, t: tok.t, lw: tok.lw, word: tok.word, cap: tok.cap, cue: false };
}

export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m !== null && m.index < end; m = TOKEN.exec(text)) {
    let t = m[0];
    const s = m.index;
    let e = s + t.length;
    const word = isWordStart(t);
    // Keep an abbreviation's period on the word ("U.S.", "Gen.") so it is never taken for a stop.
    if (word && e < end && text.charCodeAt(e) === PERIOD) {
      // A lone initial only mid-sentence: "Plan B." at the end keeps its period separate.
      if (isAbbreviation(t, e + 1 < end)) {
        e += 1;
        t += ".";
        TOKEN.lastIndex = e;
      }
    }
    const lw = word ? t.toLowerCase() : t;
    const cap = word && isCapitalised(t);
    // "he’s predicting", "they've offered": the pronoun and its auxiliary are two tokens.
    const contraction = word && t.length <= MAX_CONTRACTED ? PRONOUN_CONTRACTION.exec(lw) : null;
    if (contraction?.[1] && contraction[2]) {
      const cut = s + contraction[1].length;
      out.push({ s, e: cut, t: t.slice(0, cut - s), lw: contraction[1], word, cap, cue: false });
      out.push({
        s: cut,
        e,
        t: t.slice(cut - s),
        lw: contraction[2],
        word,
        cap: false,
        cue: false,
      });
      continue;
    }
    let cue = word && !cap && REPORTING_VERBS.has(lw);
    if (cue) {
      const prev = out[out.length - 1];
      if (prev?.word && (NOUN_MARKERS.has(prev.lw) || isPossessive(prev))) {
        // "another says …": after a pronoun-like "another" a finite verb form stays a cue, and so
        // it does after a name that ends in "'s" ("Moody's said", "Standard and Poor's says").
        const finite = !REPORTING_VERBS.get(lw)?.nounLike && !lw.endsWith("ing");
        // Only "said"/"says" there: "Trump's proposed cuts", "Curiel's alleged bias" are nouns.
        const afterName = isPossessiveName(prev) && (lw === "said" || lw === "says");
        cue = (prev.lw === "another" || afterName) && finite;
      }
      // "the congressional report said", "a campaign statement says": a noun-like cue form right
      // before another cue is the head of its subject.
      else if (prev?.cue && out[out.length - 2]?.word && REPORTING_VERBS.get(prev.lw)?.nounLike)
        out[out.length - 1] = notCue(prev);
      // "that 2013 report", "his 2016 statement": after a year a noun-like form is a noun.
      else if (prev?.word && DIGITS.test(prev.t) && REPORTING_VERBS.get(lw)?.nounLike) cue = false;
    }
    // "a liberal think tank": a noun compound, not a belief.
    if (lw === "tank" || lw === "tanks") {
      const prev = out[out.length - 1];
      if (prev?.cue && prev.lw === "think") out[out.length - 1] = notCue(prev);
    }
    // "the Paris attacks test …", "the San Bernardino attacks,": "attack(s)" is a verb only before
    // an object that opens with a name, determiner, pronoun or possessive ("she attacks Trump's …").
    const prev = out[out.length - 1];
    if (
      prev?.cue &&
      ATTACK_FORMS.has(prev.lw) &&
      !(cap || OBJECT_STARTS.has(lw) || (t.length > 2 && POSSESSIVE.test(t)))
    )
      out[out.length - 1] = notCue(prev);
    out.push({ s, e, t, lw, word, cap, cue });
  }
  return out;
}

const OPEN_QUOTES: ReadonlySet<string> = new Set(["“", "‘", "«", "„", "‹", '"', "'"]);
const CLOSE_QUOTES: ReadonlySet<string> = new Set(["”", "’", "»", "›", '"', "'"]);
const DASHES: ReadonlySet<string> = new Set(["-", "–", "—"]);

/** A hyphen or dash standing alone: a heading's or dateline's separator, or an aside's edge. */
export const isDash = (tok: Token | undefined): boolean => tok !== undefined && DASHES.has(tok.t);

export const isOpenQuote = (tok: Token | undefined): boolean =>
  tok !== undefined && OPEN_QUOTES.has(tok.t);
export const isCloseQuote = (tok: Token | undefined): boolean =>
  tok !== undefined && CLOSE_QUOTES.has(tok.t);

export const POSSESSIVE = /['’]s$/;
/** "Iran’s" but not the "’s" split off "he’s". */
const isPossessive = (tok: Token): boolean => tok.t.length > 2 && POSSESSIVE.test(tok.t);
// "Let's say", "That's said": capitalised contractions of "us"/"is", not names.
const CONTRACTED = wordSet(
  "let's let’s that's that’s it's it’s what's what’s there's there’s here's here’s",
);
/** A capitalised name ending in "'s" ("Moody's", "Standard and Poor's"), not "Let's". */
export const isPossessiveName = (tok: Token): boolean =>
  tok.cap && isPossessive(tok) && !CONTRACTED.has(tok.lw);

// Words after which a cue form is a noun: "the report", "a new claim", "its warning".
const NOUN_MARKERS = wordSet(
  "the a an its his her their our this these those another no new latest recent annual final joint",
);

const ATTACK_FORMS = wordSet("attacks attack");
const OBJECT_STARTS = wordSet(
  "the a an his her their its him them me us you this that these those",
);

export function isCueWord(tok: Token | undefined): boolean {
  return tok?.cue === true;
}
