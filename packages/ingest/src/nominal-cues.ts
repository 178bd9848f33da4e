/**
 * Cues that are nouns or prepositions rather than verbs, as PolNeAR annotates them:
 * "Trump’s promise to build a wall", "his claim that …", "In a CBS News poll released Monday, C".
 * Each finder returns token ranges; suggest-claims turns them into drafts.
 */
import {
  AUXILIARIES,
  CLAUSE_STOPS,
  contentEnd,
  DETERMINERS,
  nextIsSentenceEnd,
  type Range,
} from "./attribution-phrases";
import type { ReportingCue } from "./reporting-verbs";
import { isCloseQuote, isCueWord, isOpenQuote, POSSESSIVE, type Token } from "./sentence-tokens";
import { wordSet } from "./word-set";

export interface NominalClaim {
  readonly cue: ReportingCue;
  readonly cueRange: Range;
  readonly source: Range | null;
  /** Token range of the content (inclusive). */
  readonly content: Range;
}

const cueOf = (lemma: string): ReportingCue => ({
  lemma,
  stance: "neutral",
  takesRecipient: false,
  needsComplement: false,
  conflict: false,
  nounLike: true,
});

// Communication and stance nouns whose possessor is the source ("his claim that", "Sen. Graham’s
// endorsement of Cruz") and the lemma stored for each. Only nouns that PolNeAR's annotators marked
// about half the time or more in train: "support", "decision", "views", "remarks" mostly not.
const NOUN_LEMMAS: ReadonlyMap<string, string> = new Map(
  `claim:claim claims:claim promise:promise promises:promise vow:vow vows:vow
  endorsement:endorse criticism:criticise criticisms:criticise accusation:accuse
  allegation:allege allegations:allege assertion:assert assertions:assert insistence:insist
  suggestion:suggest attack:attack attacks:attack condemnation:condemn rejection:reject
  embrace:embrace`
    .split(/\s+/)
    .map((pair) => pair.split(":") as [string, string]),
);
// Nouns whose "that" clause is a content even without a possessor: "allegations that he …"
// ("accusations", "suggestions" under 40% on train).
const THAT_NOUNS = wordSet(`
  claim claims allegation allegations assertion assertions criticism complaint complaints
`);
const NOUN_THAT_CUES: ReadonlyMap<string, ReportingCue> = new Map(
  [...THAT_NOUNS].map((w) => [w, cueOf(NOUN_LEMMAS.get(w) ?? w.replace(/s$/, ""))]),
);

/** Words that may open a nominal cue: the nouns above and "in" ("in a CBS News poll"). */
export const NOMINAL_CUE_WORDS: ReadonlySet<string> = new Set([
  ...NOUN_LEMMAS.keys(),
  ...THAT_NOUNS,
  "in",
]);
const CUES = new Map([...new Set(NOUN_LEMMAS.values())].map((l) => [l, cueOf(l)]));
const POSSESSIVE_PRONOUNS = wordSet("his her their its");
// What links the noun to its content: "claim that", "criticism of", "promise to".
const NOUN_LINKS = wordSet("that for of to about against on");
const MAX_MODIFIERS = 2;
const MAX_NAME_TOKENS = 4;
const MAX_OBJECT_TOKENS = 25;

/** The possessor ending right before token `at` ("his", "Sen. Graham’s"), or null. */
function possessorBefore(toks: readonly Token[], at: number): Range | null {
  const tok = toks[at];
  if (!tok?.word) return null;
  if (POSSESSIVE_PRONOUNS.has(tok.lw)) return { from: at, to: at };
  if (!tok.cap || !POSSESSIVE.test(tok.t)) return null;
  let from = at;
  while (from > 0 && at - from < MAX_NAME_TOKENS && toks[from - 1]?.cap) from--;
  return { from, to: at };
}

/** End (inclusive) of a noun-phrase object from `from`: before a verb, clause word or comma. */
function objectEnd(toks: readonly Token[], from: number): number {
  let last = -1;
  let quoted = false;
  for (let i = from; i < toks.length && i - from < MAX_OBJECT_TOKENS; i++) {
    const tok = toks[i] as Token;
    if (isOpenQuote(tok) && !quoted) quoted = true;
    else if (isCloseQuote(tok)) quoted = false;
    if (tok.word) {
      const verb = AUXILIARIES.has(tok.lw) || isCueWord(tok);
      if (!quoted && i > from && (verb || CLAUSE_STOPS.has(tok.lw))) break;
      last = i;
    } else if (!quoted && tok.t !== "-" && tok.t !== "’" && !isCloseQuote(tok)) break;
  }
  return last;
}

/**
 * `POSSESSOR (ADJ) NOUN LINK CONTENT` at the noun token `k`: "Trump’s promise to deport …",
 * "his claim that he had done so", "Sen. Graham’s energetic endorsement of Cruz".
 */
