/**
 * Deterministic train/dev/test splits by article, never by claim: an article's bucket is a hash
 * of the seed and its text hash, so the same seed always puts it in the same split, whatever
 * else is selected, and no article's claims are spread over two splits.
 */
import { createHash } from "node:crypto";

export const SPLIT_NAMES = ["train", "dev", "test"] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];
export type SplitRatios = readonly [number, number, number];

/** A number in [0, 1) from sha256(`${seed}:${textSha256}`) (its first 48 bits). */
export function splitPoint(seed: number, textSha256: string): number {
  const digest = createHash("sha256").update(`${seed}:${textSha256}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The split of an article: the ratios are normalised, so 80/10/10 and 8/1/1 are the same. */
export function splitOf(seed: number, textSha256: string, ratios: SplitRatios): SplitName {
  const total = ratios[0] + ratios[1] + ratios[2];
  const x = splitPoint(seed, textSha256) * total;
  if (x < ratios[0]) return "train";
  if (x < ratios[0] + ratios[1]) return "dev";
  return "test";
}

/** Parses "80/10/10" (CLI and URL form); throws a readable error otherwise. */
export function parseSplitRatios(value: string): SplitRatios {
  const parts = value.split("/");
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p.trim()) ? Number(p) : Number.NaN));
  if (numbers.length !== 3 || numbers.some((n) => Number.isNaN(n)))
    throw new Error(`Invalid split "${value}": use train/dev/test ratios such as 80/10/10`);
  const [a = 0, b = 0, c = 0] = numbers;
  if (a + b + c <= 0) throw new Error(`Invalid split "${value}": the ratios must not all be zero`);
  return [a, b, c];
}
