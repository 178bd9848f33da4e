/**
 * Bulk-import speed and memory against the budgets in DESIGN.md, as ratios measured in one run:
 * (a) a bare prepared INSERT (+ FTS triggers) of Reuters-21578's texts, (b) the real import CLI
 * (claim suggestion included) at --jobs 1 and 2; HTML pages at --jobs 1 vs 2; peak RSS on
 * Reuters replicated N times (distinct texts). Writes bench/results/import.md.
 * Usage: pnpm bench:import [--replicate 10] [--html-copies 6] [--no-write]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { openDb } from "../packages/db/src/client";
import { migrateDb } from "../packages/db/src/migrate";

// pnpm runs scripts from the repository root; the corpora sit next to it.
const ROOT = process.cwd();
const CORPORA = resolve(ROOT, "..", "shared", "corpora");
const REUTERS = join(CORPORA, "reuters-21578", "reuters-21578.jsonl.gz");
const HTML_DIR = join(CORPORA, "article-extraction-benchmark", "html");
const RESULTS = resolve(ROOT, "bench/results/import.md");

const args = process.argv.slice(2);
const argValue = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
};
const REPLICATE = argValue("--replicate", 10);
const HTML_COPIES = argValue("--html-copies", 6);
const WRITE = !args.includes("--no-write");

const BUDGET_TEXT_RATIO = 3;
const BUDGET_HTML_SPEEDUP = 1.7;
const BUDGET_RSS_MB = 300;

interface ReutersDoc {
  newid: number;
  title?: string | null;
  date?: string | null;
  body?: string | null;
}

async function* reutersDocs(): AsyncGenerator<ReutersDoc> {
  const lines = createInterface({ input: createReadStream(REUTERS).pipe(createGunzip()) });
  for await (const line of lines) if (line.trim() !== "") yield JSON.parse(line) as ReutersDoc;
}

/** (a) The floor: read, hash and INSERT the same bodies in 500-row transactions; FTS triggers fire. */
async function bareInsert(dbPath: string): Promise<{ docs: number; ms: number; cpuMs: number }> {
  const db = openDb({ path: dbPath });
  migrateDb(db);
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `insert into articles (external_id, title, published_at, text, text_sha256, extractor)
     values (?, ?, ?, ?, ?, 'bare@1') on conflict (text_sha256) do nothing`,
  );
  const writeBatch = sqlite.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let batch: unknown[][] = [];
  let docs = 0;
  for await (const doc of reutersDocs()) {
    if (!doc.body?.trim()) continue;
    const sha = createHash("sha256").update(doc.body).digest("hex");
    batch.push([String(doc.newid), doc.title ?? null, doc.date ?? null, doc.body, sha]);
    docs++;
    if (batch.length === 500) {
      writeBatch(batch);
      batch = [];
    }
  }
  writeBatch(batch);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  sqlite.close();
  return { docs, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

interface CliSummary {
  status: string;
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
  claims: number;
  durationMs: number;
  peakRssBytes: number;
  cpuMs: number;
}

interface CliRun {
  command: string;
  summary: CliSummary;
  wallMs: number;
}

/** (b) The real CLI in a child process on a fresh database; its --json summary has time and RSS. */
function runImport(dbPath: string, jobs: number, inputs: string[]): CliRun {
  const cliArgs = ["import", "--json", "--no-progress", "--jobs", String(jobs), ...inputs];
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "apps/worker/src/cli.ts", ...cliArgs],
    {
      cwd: ROOT,
      env: { ...process.env, CLAIMDESK_DB: dbPath, INIT_CWD: ROOT },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`import failed (${result.status}): ${result.stderr}\n${result.stdout}`);
  }
  const summary = JSON.parse(result.stdout) as CliSummary;
  const command = `CLAIMDESK_DB=<fresh db> pnpm worker ${cliArgs.join(" ")}`;
  return { command, summary, wallMs };
}

