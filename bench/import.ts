/**
 * Bulk-import speed and memory against the budgets in DESIGN.md, as ratios measured in one run:
 * (a) a bare prepared INSERT (+ FTS triggers) of Reuters-21578's texts, (b) the real import CLI
 * (claim suggestion included) at --jobs 1 and 2; HTML pages at --jobs 1 vs 2; peak RSS on
 * Reuters replicated N times (distinct texts). Writes bench/results/import.md.
 * Usage: pnpm bench:import [--replicate 10] [--html-copies 8,40] [--html-pairs 3] [--no-write]
 *   [--smoke]   (CI: 200 Reuters records, 10 HTML pages, one round of each, nothing written)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  linkSync,
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
/** Every article page of the three HTML corpora: [corpus folder, page path inside it]. */
function htmlPages(): { name: string; path: string }[] {
  const inDir = (dir: string, test: (f: string) => boolean) =>
    readdirSync(join(CORPORA, dir))
      .filter(test)
      .map((f) => ({ name: f, path: join(CORPORA, dir, f) }));
  const readabilityPages = join("readability-test-pages", "pages");
  return [
    ...inDir(join("article-extraction-benchmark", "html"), (f) => f.endsWith(".html.gz")),
    ...inDir(join("trafilatura-eval", "html"), (f) => f.endsWith(".html")),
    // Each test page is a folder holding the page (source.html) and Readability's expected output.
    ...readdirSync(join(CORPORA, readabilityPages)).map((page) => ({
      name: `${page}.html`,
      path: join(CORPORA, readabilityPages, page, "source.html"),
    })),
  ];
}
const RESULTS = resolve(ROOT, "bench/results/import.md");

const args = process.argv.slice(2);
const SMOKE = args.includes("--smoke");
const argValue = (name: string, fallback: number) => {
  if (SMOKE) return 1;
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
};
const REPLICATE = argValue("--replicate", 10);
/**
 * --jobs 1 / --jobs 2 pairs run on the bulk series: on this shared VM one pair's ratio moved by a
 * tenth between runs of the same code, so the budget takes the median pair.
 */
const HTML_PAIRS = argValue("--html-pairs", 3);
// Rounds of (a), (b) --jobs 1 and (b) --jobs 2 on Reuters, interleaved so that the machine's load
// drifts over all three alike; the budget reads the median round's ratio (one round moved the
// ratio by ±0.15 on this shared VM, about the budget's whole margin).
const TEXT_ROUNDS = argValue("--text-rounds", 3);
/**
 * Copies of the HTML pages per series: a thousand pages, where each thread's start-up (V8
 * compiling the extraction code anew in every thread) still weighs, and a bulk import five times
 * larger, the case the --jobs budget is about (the worker is for thousands of files and more).
 */
const HTML_COPIES = (() => {
  const i = args.indexOf("--html-copies");
  const list = (SMOKE ? "1" : i >= 0 ? (args[i + 1] ?? "") : "8,40").split(",").map(Number);
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--html-copies needs positive integers, e.g. 8,40");
  return list;
})();
const WRITE = !SMOKE && !args.includes("--no-write");
/** Reuters-21578, or under --smoke its first 200 records (written to the work folder by main). */
let reutersInput = REUTERS;

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
  const input = createReadStream(reutersInput);
  const lines = createInterface({
    input: reutersInput.endsWith(".gz") ? input.pipe(createGunzip()) : input,
  });
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

interface HtmlSeries {
  copies: number;
  /** --jobs 1 then --jobs 2, as many pairs as were run. */
  pairs: { j1: CliRun; j2: CliRun }[];
}

const speedup = ({ j1, j2 }: { j1: CliRun; j2: CliRun }) =>
  j1.summary.durationMs / j2.summary.durationMs;

interface CliRun {
  command: string;
  summary: CliSummary;
  wallMs: number;
}

/**
 * (b) The real CLI in a child process on a fresh database, started as users start it (`pnpm worker`,
 * so with the Node flags of the root package.json); its --json summary has time and RSS.
 */
