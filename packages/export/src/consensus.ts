/**
 * Which judgement an export reports when several analysts annotated a claim: the adjudicator's
 * decision (the canonical line's `adjudicated`) for each field it gives a value; else the
 * analysts' majority verdict (a tie has no consensus and the claim is left out of FEVER) and the
 * lower median of their ICD 203 likelihoods (an ordinal scale).
 */
import type { ExportClaim } from "@claimdesk/db";
import { LIKELIHOODS, type TLikelihood, type TVerdict } from "@claimdesk/types";

export interface Consensus<T> {
  value: T;
  /** "adjudicated" (the adjudicator's decision), "majority" (verdict) or "median" (likelihood). */
  rule: "adjudicated" | "majority" | "median";
  /** How many analysts gave a value. */
  votes: number;
}

/** What the consensus reads of a claim: the analysts' annotations and the decision, if any. */
export type Judged = Pick<ExportClaim, "annotations" | "adjudication">;

/** The adjudicated verdict if there is one; else the most frequent verdict, null when no analyst
 * gave one or the top two tie. */
export function consensusVerdict(claim: Judged): Consensus<TVerdict> | null {
  const counts = new Map<TVerdict, number>();
  let votes = 0;
  for (const a of claim.annotations) {
    if (a.verdict === null) continue;
    counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
    votes++;
  }
  const decided = claim.adjudication?.verdict ?? null;
  if (decided !== null) return { value: decided, rule: "adjudicated", votes };
  const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  const top = ranked[0];
  if (top === undefined) return null;
  if (ranked[1] !== undefined && ranked[1][1] === top[1]) return null;
  return { value: top[0], rule: "majority", votes };
}

/** The adjudicated likelihood if there is one; else the lower median of the analysts'
 * likelihoods, null when none gave one. */
export function consensusLikelihood(claim: Judged): Consensus<TLikelihood> | null {
  const levels = claim.annotations
    .map((a) => (a.likelihood === null ? -1 : LIKELIHOODS.indexOf(a.likelihood)))
    .filter((i) => i >= 0)
    .sort((x, y) => x - y);
  const decided = claim.adjudication?.likelihood ?? null;
  if (decided !== null) return { value: decided, rule: "adjudicated", votes: levels.length };
  if (levels.length === 0) return null;
  const level = levels[Math.floor((levels.length - 1) / 2)] ?? 0;
  const value = LIKELIHOODS[level];
  if (value === undefined) return null;
  return { value, rule: "median", votes: levels.length };
}
