/** Verb cues without a subject of their own: passives with a "by" agent and infinitive cues. */
import {
  accordingToSource,
  contentEnd,
  isNonThirdPersonPronoun,
  nounPhraseEndingAt,
  nounPhraseFrom,
  type RightSide,
  SUBJECT_PRONOUNS,
} from "./attribution-phrases";
import type { Draft } from "./claim-draft";
import { CLAIM_RULES } from "./claim-rules";
import { mainClauseSubject } from "./main-clause-subject";
import type { ReportingCue } from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";
import type { Token } from "./sentence-tokens";
import { SPECIAL_WORDS } from "./special-words";
import { wordSet } from "./word-set";

/** `As V-ed by S, C`: "As reported by Western Journalism, the city raised its wage". */
export function tryAsReportedBy(ctx: SentenceContext, k: number, cue: ReportingCue): void {
  const { toks } = ctx;
  const agent = accordingToSource(toks, k + 2);
  if (!agent || toks[agent.to + 1]?.t !== ",") return;
  const from = toks[agent.to + 2];
  const last = toks[toks.length - 1];
  if (!from?.word || !last) return;
  addDraft(ctx, CLAIM_RULES.passive, cue, { from: k - 1, to: k }, agent, from.s, last.e);
}

const MAX_AGENT_OFFSET = 3;
// Agentless passives under about 50% train cue precision, or with rules of their own ("is
// expected to", "was asked whether", "was called off").
const AGENTLESS_BLOCKED = wordSet(`
  find decide oppose discuss propose believe vote deny offer issue brief lay praise maintain agree
  express refer call release consider plan expect ask
`);
const AGENTLESS_IRREGULAR = wordSet("told said shown");
const MAX_THAT_OFFSET = 6;

/**
 * `C was V-ed` without an agent: "Mr. Sanders has been criticized for offering vague responses",
 * "It was revealed in March that C". No source; the content is the passive subject with what
 * follows the verb, or the that-clause after an expletive "it".
 */
function tryAgentlessPassive(ctx: SentenceContext, k: number, cue: ReportingCue, lead: number) {
  const { toks } = ctx;
  if (AGENTLESS_BLOCKED.has(cue.lemma)) return;
  const subject = nounPhraseEndingAt(toks, lead - 1);
  const head = subject ? toks[subject.from] : undefined;
  if (!subject || !head) return;
  // "How the attack should be described is unclear": a subordinate wh-clause, not a claim.
  if (WH_WORDS.has(toks[subject.from - 1]?.lw ?? "")) return;
  // "the bridge was not mentioned": a negated passive reports nothing.
  for (let i = lead; i < k; i++) if (NEGATIONS.has(toks[i]?.lw ?? "")) return;
  const cueRange = { from: lead, to: k };
  if (head.lw === "it" || head.lw === "this") {
    for (let i = k + 1; i <= k + MAX_THAT_OFFSET; i++) {
      const tok = toks[i];
      if (!tok?.word) return;
      if (tok.lw !== "that") continue;
      const end = contentEnd(toks, i + 1);
      const from = toks[i + 1];
      const to = toks[end - 1];
      if (from?.word && to && end > i + 1)
        addDraft(ctx, CLAIM_RULES.passiveNoAgent, cue, cueRange, null, from.s, to.e);
      return;
    }
    return;
  }
  if (isNonThirdPersonPronoun(head.lw)) return;
  const rest = toks[k + 1]?.word ? contentEnd(toks, k + 1) : k + 1;
  const to = rest > k + 1 ? toks[rest - 1] : toks[subject.to];
  if (!to) return;
  addDraft(ctx, CLAIM_RULES.passiveNoAgent, cue, cueRange, null, head.s, to.e);
}
const WH_WORDS = wordSet("how what why whether which who whom");
const NEGATIONS = wordSet("not never n’t n't");

/**
 * `C was V-ed by S`: "The fraud allegations were highlighted by Trump’s competitors". The passive
 * subject is the content and the "by" phrase the source; without an agent see `tryAgentlessPassive`.
 */
export function tryPassiveCue(
  ctx: SentenceContext,
  k: number,
  cue: ReportingCue,
  lead: number,
): void {
  const { toks } = ctx;
  if (lead < 1) return;
  const verb = toks[k]?.lw ?? "";
  if (!verb.endsWith("ed")) {
    if (AGENTLESS_IRREGULAR.has(verb)) tryAgentlessPassive(ctx, k, cue, lead);
    return;
  }
  let by = k + 1;
  while (by <= k + MAX_AGENT_OFFSET && toks[by]?.word && toks[by]?.lw !== "by") by++;
  if (toks[by]?.lw !== "by") {
    tryAgentlessPassive(ctx, k, cue, lead);
    return;
  }
  const agent = nounPhraseFrom(toks, by + 1);
  const content = nounPhraseEndingAt(toks, lead - 1);
  const from = content ? toks[content.from] : undefined;
  const to = content ? toks[content.to] : undefined;
  if (!agent || !from || !to || SUBJECT_PRONOUNS.has(from.lw)) return;
  addDraft(ctx, CLAIM_RULES.passive, cue, { from: lead, to: k }, agent, from.s, to.e);
}

// Infinitives that mostly state a purpose or an obligation, not an attribution (train rates).
const INFINITIVE_BLOCKED = wordSet(`
  ask defend blame admit acknowledge confirm reveal deny show think believe praise contend learn
  order respond
`);

/**
 * `S V … to CUE C`: an infinitive cue whose speaker is the main clause's subject ("The NRA used
 * the comments to urge people to vote"). The cue takes its "to", as PolNeAR marks it.
 */
export function tryInfinitiveCue(
  ctx: SentenceContext,
  k: number,
  cue: ReportingCue,
  right: RightSide,
  needsComplement: boolean,
): void {
  const { toks } = ctx;
  if (right.type !== "content" || (!right.marked && needsComplement)) return;
  // "declined to say", "went on to say", "is expected to say": the verb before has its own rule.
  const before = toks[k - 2];
  if (!before?.word || before.cue || SPECIAL_WORDS.has(before.lw)) return;
  const cueTok = toks[k] as Token;
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const d = ctx.drafts[i] as Draft;
    if (d.sentence !== ctx.index) break;
    if (d.cueStart <= cueTok.s && d.cueEnd >= cueTok.e) return;
  }
  if (INFINITIVE_BLOCKED.has(cue.lemma)) return;
  const source = ctx.lastSource ?? mainClauseSubject(toks, k - 1);
  const end = contentEnd(toks, right.from);
  const from = toks[right.from];
  const to = toks[end - 1];
  if (!from || !to || end <= right.from) return;
  addDraft(ctx, CLAIM_RULES.infinitive, cue, { from: k - 1, to: k }, source, from.s, to.e);
}
