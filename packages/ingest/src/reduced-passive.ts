/**
 * A participle with a "by" agent after a noun phrase: "The immigration bill, opposed by House
 * Republicans, never became law", "legislative changes proposed by the government". The agent is
 * the source and the noun phrase the content.
 */
import {
  AUXILIARIES,
  ED_VERB,
  isAdverb,
  nounPhraseEndingAt,
  nounPhraseFrom,
  SUBJECT_PRONOUNS,
} from "./attribution-phrases";
import { CLAIM_RULES } from "./claim-rules";
import type { ReportingCue } from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";
import { wordSet } from "./word-set";

// Stances and verdicts; not publishing verbs ("emails released by the State Department", "a
// memorandum issued by …", "exit polls reported by CNN"), which name documents, not claims.
const STANCE_LEMMAS = wordSet(`
  oppose reject confirm champion propose criticize criticise condemn deny dispute denounce praise
  excoriate encourage castigate slam blast attack dismiss deride mock challenge question
`);

/** Adds the claim for the participle cue at `k` when "by" and an agent follow it. */
export function tryReducedPassive(ctx: SentenceContext, k: number, cue: ReportingCue): void {
  const { toks } = ctx;
  const verb = toks[k];
  if (!verb || !ED_VERB.test(verb.lw) || toks[k + 1]?.lw !== "by") return;
  if (!STANCE_LEMMAS.has(cue.lemma) || toks[k + 2]?.lw.endsWith("ing")) return;
  const agent = nounPhraseFrom(toks, k + 2);
  if (!agent) return;
  // The noun phrase the participle modifies: right before it or before an opening comma.
  let lead = k;
  while (lead > 0 && toks[lead - 1]?.word && isAdverb(toks[lead - 1] as (typeof toks)[number]))
    lead--;
  const host = toks[lead - 1]?.t === "," ? lead - 2 : lead - 1;
  const hostTok = toks[host];
  // "were both attacked by …" is a full passive (its own rule).
  if (!hostTok?.word || AUXILIARIES.has(hostTok.lw) || AUXILIARIES.has(toks[host - 1]?.lw ?? ""))
    return;
  const content = nounPhraseEndingAt(toks, host);
  const from = content ? toks[content.from] : undefined;
  if (!content || !from || SUBJECT_PRONOUNS.has(from.lw)) return;
  addDraft(ctx, CLAIM_RULES.reducedPassive, cue, { from: lead, to: k }, agent, from.s, hostTok.e);
}
