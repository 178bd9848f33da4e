/**
 * The agreement figures of @claimdesk/agreement on the published examples and on random
 * reliability matrices (seeded), as JSON on stdout for cross_check.py to compare with independent
 * implementations. With --npm <dir whose node_modules has krippendorff> it also runs
 * the npm package `krippendorff` (M. Schaefer, after Wikipedia's definition) on the same data.
 * Usage: pnpm exec tsx bench/agreement/compute.ts [--cases 200] [--seed 7] [--npm DIR]
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  cohenKappa,
  krippendorffAlpha,
  type ReliabilityMatrix,
} from "../../packages/agreement/src/index";

type Cell = number | null;
interface Case {
  name: string;
  /** units × coders */
  matrix: Cell[][];
  categories: number;
}

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** mulberry32: a small seeded PRNG, so runs are reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const published: Case[] = [
  {
    name: "Krippendorff 2011 sec. A (binary, 2 coders)",
    categories: 2,
    matrix: [
      [0, 1],
      [1, 1],
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 1],
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
    ],
  },
  {
    name: "Krippendorff 2011 sec. C (4 coders, missing data)",
    categories: 5,
    matrix: [
      [1, 1, null, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [null, 5, 5, 5],
      [null, null, 1, 1],
      [null, 3, null, null],
    ],
  },
];

function randomCases(count: number, seed: number): Case[] {
  const next = rng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const units = 5 + Math.floor(next() * 60);
    const coders = 2 + Math.floor(next() * 4);
    const categories = 2 + Math.floor(next() * 6);
    const missing = next() * 0.4;
    const agreement = next();
    const matrix = Array.from({ length: units }, () => {
      const truth = 1 + Math.floor(next() * categories);
      return Array.from({ length: coders }, (): Cell => {
        if (next() < missing) return null;
        if (next() < agreement) return truth;
        return 1 + Math.floor(next() * categories);
      });
    });
    cases.push({ name: `random ${i}`, matrix, categories });
  }
  return cases;
}

type NpmAlpha = (
  m: Array<Array<number | undefined>>,
  metric?: (a: number, b: number) => number,
) => number;
function loadNpm(): NpmAlpha | null {
  const at = process.argv.indexOf("--npm");
  const dir = at >= 0 ? process.argv[at + 1] : undefined;
  if (!dir) return null;
  const require = createRequire(join(dir, "package.json"));
  return (require("krippendorff") as { alpha: NpmAlpha }).alpha;
}

/** Ordinal δ² from the pairable values' marginals, for the npm package's metric hook. */
function ordinalMetric(matrix: Cell[][]) {
  const ng = new Map<number, number>();
  for (const row of matrix) {
    const present = row.filter((v): v is number => v !== null);
    if (present.length >= 2) for (const v of present) ng.set(v, (ng.get(v) ?? 0) + 1);
  }
  return (a: number, b: number) => {
    let between = 0;
    for (const [g, n] of ng) if (g >= Math.min(a, b) && g <= Math.max(a, b)) between += n;
    return (between - ((ng.get(a) ?? 0) + (ng.get(b) ?? 0)) / 2) ** 2;
  };
}

const npm = loadNpm();
const cases = [...published, ...randomCases(arg("cases", 200), arg("seed", 7))];
const out = cases.map((c) => {
  const m: ReliabilityMatrix = c.matrix;
  const alpha = {
    nominal: krippendorffAlpha(m, { level: "nominal" }).alpha,
    ordinal: krippendorffAlpha(m, { level: "ordinal" }).alpha,
    interval: krippendorffAlpha(m, { level: "interval" }).alpha,
  };
  const kappa = cohenKappa(c.matrix.map((row) => [row[0], row[1]] as const)).kappa;
  let npmAlpha: Record<string, number> | null = null;
  if (npm) {
    // The npm package wants coders × units, undefined for missing, and only units with ≥ 2 values
    // would be pairable anyway; it cannot take an all-missing matrix.
    const byCoder =
      c.matrix[0]?.map((_, coder) => c.matrix.map((row) => row[coder] ?? undefined)) ?? [];
    npmAlpha = {
      nominal: npm(byCoder),
      ordinal: npm(byCoder, ordinalMetric(c.matrix)),
      interval: npm(byCoder, (a, b) => (a - b) ** 2),
    };
  }
  return { name: c.name, matrix: c.matrix, alpha, kappa, npmAlpha };
});
process.stdout.write(JSON.stringify(out));
