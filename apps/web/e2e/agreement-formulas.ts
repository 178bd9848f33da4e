/**
 * The agreement statistics written out from their published definitions, independently of the app
 * (packages/agreement): the browser tests compare the Agreement page against these.
 */

export type V = string | null;
/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", pairwise form:
 * α = 1 − D_o/D_e; D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ²; D_e = (1/(n(n−1))) Σ_{i≠j over all
 * pairable values} δ². Units with fewer than two values are left out. */
export function krippendorff(units: V[][], delta: (a: string, b: string) => number): number {
  const pairable = units
    .map((u) => u.filter((v): v is string => v !== null))
    .filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  let dO = 0;
  for (const u of pairable) {
    let s = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) s += delta(u[i] as string, u[j] as string);
    dO += s / (u.length - 1);
  }
  let dE = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) dE += delta(all[i] as string, all[j] as string);
  return 1 - dO / n / (dE / (n * (n - 1)));
}
export const nominal = (a: string, b: string) => (a === b ? 0 : 1);
/** Krippendorff's ordinal δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², n_g over pairable values. */
export function ordinal(units: V[][], order: readonly string[]) {
  const n = new Map<string, number>();
  for (const u of units) {
    const vs = u.filter((v): v is string => v !== null);
    if (vs.length >= 2) for (const v of vs) n.set(v, (n.get(v) ?? 0) + 1);
  }
  return (a: string, b: string) => {
    const [lo, hi] = [order.indexOf(a), order.indexOf(b)].sort((x, y) => x - y) as [number, number];
    let between = 0;
    for (let g = lo; g <= hi; g++) between += n.get(order[g] as string) ?? 0;
    return (between - ((n.get(a) ?? 0) + (n.get(b) ?? 0)) / 2) ** 2;
  };
}
/** Cohen (1960): κ = (p_o − p_e)/(1 − p_e) over items both coded. */
export function cohen(a: V[], b: V[]): { kappa: number; n: number } {
  const items = a
    .map((x, i) => [x, b[i] ?? null] as const)
    .filter(([x, y]) => x !== null && y !== null);
  const n = items.length;
  const po = items.filter(([x, y]) => x === y).length / n;
  const cats = new Set(items.flat());
  let pe = 0;
  for (const c of cats)
    pe +=
      (items.filter(([x]) => x === c).length / n) * (items.filter(([, y]) => y === c).length / n);
  return { kappa: (po - pe) / (1 - pe), n };
}

/** The likelihood scale in its order (packages/types/src/enums.ts), for the ordinal metric. */
export const LIKELIHOOD_ORDER = [
  "almost_no_chance",
  "very_unlikely",
  "unlikely",
  "roughly_even_chance",
  "likely",
  "very_likely",
  "almost_certain",
];