/** Reuters written `copies` times with distinct texts and ids (else copies would be duplicates). */
async function replicateReuters(file: string, copies: number): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  for (let copy = 0; copy < copies; copy++) {
    for await (const doc of reutersDocs()) {
      const body = doc.body ? `(Copy ${copy + 1}.) ${doc.body}` : doc.body;
      const line = `${JSON.stringify({ ...doc, newid: `${copy + 1}-${doc.newid}`, body })}\n`;
      if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
      lines++;
    }
  }
  await new Promise<void>((r, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : r())),
  );
  return lines;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);
const fixed = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  const work = mkdtempSync(join(tmpdir(), "claimdesk-bench-import-"));
  const load = [loadavg()[0] ?? 0];
  const date = new Date().toISOString();
  try {
    // (a) vs (b) on Reuters-21578.
    console.log("Reuters-21578: bare insert …");
    const bare = await bareInsert(join(work, "bare.db"));
    console.log(
      `  ${bare.docs} docs in ${fixed(bare.ms / 1000)} s (${perSecond(bare.docs, bare.ms)}/s)`,
    );
    const text1 = runImport(join(work, "reuters-j1.db"), 1, [REUTERS]);
    console.log(`  import --jobs 1: ${fixed(text1.summary.durationMs / 1000)} s`);
    const text2 = runImport(join(work, "reuters-j2.db"), 2, [REUTERS]);
    console.log(`  import --jobs 2: ${fixed(text2.summary.durationMs / 1000)} s`);
    load.push(loadavg()[0] ?? 0);

    // HTML pages, replicated.
    const htmlDir = join(work, "html");
    mkdirSync(htmlDir);
    const pages = readdirSync(HTML_DIR).filter((f) => f.endsWith(".html.gz"));
    for (const page of pages) {
      const bytes = readFileSync(join(HTML_DIR, page));
      for (let copy = 0; copy < HTML_COPIES; copy++) {
        writeFileSync(join(htmlDir, `${copy}-${page}`), bytes);
      }
    }
    const htmlFiles = pages.length * HTML_COPIES;
    console.log(`HTML: ${htmlFiles} pages …`);
    const html1 = runImport(join(work, "html-j1.db"), 1, [htmlDir]);
    console.log(`  --jobs 1: ${fixed(html1.summary.durationMs / 1000)} s`);
    const html2 = runImport(join(work, "html-j2.db"), 2, [htmlDir]);
    console.log(`  --jobs 2: ${fixed(html2.summary.durationMs / 1000)} s`);
    load.push(loadavg()[0] ?? 0);

    // Memory flatness on a large input.
    const bigFile = join(work, `reuters-x${REPLICATE}.jsonl`);
    const bigLines = await replicateReuters(bigFile, REPLICATE);
    console.log(`Reuters ×${REPLICATE}: ${bigLines} records …`);
    const big = runImport(join(work, "big.db"), 2, [bigFile]);
    console.log(
      `  ${fixed(big.summary.durationMs / 1000)} s, peak RSS ${mb(big.summary.peakRssBytes)} MB`,
    );
    load.push(loadavg()[0] ?? 0);

    const ratio1 = text1.summary.durationMs / bare.ms;
    const ratio2 = text2.summary.durationMs / bare.ms;
    const cpuRatio1 = text1.summary.cpuMs / bare.cpuMs;
    const cpuRatio2 = text2.summary.cpuMs / bare.cpuMs;
    const bestRatio = Math.min(ratio1, ratio2);
    const htmlSpeedup = html1.summary.durationMs / html2.summary.durationMs;
    const runs: [string, CliRun][] = [
      ["Reuters --jobs 1", text1],
      ["Reuters --jobs 2", text2],
      ["HTML --jobs 1", html1],
      ["HTML --jobs 2", html2],
      [`Reuters ×${REPLICATE} --jobs 2`, big],
    ];
    const overBudget = runs.filter(([, r]) => mb(r.summary.peakRssBytes) >= BUDGET_RSS_MB);
    const bigRss = mb(big.summary.peakRssBytes);
    const pass = (ok: boolean) => (ok ? "**pass**" : "**FAIL**");
    const row = (name: string, run: CliRun) => {
      const s = run.summary;
      return `| ${name} | ${s.read} | ${s.imported} | ${s.claims} | ${fixed(s.durationMs / 1000)} | ${fixed(s.cpuMs / 1000)} | ${perSecond(s.read, s.durationMs)} | ${mb(s.peakRssBytes)} |`;
    };
    const report = [
      "# Import benchmark",
      "",
      `Command: \`pnpm bench:import${args.length > 0 ? ` ${args.join(" ")}` : ""}\` (bench/import.ts)  `,
      `Date: ${date} · os.cpus().length: ${cpus().length} · Node ${process.version}  `,
      `1-minute load average at start / after text / after HTML / after the large run: ${load.map((l) => fixed(l)).join(" / ")}`,
      "",
      "A load average near 0 means a quiet machine; on a loaded one absolute figures are low and",
      "noisy, which is why the budgets are ratios measured in the same run.",
      "",
      "Each import runs the real CLI in a child process on a fresh database:",
      `\`${text1.command}\` (and likewise for every row). Times are the import's own \`durationMs\``,
      "(reading, processing, writing; not Node/tsx start-up or migrations) and `cpuMs` (user + system,",
      "all threads); peak RSS is the child's `process.resourceUsage().maxRSS` (worker threads",
      "included). All three come from its JSON summary.",
      "",
      "## Budgets",
      "",
      "| budget | measured | result |",
      "| --- | --- | --- |",
      `| Text/JSONL import within ${BUDGET_TEXT_RATIO}× a bare insert (+FTS), wall time | ${fixed(ratio1)}× (--jobs 1), ${fixed(ratio2)}× (--jobs 2) | ${pass(bestRatio <= BUDGET_TEXT_RATIO)} |`,
      `| (same, CPU time: less sensitive to the machine's load) | ${fixed(cpuRatio1)}× (--jobs 1), ${fixed(cpuRatio2)}× (--jobs 2) | ${pass(Math.min(cpuRatio1, cpuRatio2) <= BUDGET_TEXT_RATIO)} |`,
      `| HTML import --jobs 2 ≥ ${BUDGET_HTML_SPEEDUP}× --jobs 1 | ${fixed(htmlSpeedup)}× | ${pass(htmlSpeedup >= BUDGET_HTML_SPEEDUP)} |`,
      `| Peak RSS < ${BUDGET_RSS_MB} MB on a large input: Reuters ×${REPLICATE} (${bigLines} records), --jobs 2 | ${bigRss} MB (Reuters ×1 --jobs 2: ${mb(text2.summary.peakRssBytes)} MB) | ${pass(bigRss < BUDGET_RSS_MB)} |`,
      `| Peak RSS < ${BUDGET_RSS_MB} MB in every run | ${overBudget.length === 0 ? "all under" : `over in: ${overBudget.map(([name, r]) => `${name} ${mb(r.summary.peakRssBytes)} MB`).join(", ")}`} | ${pass(overBudget.length === 0)} |`,
      "",
      "## Figures",
      "",
      `(a) Bare insert of Reuters-21578 bodies (gunzip + JSON.parse + SHA-256 + prepared INSERT, 500 a`,
      `transaction, FTS5 triggers firing): ${bare.docs} articles in ${fixed(bare.ms / 1000)} s = ${perSecond(bare.docs, bare.ms)} articles/s`,
      `(${fixed(bare.cpuMs / 1000)} s CPU).`,
      "",
      "| import | records read | imported | claims | seconds | CPU seconds | records/s | peak RSS MB |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      row("(b) Reuters-21578 JSONL.gz, --jobs 1", text1),
      row("(b) Reuters-21578 JSONL.gz, --jobs 2", text2),
      row(`HTML: ${pages.length} pages × ${HTML_COPIES} copies, --jobs 1`, html1),
      row(`HTML: ${pages.length} pages × ${HTML_COPIES} copies, --jobs 2`, html2),
      row(`Reuters ×${REPLICATE} (distinct texts), --jobs 2`, big),
      "",
      "Reuters has 21,578 records of which about 2,500 have no body: they are read and reported as",
      "failed (file, line, reason), so `read` exceeds the bare insert's count. The HTML copies are",
      "byte-identical, so all but the first of each are duplicates after processing (extraction and",
      "claim suggestion still run for every page).",
      "",
      "## Profile and what remains",
      "",
      "Measured separately (2026-11-24, on a machine shared with other engineers' builds, load",
      "average 2–25) while tuning, with ad-hoc scripts; not re-measured by this script.",
      "",
      "- Text write path (the main thread's share). Writing the 19,043 processed Reuters articles",
      "  (64,689 claims) alone, 500 a transaction, took 9.3–11.0 s CPU. `strace -c`: 2.2 M",
      "  `pwrite64` calls, nearly all to SQLite temporary files: the batch ran inside a savepoint",
      "  (insertProcessedArticles nested in the writer's transaction), so each trigger-firing INSERT's",
      "  statement journal outgrew 64 KiB and spilled to a file, a write system call per page per",
      "  claim. Now: the writer's transaction runs writeProcessedArticles with no savepoint, on",
      "  better-sqlite3 statements prepared once per connection (not Drizzle's per-row mapping), with",
      "  source lookups on raw statements too; the import's connection sets `temp_store = MEMORY`",
      "  and `wal_autocheckpoint = 10000`; and a batch's claims are indexed in claims_fts with one",
      "  `INSERT … SELECT` (migration 0005: the insert trigger stands aside while",
      "  `claims_fts_deferred` holds a row, which exists only inside the importer's transaction, so",
      "  the web's inserts still index at once). Same write, same minutes: 4.3–5.1 s CPU (FTS per batch",
      "  saved ~1–1.5 s of it, the larger WAL checkpoint interval ~0.3–0.5 s; FTS5 `columnsize=0` was",
      "  slower here and `detail=column` would break phrase matches such as `U.S.`, so neither is used).",
      "- Processing (decode, clean, segment, suggest claims) always runs in worker threads, `--jobs 1`",
      "  included; the main thread only reads and writes, and each worker is kept up to 1,024 records",
      "  (1 MB of input, at least 16) ahead, so a batch's synchronous write overlaps processing the next",
      "  records: wall time is about max(processing, writing) instead of their sum.",
      "- Memory: the main thread's heap is mostly garbage of written records that lived long enough",
      "  to be promoted; V8 let it reach ~100 MB before collecting. It is now collected after a batch",
      "  once it passes 48 MB (Reuters --jobs 1: peak RSS 280 → 250 MB in the same harness). The",
      "  worker's `user` command loaded the auth stack at start-up for every command (~45 MB RSS);",
      "  it is now loaded by that command only. HTML with --jobs 1 runs in a worker with the same",
      "  2 MB young generation as --jobs 2 (416 → ~257 MB). A young generation of 8 MB cut HTML CPU",
      "  by roughly a fifth in one loaded run but took --jobs 2 to 292 MB, so it stays at 2 MB.",
      "- HTML --jobs 2 vs --jobs 1: both now run the same worker code under the same limits, so the",
      "  ratio is the pool's scaling on two cores; --jobs 2 spends ~20–30 % more CPU than --jobs 1 for",
      "  the same pages (GC helper threads and the two isolates compete for the cores), which is",
      "  what keeps it from 2×. Load-independent comparisons need a quiet machine.",
      "",
    ].join("\n");
    console.log(`\n${report}`);
    if (WRITE) {
      writeFileSync(RESULTS, report);
      console.log(`Wrote ${RESULTS}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
