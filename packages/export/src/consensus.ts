/**
 * Which judgement an export reports when several analysts annotated a claim: the adjudicated
 * annotation once adjudication exists (the canonical line's `adjudicated`, always null for now),
 * else the analysts' majority. A tie has no consensus and the claim is left out of FEVER.
 * Likelihood takes the lower median of the analysts' ICD 203 levels (an ordinal scale).
 */
import type { ExportAnnotation } from "@claimdesk/db";
import { LIKELIHOODS, type TLikelihood, type TVerdict } from "@claimdesk/types";

export interface Consensus<T> {
  value: T;
  /** "majority" (the only rule until adjudication exists) or "median". */
  rule: "majority" | "median";
  /** How many analysts gave a value. */
  votes: number;
}

/** The most frequent verdict; null when no analyst gave one or the top two tie. */
export function consensusVerdict(
  annotations: readonly ExportAnnotation[],
): Consensus<TVerdict> | null {
  const counts = new Map<TVerdict, number>();
  let votes = 0;
  for (const a of annotations) {
    if (a.verdict === null) continue;
    counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
    votes++;
  }
  const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  const top = ranked[0];
  if (top === undefined) return null;
  if (ranked[1] !== undefined && ranked[1][1] === top[1]) return null;
  return { value: top[0], rule: "majority", votes };
}

/** The lower median of the analysts' likelihoods; null when none gave one. */
export function consensusLikelihood(
  annotations: readonly ExportAnnotation[],
): Consensus<TLikelihood> | null {
  const levels = annotations
    .map((a) => (a.likelihood === null ? -1 : LIKELIHOODS.indexOf(a.likelihood)))
    .filter((i) => i >= 0)
    .sort((x, y) => x - y);
  if (levels.length === 0) return null;
  const level = levels[Math.floor((levels.length - 1) / 2)] ?? 0;
  const value = LIKELIHOODS[level];
  if (value === undefined) return null;
  return { value, rule: "median", votes: levels.length };
}
