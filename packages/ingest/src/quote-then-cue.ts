/**
 * `“Q?” S V, …` / `“Q!” V S, …`: a quotation that a question or exclamation mark ended as a
 * sentence of its own, then a sentence that opens with its attribution and goes on ("“What do I
 * have here?” Trump asked, looking far from displeased."). The verb-clause rules take the previous
 * quotation only for a bare `S V.`; here the attribution is followed by more.
 */
import { nounPhraseFrom, SUBJECT_PRONOUNS, subjectBefore } from "./attribution-phrases";
import { CLAIM_RULES } from "./claim-rules";
import { REPORTING_VERBS } from "./reporting-verbs";
import { addDraft, type SentenceContext } from "./sentence-context";

const MAX_CUE_OFFSET = 10;
const SENTENCE_MARKS = /[?!]\s*["”“'’]+$/;

/** Has a rule already drafted a claim of this sentence whose cue covers `offset`? */
function hasDraftAt(ctx: SentenceContext, offset: number): boolean {
  for (let i = ctx.drafts.length - 1; i >= 0; i--) {
    const d = ctx.drafts[i];
    if (!d || d.sentence !== ctx.index) return false;
    if (d.cueStart <= offset && offset < d.cueEnd) return true;
  }
  return false;
}

/** Adds the claim when the sentence opens with `S V` or `V S` for the quotation before it. */
export function tryQuoteThenCue(ctx: SentenceContext): void {
  const { toks, previous, text } = ctx;
  if (!previous) return;
  const quote = text.slice(previous.start, previous.end);
  if (!SENTENCE_MARKS.test(quote) || !/^["“']/.test(quote)) return;
  for (let k = 0; k < Math.min(toks.length, MAX_CUE_OFFSET); k++) {
    const tok = toks[k];
    if (!tok?.word) return;
    if (!tok.cue) continue;
    const cue = REPORTING_VERBS.get(tok.lw);
    const next = toks[k + 1];
    if (!cue || cue.needsComplement || !next || hasDraftAt(ctx, tok.s)) return;
    if (k === 0) {
      // `“Q!” beamed Donald Hartley of Madison, …`.
      const np = nounPhraseFrom(toks, 1);
      if (!np || SUBJECT_PRONOUNS.has(toks[1]?.lw ?? "") || toks[np.to + 1]?.word) return;
      addDraft(
        ctx,
        CLAIM_RULES.quoteThenCue,
        cue,
        { from: 0, to: 0 },
        np,
        previous.start,
        previous.end,
      );
      return;
    }
    const subject = subjectBefore(toks, k);
    if (subject.blocked || subject.range?.from !== 0 || next.t !== ",") return;
    addDraft(
      ctx,
      CLAIM_RULES.quoteThenCue,
      cue,
      { from: subject.lead, to: k },
      subject.range,
      previous.start,
      previous.end,
    );
    return;
  }
}
