/**
 * A relative pronoun as the content of the cue whose object it stands for: "allegations that he
 * assaulted her, which he has denied", "Chris Christie, whom he describes as having …".
 * PolNeAR marks the pronoun as the content (with the cue's own complement as a second part).
 */
import { type Range, SUBJECT_PRONOUNS, subjectBefore } from "./attribution-phrases";
import { CLAIM_RULES } from "./claim-rules";
import type { ReportingCue } from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";
import { isOpenQuote } from "./sentence-tokens";
import { wordSet } from "./word-set";

// Not "what" ("what he is saying", "what they saw as …") nor "that" after a noun ("a charge that
// she denied"): 33% each on train.
const RELATIVE_OBJECTS = wordSet("which whom");
const MAX_SOURCE_TOKENS = 6;
const PREPOSITIONS = wordSet("to in with about at on for of from by under into over");
const MODALS = wordSet("would could can might may should will must ’d 'd ’ll 'll");

/** Adds the claim for the cue at `k` when its subject follows a relative pronoun object. */
export function tryRelativeObject(ctx: SentenceContext, k: number, cue: ReportingCue): void {
  const { toks } = ctx;
  const subject = subjectBefore(toks, k);
  const range: Range | null = subject.range;
  if (subject.blocked || subject.relative || !range) return;
  if (range.to - range.from >= MAX_SOURCE_TOKENS) return;
  const pronoun = range.from - 1;
  const rel = toks[pronoun];
  if (!rel?.word || !RELATIVE_OBJECTS.has(rel.lw) || pronoun < 1) return;
  // "to which Lazar admitted", "with whom Christie was contending": a prepositional relative.
  const host = toks[pronoun - 1];
  if (host?.word && PREPOSITIONS.has(host.lw)) return;
  // "what he is saying", "what you'd find": progressive and modal cues mostly report no claim.
  if (toks[k]?.lw.endsWith("ing")) return;
  for (let i = subject.lead; i < k; i++) if (MODALS.has(toks[i]?.lw ?? "")) return;
  const first = toks[range.from];
  if (!first || !(first.cap || SUBJECT_PRONOUNS.has(first.lw) || range.to > range.from)) return;
  // A cue with its own "that"-clause or quotation is not the relative clause's gap.
  const next = toks[k + 1];
  if (next?.lw === "that" || isOpenQuote(next)) return;
  addDraft(
    ctx,
    CLAIM_RULES.relativeObject,
    cue,
    { from: subject.lead, to: k },
    range,
    rel.s,
    rel.e,
  );
}
