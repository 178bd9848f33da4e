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
      "Measured separately (2026-11-24, same loaded machine) while tuning, with ad-hoc scripts;",
      "not re-measured by this script.",
      "",
      "- Where text import time goes (`node --cpu-prof`, 5,000 Reuters records, --jobs 1): about",
      "  three quarters in SQLite writes on the main thread, a quarter in the ingest pipeline. The",
      "  largest single write cost is the claims FTS5 trigger (`claims_fts_ai`, migration 0003):",
      "  inserting the same 14,782 claims took 1.3–2.9 s with it and 0.36–0.8 s without it (raw",
      "  better-sqlite3, 500 a transaction; transaction size 100–15,000 made no clear difference). The",
      "  bare insert pays neither claims nor their index. Within 3× needs a schema-level change",
      "  (e.g. filling claims_fts in bulk after the import instead of per row by trigger): the schema",
      "  and migrations were frozen this round, so this is reported, not done.",
      "- --jobs 2 does not speed up text on this machine: the main thread's writes are the",
      "  bottleneck, and posting records/results between threads adds ~15–20 % CPU.",
      "- HTML --jobs 2 vs --jobs 1: not met. With --jobs 1, V8's GC helper threads already use part",
      "  of the second core (100 pages: 2.8–3.8 s wall for 3.6–3.7 s CPU), and the workers' 2 MB",
      "  young generation that keeps RSS in budget costs extra scavenges (--jobs 2: 4.1–4.2 s wall,",
      "  4.3–4.4 s CPU in the same minute). When the process got both cores, --jobs 2 ran at 1.8",
      "  CPU-seconds per second (7.9 s CPU in 4.4 s); under other engineers' load it got about one",
      "  (this run's --jobs 2 row: CPU ≈ wall). Next: a larger young generation when RSS allows,",
      "  and measuring on an idle machine.",
      "- Memory: worker code is bundled once per run with tsx's esbuild, so workers run plain",
      "  JavaScript without a TypeScript loader thread each (5,000 Reuters records, --jobs 2: peak",
      "  RSS 313 → 265 MB); workers get a 2 MB young generation (HTML, 100 pages, --jobs 2:",
      "  436 → ~275 MB, at the CPU cost above). With --jobs 1, HTML is processed on the main thread, whose heap",
      "  limits cannot be set from inside the process; a Node process under tsx starts at ~76 MB",
      "  (plain node: 39 MB).",
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
