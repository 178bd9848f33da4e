/** Reads the PolNeAR JSONL (gzip) at run time: one article per id, first annotator by sorted id. */

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";

export const POLNEAR_PATH = fileURLToPath(
  new URL("../../../shared/corpora/polnear/polnear-train-dev.jsonl.gz", import.meta.url),
);

export interface GoldPart {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface GoldAttribution {
  readonly source?: readonly GoldPart[];
  readonly cue?: readonly GoldPart[];
  readonly content?: readonly GoldPart[];
}

export interface PolnearArticle {
  readonly id: string;
  readonly compartment: string;
  readonly annotator: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

/** Every (article, annotator) line of the corpus, in file order. */
export async function loadPolnearAnnotations(path = POLNEAR_PATH): Promise<PolnearArticle[]> {
  const out: PolnearArticle[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of lines) if (line.trim()) out.push(JSON.parse(line) as PolnearArticle);
  return out;
}

/** Every article once, with the annotator whose id sorts first (deterministic, documented). */
export async function loadPolnear(path = POLNEAR_PATH): Promise<PolnearArticle[]> {
  return uniqueArticles(await loadPolnearAnnotations(path));
}

export function uniqueArticles(annotations: readonly PolnearArticle[]): PolnearArticle[] {
  const byId = new Map<string, PolnearArticle>();
  for (const a of annotations) {
    const seen = byId.get(a.id);
    if (!seen || a.annotator < seen.annotator) byId.set(a.id, a);
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
