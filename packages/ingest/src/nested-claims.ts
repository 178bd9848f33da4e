/**
 * Nested claims that PolNeAR leaves out: a belief or stance inside reported speech ("She said she
 * believes …") restates its parent's content rather than adding an attribution.
 */
import type { TSuggestedClaim } from "@claimdesk/types";
import { wordSet } from "./word-set";

// "She said she believes …", "he said he supports …": a belief or stance inside reported speech
// restates its parent's content; PolNeAR marks few of them (in train 13 of 159 nested beliefs,
// about a fifth of the nested stances and acts). Nested speech ("said officials told him") stays,
// except "prefer", "order", "speak", "refer" and "declare" (5 of 39 nested ones marked in train).
const NESTED_DROPPED = wordSet(`
  think believe hope fear feel know expect worry support oppose attack endorse vote seek talk agree
  discuss pledge show refuse respond criticize criticise call tell ask appear report announce reject
  want plan back favor consider decide see view prefer order speak refer declare
`);

/** Drops beliefs and stances nested in another claim's content, renumbering the parents. */
export function withoutNestedStances(
  claims: TSuggestedClaim[],
  maxHops: number,
): TSuggestedClaim[] {
  const drop = (c: TSuggestedClaim) =>
    c.parentIndex !== null && NESTED_DROPPED.has(c.cueLemma ?? "");
  if (!claims.some(drop)) return claims;
  const newIndex: number[] = [];
  const kept: TSuggestedClaim[] = [];
  for (const c of claims) {
    newIndex.push(drop(c) ? -1 : kept.length);
    if (!drop(c)) kept.push(c);
  }
  for (const c of kept) {
    // A claim inside a dropped belief moves up to the belief's own parent.
    let p = c.parentIndex;
    for (let hops = 0; p !== null && (newIndex[p] ?? -1) < 0 && hops < maxHops; hops++)
      p = claims[p]?.parentIndex ?? null;
    const parent = p === null ? -1 : (newIndex[p] ?? -1);
    c.parentIndex = parent >= 0 ? parent : null;
  }
  return kept;
}