export function possessedNounCue(toks: readonly Token[], k: number): NominalClaim | null {
  const noun = toks[k];
  const lemma = noun ? NOUN_LEMMAS.get(noun.lw) : undefined;
  if (!noun || !lemma || noun.cap) return null;
  const link = toks[k + 1];
  if (!link?.word || !NOUN_LINKS.has(link.lw)) return null;
  // "to" only as an infinitive: "promise to build", not "attacks to the base".
  if (link.lw === "to" && (!toks[k + 2]?.word || DETERMINERS.has(toks[k + 2]?.lw ?? "")))
    return null;
  let p = k - 1;
  while (p >= k - MAX_MODIFIERS && toks[p]?.word && !toks[p]?.cap && !possessorBefore(toks, p)) {
    const lw = toks[p]?.lw ?? "";
    if (DETERMINERS.has(lw) || AUXILIARIES.has(lw) || CLAUSE_STOPS.has(lw)) return null;
    p--;
  }
  const source = possessorBefore(toks, p);
  if (!source) return null;
  const from = k + 2;
  if (!toks[from]?.word && !isOpenQuote(toks[from])) return null;
  const clause = link.lw === "that" || link.lw === "to";
  const end = clause ? contentEnd(toks, from) - 1 : objectEnd(toks, from);
  if (end < from) return null;
  const cue = CUES.get(lemma);
  if (!cue) return null;
  // The infinitive marker belongs to the content ("to build a wall"), other links to the cue.
  const cueTo = link.lw === "to" || link.lw === "that" ? k : k + 1;
  const contentFrom = link.lw === "to" ? k + 1 : from;
  return { cue, cueRange: { from: k, to: cueTo }, source, content: { from: contentFrom, to: end } };
}

/**
 * `NOUN that C` without a possessor at the noun token `k`: "complaints that interlopers were
 * racing around the greens", "amid allegations that he assaulted her". No source.
 */
export function nounThatCue(toks: readonly Token[], k: number): NominalClaim | null {
  const noun = toks[k];
  const cue = noun ? NOUN_THAT_CUES.get(noun.lw) : undefined;
  if (!noun || !cue || noun.cap || toks[k + 1]?.lw !== "that") return null;
  // "The claim that the dam leaks is false": a subject's clause runs into its predicate.
  if (k === 0 || (k === 1 && DETERMINERS.has(toks[0]?.lw ?? ""))) return null;
  const from = k + 2;
  const first = toks[from];
  if (!first?.word && !isOpenQuote(first)) return null;
  // "the claims that he has denied": a relative clause, not a content.
  if (first?.word && (AUXILIARIES.has(first.lw) || isCueWord(first))) return null;
  const end = contentEnd(toks, from) - 1;
  if (end <= from) return null;
  return { cue, cueRange: { from: k, to: k }, source: null, content: { from, to: end } };
}

const POLL_HEADS = wordSet("poll polls survey surveys study studies");
const MAX_POLL_TOKENS = 16;
const IN_CUE = cueOf("according to");

/** "In an NBC News/Wall Street Journal poll released Monday, C": the poll is the source. */
export function inPollLead(toks: readonly Token[]): NominalClaim | null {
  if (toks[0]?.lw !== "in") return null;
  let poll = false;
  for (let c = 1; c < toks.length && c <= MAX_POLL_TOKENS; c++) {
    const tok = toks[c] as Token;
    if (tok.t === ",") {
      const last = toks.length - 1;
      if (!poll || c < 2 || !toks[c + 1]?.word) return null;
      let end = last;
      while (end > c && !toks[end]?.word && !isCloseQuote(toks[end])) end--;
      return {
        cue: IN_CUE,
        cueRange: { from: 0, to: 0 },
        source: { from: 1, to: c - 1 },
        content: { from: c + 1, to: end },
      };
    }
    if (tok.word && POLL_HEADS.has(tok.lw)) poll = true;
  }
  return null;
}

const MIN_TAIL_CONTENT_WORDS = 3;
const NAMED_POLL_HEADS = wordSet("poll survey");

/** "Trump fell to 10 percent in the latest CNN/ORC poll released Wednesday.": "in" at token `k`. */
export function inPollTail(toks: readonly Token[], k: number): NominalClaim | null {
  if (k < MIN_TAIL_CONTENT_WORDS || toks[k]?.lw !== "in") return null;
  let poll = false;
  let named = false;
  let last = -1;
  for (let c = k + 1; c < toks.length && c - k <= MAX_POLL_TOKENS; c++) {
    const tok = toks[c] as Token;
    if (!tok.word) {
      if (tok.t === "," || nextIsSentenceEnd(toks, c)) break;
      if (tok.t === "/" || tok.t === "-" || POSSESSIVE.test(tok.t) || tok.t === "’") continue;
      return null;
    }
    if (AUXILIARIES.has(tok.lw) || CLAUSE_STOPS.has(tok.lw)) return null;
    // A named poll ("the latest CNN/ORC poll"), not "leads in the polls".
    if (NAMED_POLL_HEADS.has(tok.lw)) poll = poll || named;
    if (tok.cap) named = true;
    last = c;
  }
  if (!poll || last < 0) return null;
  let end = k - 1;
  if (toks[end]?.t === ",") end--;
  let start = 0;
  while (start < end && !toks[start]?.word && !isOpenQuote(toks[start])) start++;
  let words = 0;
  for (let i = start; i <= end; i++) if (toks[i]?.word) words++;
  if (words < MIN_TAIL_CONTENT_WORDS) return null;
  return {
    cue: IN_CUE,
    cueRange: { from: k, to: k },
    source: { from: k + 1, to: last },
    content: { from: start, to: end },
  };
}
