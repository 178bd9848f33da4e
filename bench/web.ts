/**
 * Web API latency, signed in as an analyst, on a seeded corpus (bench/.cache/web-1m.db by default):
 * 1. The same query functions in-process (the database's own cost).
 * 2. One connection, a bounded number of requests per endpoint: p50/p95/p99 (budget p95 < 100 ms).
 * 3. 50 connections at once on the claims list, article search and the article page, each request
 *    with other parameters (filters, search words, articles): p50/p95/p99/max (budget p99 < 500 ms).
 * 4. Edits (claim.update, annotation.upsert) on a fresh database, idle and while `pnpm worker
 *    import` bulk-imports Reuters-21578 into it: p50/p95/p99/max.
 * `next start` runs the production build in NEXT_DIST_DIR (default .next; built when missing) on
 * PORT (default: a free one); BENCH_WEB_NODE_ARGS adds node flags to it (--cpu-prof). The bench analyst (bench/web/bench-analyst.ts) signs in through
 * better-auth's HTTP endpoint and every request carries that session cookie.
 * Writes its sections of bench/results/web.md, keeping every other section of the file.
 *
 * Usage: pnpm bench:web [--claims 1000000] [--requests 200] [--connections 50] [--duration 15]
 *   [--edit-seconds 15] [--import-records N] [--import-batch-size N] [--import-nice N] [--no-single] [--no-edits] [--edits-only] [--no-write] [--seed-only]
 *   pnpm bench:web --smoke   (5,000 claims, a few seconds per stage, a 300-article import; writes
 *   nothing and judges no figure: fails only when a stage crashes or a request fails)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import autocannon from "autocannon";
import {
  countClaimTable,
  type Db,
  getArticleWithClaims,
  listArticles,
  listClaimTable,
  listSourceRegistry,
  listSources,
  openDb,
} from "../packages/db/src/index";
import { migrateDb } from "../packages/db/src/migrate";
import { BENCH_ANALYST, ensureBenchAnalyst, signIn } from "./web/bench-analyst";
import { claimCount, REUTERS, seedCorpus } from "./web/seed-corpus";
import { seedLayers } from "./web/seed-layers";

const root = process.cwd();
const webDir = join(root, "apps/web");
const cacheDir = resolve(root, process.env.CLAIMDESK_BENCH_CACHE ?? "bench/.cache");
const RESULTS = join(root, "bench/results/web.md");
const BUDGET_P95_MS = 100;
const BUDGET_P99_MS = 500;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const log = (s: string) => console.log(`[bench:web] ${s}`);

const smoke = flag("smoke");
const options = {
  smoke,
  claims: arg("claims", smoke ? 5_000 : 1_000_000),
  requests: arg("requests", smoke ? 20 : 200),
  connections: arg("connections", 50),
  duration: arg("duration", smoke ? 2 : 15),
  editSeconds: arg("edit-seconds", smoke ? 2 : 15),
  /** Records of Reuters-21578 in the edits stage's bulk import (default: all of it). */
  importRecords: arg("import-records", smoke ? 300 : Number.POSITIVE_INFINITY),
  /** The bulk import's --batch-size (default: the worker's own). */
  importBatchSize: arg("import-batch-size", 0),
  edits: !flag("no-edits"),
  /** Skips the one-connection rows (for quick runs of the 50-connection ones). */
  single: !flag("no-single"),
  write: !smoke && !flag("no-write"),
  seedOnly: flag("seed-only"),
};

// ---------------------------------------------------------------------------------------------
// Seeding

/**
 * Per-analyst layers: the 1M-claim budget (issue #12) is measured "with two analysts' layers on
 * a fifth of the claims": the bench analyst and a second analyst decide and annotate the claims
 * with id % 5 = 0 in their own layers (seed-layers.ts).
 */
export async function seedAnalystLayers(
  db: Db,
  benchAnalystId: number,
): Promise<{ layers: number }> {
  const second = await ensureBenchAnalyst(db, {
    name: "Second Analyst",
    email: "second-analyst@example.org",
    password: "second-analyst-password",
  });
  seedLayers(db, [benchAnalystId, second]);
  return { layers: count(db, "select count(*) as n from claim_layers") };
}

