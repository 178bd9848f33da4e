/**
 * The reporting stance a cue suggests [PARC authorial stance], keyed by the cue lemma stored on a
 * claim: the editor pre-fills the annotation's reporting stance from it. Only the lemmas that are
 * not neutral are listed (the same verbs the ingest lexicon marks); any other cue reads as neutral.
 */
import type { TReportingStance } from "./enums";

export const CUE_LEMMA_STANCES: Readonly<Record<string, Exclude<TReportingStance, "neutral">>> = {
  // The reporter keeps a distance.
  claim: "distancing",
  allege: "distancing",
  insist: "distancing",
  maintain: "distancing",
  contend: "distancing",
  purport: "distancing",
  // The reporter presents the content as fact.
  reveal: "committed",
  confirm: "committed",
  show: "committed",
  acknowledge: "committed",
  admit: "committed",
  concede: "committed",
  confess: "committed",
  prove: "committed",
  note: "committed",
  disclose: "committed",
  demonstrate: "committed",
  find: "committed",
  establish: "committed",
};

/** The stance a cue lemma suggests; null when the claim has no cue (the author's own voice). */
export function reportingStanceForCue(
  cueLemma: string | null | undefined,
): TReportingStance | null {
  const lemma = cueLemma?.trim().toLowerCase();
  if (!lemma) return null;
  return CUE_LEMMA_STANCES[lemma] ?? "neutral";
}
