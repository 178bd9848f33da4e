/**
 * The subject of a sentence's main clause, for cues whose own subject is elided: "Mrs. Schlafly
 * endorsed Mr. Trump, saying …".
 */
import {
  AUXILIARIES,
  CLAUSE_STOPS,
  CONJUNCTIONS,
  DETERMINERS,
  ED_VERB,
  isAdverb,
  MAX_APPOSITIVE_TOKENS,
  nounPhraseEndingAt,
  type Range,
  SUBJECT_PRONOUNS,
} from "./attribution-phrases";
import { isCueWord, isDash, POSSESSIVE, type Token } from "./sentence-tokens";
import { wordSet } from "./word-set";

// Common irregular past tenses that head a main clause ("took", "gave", "sought").
const IRREGULAR_PAST: ReadonlySet<string> = wordSet(`
  took gave made went came sought brought began held kept left met put ran sent set spent stood
  won wrote told said got became broke chose drew fell fought hit led lost paid rose sat saw spoke
  struck threw understood withdrew knew grew drove rode shook sold bought caught taught built
  meant dealt shot swore tore forgave undertook overtook
`);
// Verbs that take an infinitive and head their clause: "Ramos used his speech to call for …",
// "Progressives tend to favor …", "Rubio tried to rebuke …".
const CONTROL_VERBS: ReadonlySet<string> = wordSet(`
  used uses tend tends tried tries need needs
`);
// "Though Trump was not willing to say …": a cue inside a leading subordinate clause.
const SUBORDINATORS: ReadonlySet<string> = wordSet(
  "though although while when as if because since",
);
const MAX_MAIN_SUBJECT_SCAN = 40;

/** Does this lower-case word look like a finite verb heading a clause? */
function looksFinite(tok: Token): boolean {
  if (tok.cap || !tok.word) return false;
  return (
    AUXILIARIES.has(tok.lw) ||
    ED_VERB.test(tok.lw) ||
    IRREGULAR_PAST.has(tok.lw) ||
    CONTROL_VERBS.has(tok.lw) ||
    isCueWord(tok)
  );
}

const SINGULAR_PRONOUNS = wordSet("he she it");
const PRESENT_S = /^[a-z]{2,}[^su]s$/;
const NOUN_ENDINGS = /(?:ers|ors|ists|ans|ics|ments|ions|ies|ees)$/;

/** "CITIC runs an oil field …", "Trump primes supporters …": a present-tense verb after a subject. */
function presentAfterSubject(toks: readonly Token[], i: number): boolean {
  const tok = toks[i] as Token;
  if (tok.cap || !PRESENT_S.test(tok.lw) || NOUN_ENDINGS.test(tok.lw)) return false;
  const prev = toks[i - 1];
  if (!prev?.word || POSSESSIVE.test(prev.t)) return false;
  return prev.cap || SINGULAR_PRONOUNS.has(prev.lw);
}

/**
 * The subject of the sentence's main clause before token `limit`, for a participle or coordinated
 * cue whose own subject is elided: "Mrs. Schlafly endorsed Mr. Trump, saying …", "Sen. Kirk, R-Ill.,
 * rescinded his endorsement, saying …". Tries the sentence start, after a leading conjunction and
 * after an introductory phrase ("At a rally on Tuesday, Senator Sanders endorsed …").
 */
export function mainClauseSubject(toks: readonly Token[], limit: number): Range | null {
  const starts: number[] = [0];
  if (toks[0]?.word && CONJUNCTIONS.has(toks[0].lw)) starts.push(1);
  // "ORLANDO (Reuters) - President Barack Obama met …": after a dateline.
  const dateline = datelineEnd(toks);
  if (dateline > 0) starts.push(dateline);
  let comma = false;
  for (let c = 1; c < Math.min(limit, MAX_MAIN_SUBJECT_SCAN); c++) {
    if (toks[c]?.t === ",") {
      starts.push(c + 1);
      comma = true;
      break;
    }
  }
  if (!comma && SUBORDINATORS.has(toks[0]?.lw ?? "")) starts.push(1);
  for (const s of starts) {
    const first = toks[s];
    if (!first?.word || !(first.cap || DETERMINERS.has(first.lw) || SUBJECT_PRONOUNS.has(first.lw)))
      continue;
    for (let i = s + 1; i < limit && i - s < MAX_MAIN_SUBJECT_SCAN; i++) {
      const tok = toks[i];
      if (!tok) break;
      if (!tok.word) {
        if (tok.t === "," && toks[i + 1]?.word) {
          // An appositive or relative clause between subject and verb: jump to its closing comma.
          const close = parentheticalEnd(toks, i, limit);
          if (close < 0) break;
          i = close;
          continue;
        }
        if (POSSESSIVE.test(tok.t) || tok.t === "’" || tok.t === "'" || tok.t === ".") continue;
        // "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed …": a party label.
        if (tok.t === "(" || tok.t === ")" || tok.t === "-") continue;
        break;
      }
      if (CLAUSE_STOPS.has(tok.lw) && tok.lw !== "also") break;
      if (!looksFinite(tok) && !isAdverb(tok) && !presentAfterSubject(toks, i)) continue;
      let end = i - 1;
      while (end > s && toks[end] && isAdverb(toks[end] as Token)) end--;
      const np = nounPhraseEndingAt(toks, end);
      if (np && np.from === s) return np;
      // "Sen. Mark Kirk, R-Ill., who faces…, rescinded": the phrase ends at a comma.
      if (toks[end]?.t === ",") {
        const head = nounPhraseEndingAt(toks, s);
        let to = s;
        while (to + 1 < end && toks[to + 1]?.word && !looksFinite(toks[to + 1] as Token)) to++;
        if (head) return { from: s, to };
      }
      break;
    }
  }
  return null;
}

const MAX_DATELINE_TOKENS = 8;

/** The token after a dateline ("WASHINGTON —", "ORLANDO, Fla. (Reuters) -"), or -1. */
function datelineEnd(toks: readonly Token[]): number {
  const first = toks[0];
  if (!first?.word || first.t.length < 2 || first.t !== first.t.toUpperCase()) return -1;
  for (let i = 1; i < Math.min(toks.length, MAX_DATELINE_TOKENS); i++)
    if (isDash(toks[i])) return toks[i + 1]?.word ? i + 1 : -1;
  return -1;
}

/** Index of the comma closing a parenthetical that opens at comma `open`, or -1. */
function parentheticalEnd(toks: readonly Token[], open: number, limit: number): number {
  for (let j = open + 1; j < limit && j - open <= MAX_APPOSITIVE_TOKENS; j++) {
    const tok = toks[j];
    if (!tok) return -1;
    if (tok.t === ",") return j;
    if (!tok.word && tok.t !== "." && tok.t !== "-" && !POSSESSIVE.test(tok.t)) return -1;
  }
  return -1;
}
