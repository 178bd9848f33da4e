/**
 * Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability" (Annenberg School for Communication, Departmental Papers 43):
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)   over units with m_u ≥ 2 values
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c                                     (the pairable values)
 *   α    = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with the difference functions δ² of the paper: nominal (0 if c = k else 1), ordinal
 * ((Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the ranks between c and k), interval ((c − k)²) and
 * ratio (((c − k)/(c + k))²). Missing values are simply absent from their unit; a unit with a
 * single value has no pair and drops out.
 */

/** A coded value: a category (string or number) or, for interval and ratio data, a number. */
export type Value = string | number;
/** A missing value: the coder did not code that unit. */
export type Missing = null | undefined;
/** Rows are units, columns are coders: `matrix[unit][coder]`. Rows may be of unequal length. */
export type ReliabilityMatrix = ReadonlyArray<ReadonlyArray<Value | Missing>>;

export type Level = "nominal" | "ordinal" | "interval" | "ratio";

export type AlphaOptions =
  | { level: "nominal" }
  /** `order`: every category from lowest to highest. Without it the values must be numbers. */
  | { level: "ordinal"; order?: readonly Value[] }
  | { level: "interval" }
  | { level: "ratio" };

/** What stands behind a figure. */
export interface AlphaCounts {
  level: Level;
  /** Units with at least two values (the only ones that enter the computation). */
  units: number;
  /** Coders who gave at least one of those pairable values. */
  coders: number;
  /** n: the number of pairable values. */
  pairableValues: number;
}

export type AlphaResult =
  | (AlphaCounts & {
      status: "ok";
      alpha: number;
      /** D_o and D_e of the formula above. */
      observedDisagreement: number;
      expectedDisagreement: number;
      /** Share of pairable value pairs that match exactly (Σ_c o_cc / n). */
      observedAgreement: number;
    })
  | (AlphaCounts & {
      status: "undefined";
      /** no_pairable_values: no unit has two values. no_variation: every pairable value is the
       * same, so D_e = 0 and α = 0/0 (Krippendorff: reliability cannot be assessed). */
      reason: "no_pairable_values" | "no_variation";
      alpha: null;
      observedAgreement: number | null;
    });

/** The coincidence matrix of a reliability matrix, over its distinct values. */
export interface Coincidences {
  /** The distinct pairable values, in first-seen order (see `valueIndex`). */
  values: Value[];
  /** o[c][k], indices into `values`. */
  o: number[][];
  /** n_c: the row sums of `o`. */
  marginals: number[];
  /** n = Σ n_c. */
  total: number;
  units: number;
  coders: number;
}

function isPresent(v: Value | Missing): v is Value {
  return v !== null && v !== undefined && !(typeof v === "number" && Number.isNaN(v));
}

/** Builds o_ck from the units (rows) of `matrix`, skipping missing values and single-value units. */
export function coincidences(matrix: ReliabilityMatrix): Coincidences {
  const values: Value[] = [];
  const index = new Map<Value, number>();
  const pairable: number[][] = [];
  const coders = new Set<number>();
  for (const row of matrix) {
    const present: number[] = [];
    for (const v of row) {
      if (!isPresent(v)) continue;
      let i = index.get(v);
      if (i === undefined) {
        i = values.length;
        values.push(v);
        index.set(v, i);
      }
      present.push(i);
    }
    if (present.length < 2) continue;
    pairable.push(present);
    row.forEach((v, coder) => {
      if (isPresent(v)) coders.add(coder);
    });
  }
  // Values seen only in single-value units are not pairable: drop them from the value list.
  const used = new Set(pairable.flat());
  const kept = values.map((_, i) => i).filter((i) => used.has(i));
  const remap = new Map(kept.map((old, i) => [old, i]));
  const size = kept.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const m = unit.length;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const c = remap.get(unit[i] as number) as number;
        const k = remap.get(unit[j] as number) as number;
        (o[c] as number[])[k] = ((o[c] as number[])[k] as number) + 1 / (m - 1);
      }
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  return {
    values: kept.map((i) => values[i] as Value),
    o,
    marginals,
    total: marginals.reduce((s, x) => s + x, 0),
    units: pairable.length,
    coders: coders.size,
  };
}

function asNumber(v: Value, level: Level): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new TypeError(`${level} alpha needs numeric values; got ${JSON.stringify(v)}`);
  return v;
}

/** δ²(c, k) for every pair of indices into `co.values`. */
function differences(co: Coincidences, options: AlphaOptions): number[][] {
  const { values, marginals } = co;
  const size = values.length;
  const square = (f: (c: number, k: number) => number) =>
    Array.from({ length: size }, (_, c) => Array.from({ length: size }, (_, k) => f(c, k)));
  switch (options.level) {
    case "nominal":
      return square((c, k) => (c === k ? 0 : 1));
    case "interval": {
      const x = values.map((v) => asNumber(v, "interval"));
      return square((c, k) => ((x[c] as number) - (x[k] as number)) ** 2);
    }
    case "ratio": {
      const x = values.map((v) => asNumber(v, "ratio"));
      return square((c, k) => {
        const a = x[c] as number;
        const b = x[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      });
    }
    case "ordinal": {
      // The scale: every category in order, with its n_g (0 for categories nobody used).
      const scale: Value[] = options.order
        ? [...options.order]
        : [...values].sort((a, b) => asNumber(a, "ordinal") - asNumber(b, "ordinal"));
      const rank = new Map(scale.map((v, r) => [v, r]));
      if (rank.size !== scale.length) throw new TypeError("ordinal order lists a value twice");
      const ng = new Array<number>(scale.length).fill(0);
      const ranks = values.map((v, i) => {
        const r = rank.get(v);
        if (r === undefined)
          throw new TypeError(`value ${JSON.stringify(v)} is not in the ordinal order`);
        ng[r] = marginals[i] as number;
        return r;
      });
      // Prefix sums of n_g: Σ_{g=lo..hi} n_g = prefix[hi + 1] − prefix[lo].
      const prefix = [0];
      for (const n of ng) prefix.push((prefix[prefix.length - 1] as number) + n);
      return square((c, k) => {
        const lo = Math.min(ranks[c] as number, ranks[k] as number);
        const hi = Math.max(ranks[c] as number, ranks[k] as number);
        const between = (prefix[hi + 1] as number) - (prefix[lo] as number);
        return (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
      });
    }
  }
}

/** Krippendorff's alpha of a units × coders reliability matrix with missing values. */
export function krippendorffAlpha(matrix: ReliabilityMatrix, options: AlphaOptions): AlphaResult {
  const co = coincidences(matrix);
  const counts: AlphaCounts = {
    level: options.level,
    units: co.units,
    coders: co.coders,
    pairableValues: co.total,
  };
  if (co.total === 0)
    return {
      ...counts,
      status: "undefined",
      reason: "no_pairable_values",
      alpha: null,
      observedAgreement: null,
    };
  const delta = differences(co, options);
  const n = co.total;
  let observed = 0;
  let expected = 0;
  let agreeing = 0;
  co.o.forEach((row, c) => {
    agreeing += row[c] as number;
    row.forEach((occ, k) => {
      const d = (delta[c] as number[])[k] as number;
      observed += occ * d;
      expected += (co.marginals[c] as number) * (co.marginals[k] as number) * d;
    });
  });
  const observedAgreement = agreeing / n;
  if (expected === 0)
    return {
      ...counts,
      status: "undefined",
      reason: "no_variation",
      alpha: null,
      observedAgreement,
    };
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  return {
    ...counts,
    status: "ok",
    alpha: 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    observedAgreement,
  };
}
