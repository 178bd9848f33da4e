/**
 * A/B of suggestion CPU: this tree's suggester against another checkout's, in one process, on the
 * same texts with sentences segmented once, alternating which goes first. For rule passes, whose
 * cost shows on news wire text (Reuters) differently from PolNeAR.
 * Usage: git worktree add /tmp/ab-old <rev> && ln -s "$PWD/node_modules" /tmp/ab-old/ &&
 *        ln -s "$PWD/packages/ingest/node_modules" /tmp/ab-old/packages/ingest/ &&
 *        tsx bench/claims/ab-suggest.ts /tmp/ab-old [texts] [rounds]
 */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { segmentSentences } from "../../packages/ingest/src/segment-sentences";
import { loadPolnear } from "./polnear";

const REUTERS = resolve(process.cwd(), "../shared/corpora/reuters-21578/reuters-21578.jsonl.gz");

type Suggest = typeof import("../../packages/ingest/src/suggest-claims")["suggestClaims"];

/** Both sides are loaded the same way (a dynamic import by path), so neither is favoured. */
async function suggesterIn(checkout: string): Promise<{ suggestClaims: Suggest }> {
  return (await import(resolve(checkout, "packages/ingest/src/suggest-claims.ts"))) as {
    suggestClaims: Suggest;
  };
}

async function reutersBodies(limit: number): Promise<string[]> {
  const out: string[] = [];
  const lines = createInterface({ input: createReadStream(REUTERS).pipe(createGunzip()) });
  for await (const line of lines) {
    const body = (JSON.parse(line) as { body?: unknown }).body;
    if (typeof body === "string" && body.trim()) out.push(body);
    if (out.length >= limit) break;
  }
  return out;
}

/** CPU milliseconds (user + system) of one pass of `suggest` over every text, and its claim count. */
function cpuOf(
  suggest: Suggest,
  texts: readonly string[],
  sentences: ReturnType<typeof segmentSentences>[],
) {
  const t0 = process.cpuUsage();
  let claims = 0;
  texts.forEach((text, i) => {
    claims += suggest(text, sentences[i] ?? []).length;
  });
  const used = process.cpuUsage(t0);
  return { ms: (used.user + used.system) / 1000, claims };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other)
    throw new Error("usage: tsx bench/claims/ab-suggest.ts <other checkout> [texts] [rounds]");
  const limit = Number(process.argv[3] ?? 8000);
  const rounds = Number(process.argv[4] ?? 8);
  const before = await suggesterIn(other);
  const current = await suggesterIn(process.cwd());
  const sets = [
    ["Reuters-21578", await reutersBodies(limit)],
    ["PolNeAR train + dev", (await loadPolnear()).map((a) => a.text)],
  ] as const;
  for (const [name, texts] of sets) {
    const sentences = texts.map((t) => segmentSentences(t));
    const sides = [before, current] as const;
    const times: [number[], number[]] = [[], []];
    const claims = [0, 0];
    for (let r = 0; r < rounds; r++) {
      for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const run = cpuOf(sides[side]?.suggestClaims ?? current.suggestClaims, texts, sentences);
        times[side]?.push(run.ms);
        claims[side] = run.claims;
      }
    }
    const [a, b] = times;
    // The first round warms the JIT for both; the median leaves it out in effect.
    const ratio = median(b) / median(a);
    console.log(
      `${name}: ${texts.length} texts, ${rounds} rounds; other ${median(a).toFixed(0)} ms (${claims[0]} claims), this tree ${median(b).toFixed(0)} ms (${claims[1]} claims): ×${ratio.toFixed(3)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