function runImport(dbPath: string, jobs: number, inputs: string[]): CliRun {
  const cliArgs = ["import", "--json", "--no-progress", "--jobs", String(jobs), ...inputs];
  const started = performance.now();
  const result = spawnSync("pnpm", ["--silent", "worker", ...cliArgs], {
    cwd: ROOT,
    env: { ...process.env, CLAIMDESK_DB: dbPath },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
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

interface TextRound {
  readonly bare: { docs: number; ms: number; cpuMs: number };
  readonly j1: CliRun;
  readonly j2: CliRun;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "claimdesk-bench-import-"));
  if (SMOKE) {
    const head: string[] = [];
    for await (const doc of reutersDocs()) {
      head.push(JSON.stringify(doc));
      if (head.length === 200) break;
    }
    reutersInput = join(work, "reuters-head.jsonl");
    writeFileSync(reutersInput, `${head.join("\n")}\n`);
  }
  const load = [loadavg()[0] ?? 0];
  const date = new Date().toISOString();
  try {
    // (a) vs (b) on Reuters-21578.
    const textRounds: TextRound[] = [];
    for (let round = 0; round < TEXT_ROUNDS; round++) {
      console.log(`Reuters-21578, round ${round + 1}: bare insert …`);
      const bare = await bareInsert(join(work, `bare-${round}.db`));
      console.log(
        `  ${bare.docs} docs in ${fixed(bare.ms / 1000)} s (${perSecond(bare.docs, bare.ms)}/s)`,
      );
      const [j1, j2] = [1, 2].map((jobs) => {
        const run = runImport(join(work, `reuters-${round}-j${jobs}.db`), jobs, [reutersInput]);
        console.log(`  import --jobs ${jobs}: ${fixed(run.summary.durationMs / 1000)} s`);
        return run;
      }) as [CliRun, CliRun];
      textRounds.push({ bare, j1, j2 });
    }
    const medianRound = (ratio: (t: TextRound) => number): number => median(textRounds.map(ratio));
    const text1 = textRounds[0]?.j1 as CliRun;
    const text2 = textRounds[0]?.j2 as CliRun;
    load.push(loadavg()[0] ?? 0);

    // HTML pages, replicated: copy 0 of each page written, the others hard links to it.
    const pages = SMOKE ? htmlPages().slice(0, 10) : htmlPages();
    const htmlSeries: HtmlSeries[] = [];
    for (const copies of HTML_COPIES) {
      const dir = join(work, `html-x${copies}`);
      mkdirSync(dir);
      for (const page of pages) {
        const first = join(dir, `0-${page.name}`);
        writeFileSync(first, readFileSync(page.path));
        for (let copy = 1; copy < copies; copy++)
          linkSync(first, join(dir, `${copy}-${page.name}`));
      }
      console.log(`HTML: ${pages.length} pages × ${copies} …`);
      const isBulk = copies === HTML_COPIES[HTML_COPIES.length - 1];
      const series: HtmlSeries = { copies, pairs: [] };
      for (let pair = 0; pair < (isBulk ? HTML_PAIRS : 1); pair++) {
        const [j1, j2] = [1, 2].map((jobs) => {
          const run = runImport(join(work, `html-x${copies}-${pair}-j${jobs}.db`), jobs, [dir]);
          console.log(`  --jobs ${jobs}: ${fixed(run.summary.durationMs / 1000)} s`);
          return run;
        }) as [CliRun, CliRun];
        series.pairs.push({ j1, j2 });
      }
      htmlSeries.push(series);
      rmSync(dir, { recursive: true, force: true });
    }
    const bulk = htmlSeries[htmlSeries.length - 1] as HtmlSeries;
    const bulkSpeedups = bulk.pairs.map(speedup).sort((a, b) => a - b);
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

    const ratio1 = medianRound((t) => t.j1.summary.durationMs / t.bare.ms);
    const ratio2 = medianRound((t) => t.j2.summary.durationMs / t.bare.ms);
    const cpuRatio1 = medianRound((t) => t.j1.summary.cpuMs / t.bare.cpuMs);
    const cpuRatio2 = medianRound((t) => t.j2.summary.cpuMs / t.bare.cpuMs);
    const roundRatios = (jobs: "j1" | "j2") =>
      textRounds.map((t) => fixed(t[jobs].summary.durationMs / t.bare.ms)).join(", ");
    const bestRatio = Math.min(ratio1, ratio2);
    const htmlSpeedup = bulkSpeedups[Math.floor((bulkSpeedups.length - 1) / 2)] ?? 0;
    const runs: [string, CliRun][] = [
      ...textRounds.flatMap(({ j1, j2 }, i): [string, CliRun][] => [
        [`Reuters --jobs 1 (round ${i + 1})`, j1],
        [`Reuters --jobs 2 (round ${i + 1})`, j2],
      ]),
      ...htmlSeries.flatMap(({ copies, pairs }) =>
        pairs.flatMap(({ j1, j2 }, i): [string, CliRun][] => [
          [`HTML ×${copies} --jobs 1 (pair ${i + 1})`, j1],
          [`HTML ×${copies} --jobs 2 (pair ${i + 1})`, j2],
        ]),
      ),
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
      `| Text/JSONL import within ${BUDGET_TEXT_RATIO}× a bare insert (+FTS), wall time | ${fixed(ratio1)}× (--jobs 1; rounds ${roundRatios("j1")}), ${fixed(ratio2)}× (--jobs 2; rounds ${roundRatios("j2")}), medians of ${TEXT_ROUNDS} rounds | ${pass(bestRatio <= BUDGET_TEXT_RATIO)} |`,
      `| (same, CPU time: less sensitive to the machine's load) | ${fixed(cpuRatio1)}× (--jobs 1), ${fixed(cpuRatio2)}× (--jobs 2) | ${pass(Math.min(cpuRatio1, cpuRatio2) <= BUDGET_TEXT_RATIO)} |`,
      `| HTML import --jobs 2 ≥ ${BUDGET_HTML_SPEEDUP}× --jobs 1, wall time, bulk series (${pages.length * bulk.copies} pages), median of ${bulk.pairs.length} pairs | ${fixed(htmlSpeedup)}× (pairs: ${bulk.pairs.map((p) => `${fixed(speedup(p))}×`).join(", ")})${htmlSeries
        .slice(0, -1)
        .map(
          ({ copies, pairs }) =>
            `; ${pairs.map((p) => `${fixed(speedup(p))}×`).join(", ")} on ${pages.length * copies} pages`,
        )
        .join("")} | ${pass(htmlSpeedup >= BUDGET_HTML_SPEEDUP)} |`,
      `| Peak RSS < ${BUDGET_RSS_MB} MB on a large input: Reuters ×${REPLICATE} (${bigLines} records), --jobs 2 | ${bigRss} MB (Reuters ×1 --jobs 2: ${mb(text2.summary.peakRssBytes)} MB) | ${pass(bigRss < BUDGET_RSS_MB)} |`,
      `| Peak RSS < ${BUDGET_RSS_MB} MB in every run | ${overBudget.length === 0 ? "all under" : `over in: ${overBudget.map(([name, r]) => `${name} ${mb(r.summary.peakRssBytes)} MB`).join(", ")}`} | ${pass(overBudget.length === 0)} |`,
      "",
      "## Figures",
      "",
      `(a) Bare insert of Reuters-21578 bodies (gunzip + JSON.parse + SHA-256 + prepared INSERT, 500 a`,
      `transaction, FTS5 triggers firing), one line per round: ${textRounds.map(({ bare }) => `${bare.docs} articles in ${fixed(bare.ms / 1000)} s = ${perSecond(bare.docs, bare.ms)} articles/s (${fixed(bare.cpuMs / 1000)} s CPU)`).join("; ")}.`,
      "",
      "| import | records read | imported | claims | seconds | CPU seconds | records/s | peak RSS MB |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...textRounds.flatMap(({ j1, j2 }, i) => [
        row(`(b) Reuters-21578 JSONL.gz, --jobs 1 (round ${i + 1})`, j1),
        row(`(b) Reuters-21578 JSONL.gz, --jobs 2 (round ${i + 1})`, j2),
      ]),
      ...htmlSeries.flatMap(({ copies, pairs }) =>
        pairs.flatMap(({ j1, j2 }, i) => [
          row(
            `HTML: ${pages.length} pages × ${copies} copies, --jobs 1${pairs.length > 1 ? ` (pair ${i + 1})` : ""}`,
            j1,
          ),
          row(
            `HTML: ${pages.length} pages × ${copies} copies, --jobs 2${pairs.length > 1 ? ` (pair ${i + 1})` : ""}`,
            j2,
          ),
        ]),
      ),
      row(`Reuters ×${REPLICATE} (distinct texts), --jobs 2`, big),
      "",
      "Reuters has 21,578 records of which about 2,500 have no body: they are read and reported as",
      "failed (file, line, reason), so `read` exceeds the bare insert's count. The HTML pages are every",
      `article page of the three HTML corpora (${pages.length}: article-extraction-benchmark, trafilatura-eval,`,
      "readability-test-pages), each replicated; the copies are byte-identical, so all but the first of",
      "each are duplicates after processing (extraction and claim suggestion still run for every page).",
      "",
      "## Profile and what remains",
      "",
      "Measured separately while tuning, with ad-hoc scripts (2026-11-24; not re-measured by this",
      "script; the machine was shared, so treat single figures as ±15 %).",
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
      "  the web's inserts still index at once). Same write, same minutes: 4.3–5.1 s CPU. A CPU",
      "  profile of the main thread at --jobs 1 (Reuters) is now about two thirds SQLite statements",
      "  and commits and a twentieth GC: the text import is bound by its single writer.",
      "- Processing (read a whole file, decode, clean, segment, suggest claims) always runs in worker",
      "  threads, `--jobs 1` included; the main thread walks the inputs, parses JSONL/CSV lines and",
      "  writes, and each worker is kept up to 1,024 records (1 MB of input, at least 16) ahead, so a",
      "  batch's synchronous write overlaps processing the next records: wall time is about",
      "  max(processing, writing) instead of their sum.",
      "- HTML extraction (Readability over linkedom) is nine tenths of an HTML page's cost. linkedom",
      "  0.18.15 gave every DOM node a WeakMap entry holding a new Map for event listeners, which",
      "  Readability never adds; patched (patches/linkedom@0.18.15.patch) to create the map on the first",
      "  addEventListener. Readability over linkedom on the 50 article-extraction-benchmark pages ×6,",
      "  one thread: 10.3 → 6.8 s CPU, peak RSS 400 → 224 MB, the same extracted text.",
      "- GC. With V8's parallel GC, --jobs 1 used ~1.4 cores (the helper threads ran on the idle core)",
      "  and --jobs 2 spent ~20 % more CPU than --jobs 1 for the same pages: the helpers competed with",
      "  the pool's threads. The worker now runs with `--single-threaded-gc` (in the `worker` script of",
      "  the root package.json; V8 crashes when GC flags change after start-up). On the 128 pages ×8,",
      "  same session: parallel GC --jobs 1 16.9 s (23.4 s CPU), --jobs 2 14.8 s (28.1 s CPU);",
      "  single-threaded --jobs 1 17.3 s (21.5 s CPU), --jobs 2 11.8 s (22.9 s CPU). On Reuters the",
      "  main thread's GC is a twentieth of its time, and the text figures did not move beyond noise.",
      "- Whole HTML and text files used to be read by the main thread and handed over: on 5,120 pages",
      "  at --jobs 2 its CPU profile was 8.8 s, 4.9 s of it GC driven by the pages' buffers (external",
      "  memory). They are now read and gunzipped by the worker that processes them. Same pages, runs",
      "  by hand before → after: --jobs 2 51.6 s → 44.7–52.7 s, peak RSS 325 → ~290 MB; --jobs 1",
      "  85.4 s → 91–100 s, peak RSS 290 → ~240 MB, total CPU about the same; in the bench's own pairs",
      "  since, --jobs 1 took 79–90 s. Its one worker now also reads, so on two cores --jobs 1 may be",
      "  somewhat slower than before and part of the --jobs speed-up may come from that (one run before",
      "  is too few to say; this VM moves a run by a tenth); --jobs 2, the default on two cores or",
      "  more, did not get slower. Reading ahead asynchronously inside the worker cost more CPU",
      "  (libuv pool hops) and was dropped.",
      "- Priority. The processing threads run at niceness 10 (Linux; each thread's own id from",
      "  /proc/thread-self): a text import is bound by its one writer, which at --jobs 2 on two cores",
      "  shared its core with two processing threads. Reuters at --jobs 2, alternating by hand: 7.0–7.7 s",
      "  at equal priority, 6.5–7.1 s with the threads below the writer; HTML --jobs 2 no slower.",
      "- What is left between --jobs 2 and 2×: per thread, V8 compiles the extraction code again",
      "  (TurboFan on its background threads: ~1.2 s of compile for 300 pages in one thread, front-loaded),",
      "  which weighs less the longer the import runs; hence the two HTML series.",
      "- Memory: the main thread's heap is mostly garbage of written records that lived long enough",
      "  to be promoted; it is collected after a batch once it passes 48 MB. Workers have a 2 MB young",
      "  generation (V8's default nursery took two HTML workers to 436 MB); 8 MB saved HTML about a",
      "  tenth of its CPU but added 14 MB at --jobs 2, which the Reuters ×10 budget cannot spare. The",
      "  main thread no longer loads the extraction stack (linkedom, Readability) it never runs, nor",
      "  holds the bytes of the pages in flight. The heaps were not what grew, though: logged in the",
      "  workers on 5,120 HTML pages, each thread's V8 heap stayed under 64 MB while the process's RSS",
      "  climbed by 25 MB. glibc gives every thread that mallocs an arena of its own, and their",
      "  fragmentation only grows; `pnpm worker` now sets MALLOC_ARENA_MAX=2. A/B by hand, --jobs 2:",
      "  Reuters 285–293 → 262–271 MB, the HTML pages 296–311 → 267 MB, at the same speed.",
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
