/**
 * Seeds the web benchmark's database: Reuters-21578 once through the real ingest pipeline
 * (processPlainText → insertProcessedArticles), then its articles replicated with distinct texts (a
 * suffix after the body, so hashes differ and spans stay valid) until the target claim count, then
 * statuses and annotations (stance, likelihood, tags) on a share of claims so every filter has data.
 * The annotations belong to the bench analyst account (./bench-analyst.ts), who the web benchmark
 * signs in as.
 */

import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { type Db, insertProcessedArticles, openDb } from "../../packages/db/src/index";
import { migrateDb } from "../../packages/db/src/migrate";
import { processPlainText } from "../../packages/ingest/src/index";
import type { TProcessedArticle } from "../../packages/types/src/index";

export const REUTERS = fileURLToPath(
  new URL("../../../shared/corpora/reuters-21578/reuters-21578.jsonl.gz", import.meta.url),
);

const MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(" ");

/** "26-FEB-1987 15:01:01.79" → "1987-02-26", or undefined. */
function reutersDate(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const m = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(raw);
  const month = m ? MONTHS.indexOf(m[2] ?? "") : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
}

/** Reuters' articles with claims, through the pipeline; stops once they hold `maxClaims` claims. */
async function readReuters(maxClaims = Number.POSITIVE_INFINITY): Promise<TProcessedArticle[]> {
  const input = createReadStream(REUTERS);
  const lines = createInterface({ input: input.pipe(createGunzip()) });
  const out: TProcessedArticle[] = [];
  let claims = 0;
  for await (const line of lines) {
    if (claims >= maxClaims) break;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    const body = typeof record.body === "string" ? record.body : "";
    if (body.trim().length < 40) continue;
    try {
      const article = processPlainText(body, {
        title: typeof record.title === "string" ? record.title : undefined,
        publisher: "Reuters",
        publishedAt: reutersDate(record.date),
        externalId: `reuters-${String(record.newid)}`,
      });
      if (article.claims.length > 0) {
        out.push(article);
        claims += article.claims.length;
      }
    } catch {
      // Texts the pipeline refuses (empty after cleaning) are simply not part of the corpus.
    }
  }
  input.destroy();
  return out;
}

const PUBLISHERS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera"];

/** Copy `r` of an article: a distinct text (hash), a shifted date, a rotating publisher. */
function replicate(article: TProcessedArticle, r: number): TProcessedArticle {
  const text = `${article.text}\n\n(copy ${r})`;
  const year = Number(article.publishedAt?.slice(0, 4) ?? "1987") + (r % 37);
  return {
    ...article,
    text,
    textSha256: createHash("sha256").update(text).digest("hex"),
    externalId: null,
    url: null,
    publisher: PUBLISHERS[r % PUBLISHERS.length] ?? "Reuters",
    publishedAt: article.publishedAt ? `${year}${article.publishedAt.slice(4)}` : null,
  };
}

export function claimCount(db: Db): number {
  return (
    (db.$client.prepare("select max(id) as n from claims").get() as { n: number | null }).n ?? 0
  );
}

/** Opens (creating and seeding when needed) a database with at least `target` claims. */
export async function seedCorpus(
  path: string,
  target: number,
  log: (s: string) => void,
): Promise<Db> {
  const fresh = !existsSync(path);
  const db = openDb({ path });
  migrateDb(db);
  const have = claimCount(db);
  if (!fresh && have >= target) {
    log(`reusing ${path} (${have.toLocaleString("en")} claims)`);
    return db;
  }
  const t0 = Date.now();
  log("processing Reuters-21578 through the ingest pipeline…");
  // A small target needs only the first articles: the pipeline is the costly part of seeding.
  const base = await readReuters(target);
  const perPass = base.reduce((n, a) => n + a.claims.length, 0);
  log(`${base.length} articles with ${perPass} claims per pass (${Date.now() - t0} ms)`);
  let total = have;
  for (let r = 0; total < target; r++) {
    for (let i = 0; i < base.length && total < target; i += 1000) {
      const batch = base.slice(i, i + 1000).map((a) => (r === 0 ? a : replicate(a, r)));
      total += insertProcessedArticles(db, null, batch).claims;
    }
    log(
      `pass ${r}: ${total.toLocaleString("en")} claims (${Math.round((Date.now() - t0) / 1000)} s)`,
    );
  }
  // Decisions and annotations live in the analysts' own layers (bench/web/seed-layers.ts):
  // bench:web seeds two analysts' on a fifth of the claims.
  const sqlite = db.$client;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  log(
    `seeded ${claimCount(db).toLocaleString("en")} claims in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  return db;
}
