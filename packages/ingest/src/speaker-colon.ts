/**
 * Speakers named before a colon: headlines and transcripts ("Warren: Trump Is a …", "BENENSON: …")
 * and a quotation labelled with its author after a heading or "More from …" ("… - Philip Bump:
 * “Two weeks ago …”", "More from the report: “…”").
 */
import { wordCount } from "./attribution-phrases";
import { CLAIM_RULES } from "./claim-rules";
import { SPEAKER_COLON } from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";
import { DIGITS, isDash, isOpenQuote, POSSESSIVE, type Token } from "./sentence-tokens";
import { wordSet } from "./word-set";

const MAX_SPEAKER_TOKENS = 5;
// Headings that end in a colon without naming a speaker. Not "poll": "Poll: Sanders Leads …" names
// its source (5 of 6 marked in train).
const NOT_SPEAKERS = new Set(
  "related update updated note editor editor’s editor's watch read photos photo video watch more breaking exclusive caption source sources q a correction corrections contributing byline revealed look listen tags question answer remember plus so hey wow boom busted bombshell name email paid stat".split(
    " ",
  ),
);
const MAX_TOPIC_SPEAKER_TOKENS = 12;
const HEARER_JOINERS = wordSet("to on at");
// Column and section labels: "The Latest: …".
const LABEL_SECOND_WORDS = wordSet("latest");

/** `Elizabeth Warren: Donald Trump Is a …` / `BENENSON: Senator Sanders …`. */
export function trySpeakerColon(ctx: SentenceContext): void {
  const { toks } = ctx;
  let limit = Math.min(toks.length, MAX_SPEAKER_TOKENS + 1);
  // "Clinton to Planned Parenthood: …", "Gillibrand on Hillary …: …": the speaker before the hearer
  // or topic; "Former AG Mukasey at RNC: …" keeps its place.
  let sourceEnd = -1;
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
      const source = { from: 0, to: sourceEnd >= 0 ? sourceEnd : c - 1 };
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
    if (tok.word && HEARER_JOINERS.has(tok.lw) && sourceEnd < 0 && toks[c + 1]?.cap) {
      if (tok.lw !== "at") sourceEnd = c - 1;
      else sourceEnd = -2;
      limit = Math.min(toks.length, MAX_TOPIC_SPEAKER_TOKENS + 1);
      continue;
    }
    // Only capitalised words (names, "Wash Post Fact-Check") and joiners.
    if (tok.word ? !tok.cap : tok.t !== "-" && tok.t !== "’" && !POSSESSIVE.test(tok.t)) return;
  }
}

const MAX_HEADING_TOKENS = 30;
const MAX_LABEL_WORDS = 6;
// "More from Jones:", "From the report:", "Here’s Clinton in December 1992:".
const LABEL_LEADS = wordSet("more from here’s here's");
const LABEL_JOINERS = wordSet("and of");
const LABEL_DETERMINERS = wordSet("the a an");

/**
 * `HEADING - S: “Q”` and `More from S: “Q”`: a short speaker phrase (after a heading's dash or at
 * the sentence start) before a colon that opens a quotation.
 */
export function tryLabelledQuote(ctx: SentenceContext): void {
  const { toks } = ctx;
  // Most sentences have no colon: a cheap check spares them the label scan below.
  if (!toks.some((t) => t.t === ":")) return;
  let from = 0;
  for (let i = 1; i < Math.min(toks.length, MAX_HEADING_TOKENS); i++) {
    if (isDash(toks[i]) && toks[i + 1]?.word) {
      from = i + 1;
      break;
    }
  }
  // "More from Jones", "From the report", "Here’s Clinton".
  let s = from;
  while (LABEL_LEADS.has(toks[s]?.lw ?? "")) s++;
  if (s > from && toks[s - 1]?.lw === "more") return;
  const first = toks[s];
  if (!first?.word || (from === 0 && s === 0)) return;
  let words = 0;
  for (let c = s; c < toks.length && words <= MAX_LABEL_WORDS; c++) {
    const tok = toks[c] as Token;
    if (tok.t === ":") {
      const quote = toks[c + 1];
      const last = toks[toks.length - 1];
      if (c === s || !isOpenQuote(quote) || !quote || !last || last.e <= quote.s) return;
      addDraft(
        ctx,
        CLAIM_RULES.labelledQuote,
        SPEAKER_COLON,
        { from: c, to: c },
        { from: s, to: c - 1 },
        quote.s,
        last.e,
      );
      return;
    }
    if (tok.word) {
      words++;
      const joiner = LABEL_JOINERS.has(tok.lw) || (c === s && LABEL_DETERMINERS.has(tok.lw));
      if (!tok.cap && !joiner && !(c > s && LABEL_DETERMINERS.has(toks[c - 1]?.lw ?? ""))) return;
    } else if (tok.t !== "." && !POSSESSIVE.test(tok.t)) return;
  }
}
