/**
 * Cohen's kappa for two coders (Cohen 1960): κ = (p_o − p_e) / (1 − p_e), where p_o is the share
 * of items both coded the same and p_e = Σ_k p_A(k) · p_B(k) the agreement expected from each
 * coder's own category proportions. Only items both coders coded enter (n = those items).
 */
import type { Missing, Value } from "./krippendorff";

/** One item: coder A's value and coder B's (either may be missing). */
export type CodedPair = readonly [Value | Missing, Value | Missing];

export type KappaResult =
  | {
      status: "ok";
      kappa: number;
      observedAgreement: number;
      expectedAgreement: number;
      /** Items both coders coded. */
      items: number;
    }
  | {
      status: "undefined";
      /** no_items: no item was coded by both. no_variation: both coders used one and the same
       * category for every item, so p_e = 1 and κ = 0/0. */
      reason: "no_items" | "no_variation";
      kappa: null;
      observedAgreement: number | null;
      expectedAgreement: number | null;
      items: number;
    };

const present = (v: Value | Missing): v is Value => v !== null && v !== undefined;

/** The items both coders coded. */
export function bothCoded(pairs: readonly CodedPair[]): Array<readonly [Value, Value]> {
  return pairs.filter((p): p is readonly [Value, Value] => present(p[0]) && present(p[1]));
}

/** Share of the items both coded on which they gave the same value; null when there are none. */
export function observedAgreement(pairs: readonly CodedPair[]): number | null {
  const items = bothCoded(pairs);
  if (items.length === 0) return null;
  return items.filter(([a, b]) => a === b).length / items.length;
}

export function cohenKappa(pairs: readonly CodedPair[]): KappaResult {
  const items = bothCoded(pairs);
  const n = items.length;
  if (n === 0)
    return {
      status: "undefined",
      reason: "no_items",
      kappa: null,
      observedAgreement: null,
      expectedAgreement: null,
      items: 0,
    };
  const countA = new Map<Value, number>();
  const countB = new Map<Value, number>();
  let agree = 0;
  for (const [a, b] of items) {
    countA.set(a, (countA.get(a) ?? 0) + 1);
    countB.set(b, (countB.get(b) ?? 0) + 1);
    if (a === b) agree++;
  }
  let expectedAgreement = 0;
  for (const [value, na] of countA) expectedAgreement += (na / n) * ((countB.get(value) ?? 0) / n);
  const po = agree / n;
  // p_e = 1 only when both coders used the same single category throughout (then p_o = 1 too).
  if (expectedAgreement >= 1 - 1e-12)
    return {
      status: "undefined",
      reason: "no_variation",
      kappa: null,
      observedAgreement: po,
      expectedAgreement,
      items: n,
    };
  return {
    status: "ok",
    kappa: (po - expectedAgreement) / (1 - expectedAgreement),
    observedAgreement: po,
    expectedAgreement,
    items: n,
  };
}