function count(db: Db, sql: string): number {
  return (db.$client.prepare(sql).get() as { n: number | null }).n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function ensureBuild(): void {
  if (existsSync(join(webDir, distDir, "BUILD_ID"))) return;
  log(`no production build in apps/web/${distDir}: building`);
  const built = spawnSync("pnpm", ["exec", "next", "build"], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (built.status !== 0) throw new Error("next build failed");
}

interface Server {
  base: string;
  child: ChildProcess;
  cookie: string;
  stop: () => Promise<void>;
}

/** `next start` on `dbPath`, waited for, with the bench analyst signed in. */
async function startServer(dbPath: string, port: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  log(`next start on ${base} (apps/web/${distDir}) with CLAIMDESK_DB=${dbPath}`);
  // BENCH_WEB_NODE_ARGS runs the server under node with those flags, e.g. to profile it:
  // BENCH_WEB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (written when the server stops).
  const nodeArgs = process.env.BENCH_WEB_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const next = join(webDir, "node_modules/next/dist/bin/next");
  const child = spawn(
    process.execPath,
    [...nodeArgs, next, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: webDir,
      env: {
        ...process.env,
        CLAIMDESK_DB: dbPath,
        CLAIMDESK_URL: base,
        NEXT_DIST_DIR: distDir,
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  try {
    // The session endpoint answers without a session: the server is up.
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (i >= 600) throw new Error("next start did not answer within 150 s");
      try {
        if ((await fetch(`${base}/api/auth/get-session`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const cookie = await signIn(base);
    // Signed in: a procedure that needs a session must answer.
    const check = await fetch(trpcUrl(base, "source.list", { limit: 1 }), { headers: { cookie } });
    if (!check.ok) throw new Error(`source.list signed in answered ${check.status}`);
    log(`signed in as ${BENCH_ANALYST.email}`);
    return { base, child, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const trpcPath = (path: string, input: unknown) =>
  `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const trpcUrl = (base: string, path: string, input: unknown) => `${base}${trpcPath(path, input)}`;

// ---------------------------------------------------------------------------------------------
// Measuring

interface Row {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  /** Requests per second over the run. */
  rate: number;
}

/** The q-quantile of sorted `times` (nearest rank). */
function quantile(times: readonly number[], q: number): number {
  if (times.length === 0) return Number.NaN;
  return times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))] ?? 0;
}

function rowOf(name: string, times: number[], errors: number, seconds: number): Row {
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x);
  return {
    name,
    p50: round(quantile(times, 0.5)),
    p95: round(quantile(times, 0.95)),
    p99: round(quantile(times, 0.99)),
    max: round(times.at(-1) ?? Number.NaN),
    requests: times.length,
    errors,
    rate: times.length / seconds,
  };
}

/**
 * Runs autocannon against `paths` (taken in turn, one per request) with the session cookie and
 * records every response time itself: autocannon's histogram has no p95.
 */
async function load(
  server: Server,
  name: string,
  paths: readonly string[],
  run: { connections: number; amount?: number; duration?: number },
): Promise<Row> {
  const first = paths[0] ?? "/";
  const check = await fetch(`${server.base}${first}`, { headers: { cookie: server.cookie } });
  if (!check.ok) throw new Error(`${name}: HTTP ${check.status} ${await check.text()}`);
  let next = 0;
  const opts = (amount: number | undefined, duration: number | undefined) => ({
    url: server.base,
    connections: run.connections,
    ...(amount === undefined ? {} : { amount }),
    ...(duration === undefined ? {} : { duration }),
    timeout: 30,
    headers: { cookie: server.cookie },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const path = paths[next++ % paths.length] ?? first;
          return { ...req, path };
        },
      },
    ],
  });
  // Warm-up: at least two requests per connection (autocannon wants amount >= connections).
  await autocannon(opts(Math.max(2 * run.connections, Math.min(20, run.amount ?? 20)), undefined));
  const times: number[] = [];
  const failures = new Map<number, number>();
  const requestErrors = new Map<string, number>();
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(opts(run.amount, run.duration), (error, res) =>
      error ? fail(error) : done(res),
    );
    instance.on("reqError", (error) => {
      const key = error.code ?? error.message;
      requestErrors.set(key, (requestErrors.get(key) ?? 0) + 1);
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status < 400) times.push(ms);
      else failures.set(status, (failures.get(status) ?? 0) + 1);
    });
  });
  if (failures.size > 0 || result.errors + result.timeouts > 0)
    log(
      `${name}: HTTP ${[...failures].map(([s, n]) => `${s} ×${n}`).join(", ") || "—"}; ${result.errors} request errors (${[...requestErrors].map(([e, n]) => `${e} ×${n}`).join(", ")}), ${result.timeouts} timeouts`,
    );
  const seconds = (performance.now() - t0) / 1000;
  const row = rowOf(name, times, result.errors + result.non2xx + result.timeouts, seconds);
  log(
    `${name} @${run.connections}: p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, max ${row.max} ms (${row.requests} requests, ${row.rate.toFixed(0)}/s, ${row.errors} errors)`,
  );
  return row;
}

// ---------------------------------------------------------------------------------------------
// Edits while a bulk import runs

interface EditTarget {
  claimId: number;
  claimVersion: number;
  annotationVersion: number | null;
}

/** `editors` clients, each editing its own claims back to back until `until()` says stop. */
async function editLoad(
  server: Server,
  targets: EditTarget[],
  editors: number,
  until: () => boolean,
): Promise<{ times: number[]; errors: string[]; seconds: number }> {
  const times: number[] = [];
  const errors: string[] = [];
  const post = async (path: string, input: unknown) => {
    const t = performance.now();
    const res = await fetch(`${server.base}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: server.cookie, origin: server.base },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data?: { version?: number } } };
    const ms = performance.now() - t;
    if (!res.ok) {
      errors.push(`${path} ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      return null;
    }
    times.push(ms);
    return body.result?.data?.version ?? null;
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: editors }, async (_, e) => {
      // Each editor edits its own claims: two never race on one claim's version.
      const mine = targets.filter((_, k) => k % editors === e);
      for (let i = 0; !until() && mine.length > 0; i++) {
        const target = mine[Math.floor(i / 2) % mine.length] as EditTarget;
        if (i % 2 === 0) {
          const version = await post("claim.update", {
            id: target.claimId,
            version: target.claimVersion,
            patch: { status: i % 4 === 0 ? "accepted" : "suggested" },
          });
          if (version !== null) target.claimVersion = version;
        } else {
          const version = await post("annotation.upsert", {
            claimId: target.claimId,
            version: target.annotationVersion,
            values: { likelihood: i % 4 === 1 ? "likely" : "unlikely", note: `edit ${i}` },
          });
          if (version !== null) target.annotationVersion = version;
        }
      }
    }),
  );
  return { times, errors, seconds: (performance.now() - t0) / 1000 };
}

/** Reuters-21578 records `from` to `from + n` as a JSONL file (gzipped input, plain output). */
async function reutersSlice(from: number, n: number, out: string): Promise<void> {
  const input = createReadStream(REUTERS);
  const lines = createInterface({ input: input.pipe(createGunzip()) });
  const kept: string[] = [];
  let seen = 0;
  for await (const line of lines) {
    if (kept.length >= n) break;
    if (line.trim() && seen++ >= from) kept.push(line);
  }
  input.destroy();
  writeFileSync(out, `${kept.join("\n")}\n`);
}

function workerImport(dbPath: string, input: string, batchSize = 0): ChildProcess {
  const batch = batchSize > 0 ? ["--batch-size", String(batchSize)] : [];
  const args = ["--silent", "worker", "import", "--no-progress", "--json", ...batch, input];
  // --import-nice N runs the importer at a lower CPU priority (nice -n N): separates its CPU
  // contention with the server from the time edits wait for its write lock.
  const nice = arg("import-nice", 0);
  return spawn(
    nice > 0 ? "nice" : "pnpm",
    nice > 0 ? ["-n", String(nice), "pnpm", ...args] : args,
    {
      cwd: root,
      env: { ...process.env, CLAIMDESK_DB: dbPath },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
}

function waitExit(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    child.once("exit", (code) => done(code ?? 1));
  });
}

interface EditsResult {
  rows: Row[];
  editors: number;
  articlesBefore: number;
  imported: number;
  importSeconds: number;
  errors: string[];
}

/**
 * A fresh database with the first 300 Reuters articles (the claims being edited) and the bench
 * analyst; edits for `editSeconds` idle, then again while the worker imports Reuters-21578
 * (the first records are duplicates of what is there; the rest are new).
 */
async function editsDuringImport(port: number): Promise<EditsResult> {
  const dir = join(cacheDir, "web-edits");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, "edits.db");
  const db = openDb({ path: dbPath });
  migrateDb(db);
  await ensureBenchAnalyst(db);
  db.$client.close();
  const head = join(dir, "reuters-head.jsonl");
  await reutersSlice(0, 300, head);
  const setup = workerImport(dbPath, head);
  if ((await waitExit(setup)) !== 0) throw new Error("importing the edited articles failed");
  let bulk = REUTERS;
  if (Number.isFinite(options.importRecords)) {
    bulk = join(dir, "reuters-bulk.jsonl");
    await reutersSlice(300, options.importRecords, bulk);
  }
  const check = openDb({ path: dbPath, readonly: true });
  const targets = (
    check.$client
      .prepare("select id as claimId, version as claimVersion from claims order by id")
      .all() as { claimId: number; claimVersion: number }[]
  ).map((t) => ({ ...t, annotationVersion: null }));
  const articlesBefore = count(check, "select count(*) as n from articles");
  check.$client.close();
  if (targets.length === 0) throw new Error("the edited articles hold no claims");

  const editors = 4;
  const server = await startServer(dbPath, port);
  const errors: string[] = [];
  const rows: Row[] = [];
  let imported = 0;
  let importSeconds = 0;
  try {
    // Warm-up, then idle.
    let stopAt = performance.now() + 1000;
    await editLoad(server, targets, editors, () => performance.now() > stopAt);
    stopAt = performance.now() + options.editSeconds * 1000;
    const idle = await editLoad(server, targets, editors, () => performance.now() > stopAt);
    errors.push(...idle.errors);
    rows.push(rowOf("edits, idle", idle.times, idle.errors.length, idle.seconds));

    log(`bulk import of ${bulk} while ${editors} clients edit`);
    const t0 = performance.now();
    const importer = workerImport(dbPath, bulk, options.importBatchSize);
    let out = "";
    importer.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const exited = waitExit(importer);
    let done = false;
    void exited.then(() => {
      done = true;
    });
    const during = await editLoad(server, targets, editors, () => done);
    const code = await exited;
    importSeconds = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`the bulk import exited with ${code}`);
    const summary = JSON.parse(out.slice(out.indexOf("{"))) as { imported?: number };
    imported = summary.imported ?? 0;
    errors.push(...during.errors);
    rows.push(
      rowOf("edits during the bulk import", during.times, during.errors.length, during.seconds),
    );
    for (const r of rows)
      log(
        `${r.name}: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.requests} edits, ${r.errors} errors)`,
      );
  } finally {
    await server.stop();
  }
  if (!smoke) rmSync(dir, { recursive: true, force: true });
  return { rows, editors, articlesBefore, imported, importSeconds, errors };
}

// ---------------------------------------------------------------------------------------------
// The report

/** The marks around one size's generated part of bench/results/web.md. */
const marks = (claims: number): [string, string] => [
  `<!-- bench:web begin --claims ${claims}: written by \`pnpm bench:web\`, replaced by its next run at this size -->`,
  `<!-- bench:web end --claims ${claims} -->`,
];

/**
 * Replaces this size's part of bench/results/web.md (or adds it after the other sizes' parts),
 * keeping every other section of the file.
 */
function writeReport(section: string, claims: number): void {
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  const [begin, end] = marks(claims);
  const block = `${begin}\n${section}\n${end}`;
  const at = old.indexOf(begin);
  const to = old.indexOf(end);
  const lastEnd = [...old.matchAll(/<!-- bench:web end[^>]*-->/g)].at(-1);
  let text: string;
  if (at >= 0 && to > at) text = `${old.slice(0, at)}${block}${old.slice(to + end.length)}`;
  else if (lastEnd?.index !== undefined) {
    const cut = lastEnd.index + lastEnd[0].length;
    text = `${old.slice(0, cut)}\n\n${block}${old.slice(cut)}`;
  } else {
    // A file from before the marks: its first part was this bench's; keep the others' sections.
    const other = /^## (?!One connection|50 connections|Edits|In-process)/m.exec(old);
    text = `${block}${other ? `\n\n${old.slice(other.index)}` : "\n"}`;
  }
  writeFileSync(RESULTS, text);
  log(`wrote ${RESULTS}`);
}

const table = (rows: readonly Row[], budget: (r: Row) => string) => [
  "| endpoint | p50 ms | p95 ms | p99 ms | max ms | requests | req/s | errors | budget |",
  "|---|---:|---:|---:|---:|---:|---:|---:|:--:|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.requests} | ${r.rate.toFixed(0)} | ${r.errors} | ${budget(r)} |`,
  ),
];

const loadNow = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  if (flag("edits-only")) {
    // Only the edits stage (for comparing importer settings); nothing is written.
    ensureBuild();
    const edits = await editsDuringImport(Number(process.env.PORT) || (await freePort()));
    if (edits.errors.length > 0)
      throw new Error(`edit errors: ${edits.errors.slice(0, 5).join("; ")}`);
    return;
  }
  const dbPath = resolve(
    cacheDir,
    options.claims === 1_000_000 ? "web-1m.db" : `web-${options.claims}.db`,
  );
  const seedStart = Date.now();
  const db = await seedCorpus(dbPath, options.claims, log);
  const analystId = await ensureBenchAnalyst(db);
  const { layers } = await seedAnalystLayers(db, analystId);
  const seedSeconds = Math.round((Date.now() - seedStart) / 1000);
  const claims = claimCount(db);
  if (options.seedOnly) return;
  const sqlite = db.$client;
  const big = sqlite
    .prepare(
      "select article_id as id, count(*) as n from claims group by article_id order by n desc limit 1",
    )
    .get() as { id: number; n: number };
  const articles = count(db, "select count(*) as n from articles");
  // 200 articles spread over the corpus, for the article page under load.
  const articleIds = (
    sqlite
      .prepare("select id from articles where id % ? = 0 order by id limit 200")
      .all(Math.max(1, Math.floor(articles / 200))) as { id: number }[]
  ).map((r) => r.id);
  const annotated = count(db, "select count(*) as n from annotations");

  // The same queries in-process, without HTTP or the server: what the database itself costs.
  const scope = { blindAnalystId: analystId };
  const typicalFilter = {
    status: ["accepted" as const],
    sourceKind: ["named_person" as const, "named_organization" as const],
    likelihood: ["likely" as const, "very_likely" as const],
  };
  const inProcess: [string, () => unknown][] = [
    ["listClaimTable — unfiltered", () => listClaimTable(db, { limit: 100 }, analystId, scope)],
    [
      "listClaimTable — status + source kind + likelihood",
      () => listClaimTable(db, { limit: 100, filter: typicalFilter }, analystId, scope),
    ],
    [
      'listClaimTable — search "oil prices"',
      () => listClaimTable(db, { limit: 100, filter: { query: "oil prices" } }, analystId, scope),
    ],
    [
      "listClaimTable — by article date",
      () =>
        listClaimTable(
          db,
          { limit: 100, sort: { field: "publishedAt", direction: "desc" } },
          analystId,
          scope,
        ),
    ],
    [
      'listClaimTable — search "said" (worst case)',
      () => listClaimTable(db, { limit: 100, filter: { query: "said" } }, analystId, scope),
    ],
    [
      'countClaimTable — status + "oil prices"',
      () => countClaimTable(db, { filter: { status: ["suggested"], query: "oil prices" } }, scope),
    ],
    ['listArticles — search "oil"', () => listArticles(db, { query: "oil" })],
    ['listArticles — search "said" (worst case)', () => listArticles(db, { query: "said" })],
    ["getArticleWithClaims — largest article", () => getArticleWithClaims(db, big.id, analystId)],
    ["listSources (source.list)", () => listSources(db, { limit: 50 })],
    ["listSourceRegistry (corpus.sources)", () => listSourceRegistry(db, { limit: 50 })],
  ];
  const runs = smoke ? 3 : 30;
  const inProcessRows = inProcess.map(([name, fn]) => {
    fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return `| ${name} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} |`;
  });
  db.$client.close();

  ensureBuild();
  const port = Number(process.env.PORT) || (await freePort());
  const loadBefore = loadNow();
  const server = await startServer(dbPath, port);
  const single: Row[] = [];
  const concurrent: Row[] = [];
  const one = { connections: 1, amount: options.requests };
  try {
    const cases: [string, string][] = [
      ["corpus.claims — first page, unfiltered", trpcPath("corpus.claims", { limit: 100 })],
      [
        "corpus.claims — status + source kind + likelihood",
        trpcPath("corpus.claims", { limit: 100, filter: typicalFilter }),
      ],
      [
        "corpus.claims — full-text search",
        trpcPath("corpus.claims", { limit: 100, filter: { query: "oil prices" } }),
      ],
      [
        "corpus.claims — sorted by article date",
        trpcPath("corpus.claims", {
          limit: 100,
          sort: { field: "publishedAt", direction: "desc" },
        }),
      ],
      [
        "corpus.count — status + search (capped at 10,000)",
        trpcPath("corpus.count", { filter: { status: ["suggested"], query: "oil prices" } }),
      ],
      [
        'worst case: corpus.claims — search for a word in most claims ("said")',
        trpcPath("corpus.claims", { limit: 100, filter: { query: "said" } }),
      ],
      [
        'worst case: corpus.count — status + "said" (capped at 10,000)',
        trpcPath("corpus.count", { filter: { status: ["suggested"], query: "said" } }),
      ],
      ['article.list — search "oil"', trpcPath("article.list", { query: "oil" })],
      [
        `article.byId — article ${big.id} (${big.n} claims)`,
        trpcPath("article.byId", { id: big.id }),
      ],
      ["source.list — most-used first", trpcPath("source.list", { limit: 50 })],
      ["corpus.sources — registry page", trpcPath("corpus.sources", { limit: 50 })],
    ];
    if (options.single)
      for (const [name, path] of cases) single.push(await load(server, name, [path], one));

    // 50 connections: each request asks for something else, as 50 analysts at work would.
    const many = { connections: options.connections, duration: options.duration };
    const claimViews = [
      { filter: { status: ["accepted"] } },
      { filter: { status: ["suggested"], sourceKind: ["named_person"] } },
      { filter: typicalFilter },
      { filter: { likelihood: ["likely"] } },
    ].flatMap((view) =>
      [0, 100, 200].map((cursor) => trpcPath("corpus.claims", { ...view, limit: 100, cursor })),
    );
    concurrent.push(
      await load(
        server,
        "corpus.claims — status, source kind, likelihood filters, pages 1–3",
        claimViews,
        many,
      ),
    );
    const byDate = [{ status: ["accepted"] }, { status: ["suggested"] }, {}].flatMap((filter) =>
      [0, 100].map((cursor) =>
        trpcPath("corpus.claims", {
          filter,
          sort: { field: "publishedAt", direction: "desc" },
          limit: 100,
          cursor,
        }),
      ),
    );
    concurrent.push(
      await load(
        server,
        "corpus.claims — sorted by article date, with and without a status filter",
        byDate,
        many,
      ),
    );
    const words = [
      "oil",
      "oil prices",
      "bank",
      "interest rates",
      "trade deficit",
      "opec",
      "dollar",
      "wheat",
      "earnings",
      "japan",
      "the",
      "said",
    ];
    concurrent.push(
      await load(
        server,
        `article.list — search (${words.length} queries, "said" and "the" among them)`,
        words.map((query) => trpcPath("article.list", { query })),
        many,
      ),
    );
    const ids = articleIds;
    concurrent.push(
      await load(
        server,
        "article.byId — 200 articles in turn",
        ids.map((id) => trpcPath("article.byId", { id })),
        many,
      ),
    );
  } finally {
    await server.stop();
  }
  const loadAfter = loadNow();

  let edits: EditsResult | null = null;
  if (options.edits) {
    edits = await editsDuringImport(Number(process.env.PORT) || (await freePort()));
  }

  const cpu = `${cpus().length} CPUs (${cpus()[0]?.model ?? "?"})`;
  const section = [
    `# Web API latency at ${claims.toLocaleString("en")} claims`,
    "",
    `Command: \`pnpm bench:web${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}\` · date ${new Date().toISOString()} · ${cpu} · Node ${process.version}`,
    "",
    `Database: ${claims.toLocaleString("en")} claims in ${articles.toLocaleString("en")} articles, ` +
      `${annotated.toLocaleString("en")} annotations, ${layers.toLocaleString("en")} analyst layers ` +
      "(Reuters-21578 through the ingest pipeline, replicated with distinct texts; seeding " +
      `${seedSeconds} s${seedSeconds < 5 ? ", cached database reused" : ""}).`,
    `Server: \`next start\` (production build), loopback, signed in as an analyst (${BENCH_ANALYST.email}; ` +
      "the seeded annotations are theirs). Machine load (1/5/15-min load average) before " +
      `${loadBefore}, after ${loadAfter}: other sessions' builds and tests share these cores, so ` +
      "figures are upper bounds.",
    "",
    "## One connection",
    "",
    `autocannon, 1 connection, ${options.requests} requests per endpoint after 20 warm-up requests. Budget: p95 < ${BUDGET_P95_MS} ms.`,
    "",
    ...table(single, (r) => (r.p95 < BUDGET_P95_MS ? "yes" : "**no**")),
    "",
    `## ${options.connections} connections`,
    "",
    `autocannon, ${options.connections} connections for ${options.duration} s per row after a warm-up; ` +
      "each request takes the next of the listed parameter sets. Budget: p99 < " +
      `${BUDGET_P99_MS} ms.`,
    "",
    ...table(concurrent, (r) => (r.p99 < BUDGET_P99_MS ? "yes" : "**no**")),
    "",
  ];
  if (edits) {
    section.push(
      "## Edits during a bulk import",
      "",
      `A fresh database with the first 300 Reuters-21578 articles (${edits.articlesBefore} articles) and the bench analyst; ` +
        `${edits.editors} clients alternate claim.update (status) and annotation.upsert (likelihood, note) ` +
        `back to back, for ${options.editSeconds} s idle, then while \`pnpm worker import\` runs on ` +
        `${Number.isFinite(options.importRecords) ? `${options.importRecords} more records of ` : ""}` +
        `Reuters-21578${options.importBatchSize > 0 ? ` with --batch-size ${options.importBatchSize}` : ""} ` +
        `(${edits.imported.toLocaleString("en")} articles imported in ${edits.importSeconds.toFixed(0)} s).`,
      "",
      ...table(edits.rows, () => "—"),
      "",
    );
  }
  section.push(
    "## In-process",
    "",
    `The same query functions in-process (${runs} runs each after one warm-up), as the analyst, to separate the`,
    "database's cost from HTTP, Next.js and the machine's load:",
    "",
    "| query | p50 ms | p95 ms |",
    "|---|---:|---:|",
    ...inProcessRows,
  );
  const report = section.join("\n");
  console.log(`\n${report}`);
  if (options.write) writeReport(report, options.claims);

  const failed = [...single, ...concurrent, ...(edits?.rows ?? [])].filter((r) => r.errors > 0);
  if (edits && edits.errors.length > 0) log(`edit errors: ${edits.errors.slice(0, 5).join("; ")}`);
  if (failed.length > 0) {
    log(`requests failed: ${failed.map((r) => r.name).join("; ")}`);
    process.exitCode = 1;
  }
  if (!smoke) {
    const missed = [
      ...single.filter((r) => r.p95 >= BUDGET_P95_MS),
      ...concurrent.filter((r) => r.p99 >= BUDGET_P99_MS),
    ];
    if (missed.length > 0) {
      log(`over budget: ${missed.map((r) => r.name).join("; ")}`);
      process.exitCode = 1;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
