/**
 * Web API latency at ~1M claims: seeds (or reuses) bench/.cache/web-1m.db, starts `next start` on
 * the existing production build against it, and measures p50/p95/p99 with autocannon (loopback,
 * one connection, a bounded number of requests per endpoint). Writes bench/results/web.md.
 * Usage: pnpm bench:web [--claims 1000000] [--requests 200] [--no-write] [--seed-only]
 * Needs `pnpm --filter @claimdesk/web build` (run here when apps/web/.next/BUILD_ID is missing).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import {
  countClaimTable,
  ensureLocalAnalyst,
  getArticleWithClaims,
  listClaimTable,
  listSourceRegistry,
  listSources,
} from "@claimdesk/db";
import autocannon from "autocannon";
import { claimCount, seedCorpus } from "./web/seed-corpus";

const root = process.cwd();
const webDir = join(root, "apps/web");
const cacheDir = join(root, "bench/.cache");
const RESULTS = join(root, "bench/results/web.md");
const BUDGET_MS = 100;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const log = (s: string) => console.log(`[bench:web] ${s}`);

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

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("next start did not answer within 150 s");
}

const trpc = (base: string, path: string, input: unknown) =>
  `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

interface Row {
  name: string;
  url: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
}

/** p95 from autocannon's histogram: it reports p90 and p97.5, so read the value itself. */
async function measure(name: string, url: string, amount: number): Promise<Row> {
  const check = await fetch(url);
  if (!check.ok) throw new Error(`${name}: HTTP ${check.status} ${await check.text()}`);
  await autocannon({ url, connections: 1, amount: Math.min(20, amount) }); // warm-up
  const result = await autocannon({ url, connections: 1, amount, timeout: 30 });
  const p95 = result.latency.p95 ?? result.latency.p97_5;
  const row: Row = {
    name,
    url,
    p50: result.latency.p50,
    p95,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
  log(
    `${name}: p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms (${row.requests} requests)`,
  );
  return row;
}

async function main(): Promise<void> {
  const target = arg("claims", 1_000_000);
  const amount = arg("requests", 200);
  const write = !process.argv.includes("--no-write");
  mkdirSync(cacheDir, { recursive: true });
  const dbPath = resolve(cacheDir, target === 1_000_000 ? "web-1m.db" : `web-${target}.db`);
  const seedStart = Date.now();
  const db = await seedCorpus(dbPath, target, log);
  const seedSeconds = Math.round((Date.now() - seedStart) / 1000);
  const claims = claimCount(db);
  if (process.argv.includes("--seed-only")) return;
  const sqlite = db.$client;
  const big = sqlite
    .prepare(
      "select article_id as id, count(*) as n from claims group by article_id order by n desc limit 1",
    )
    .get() as { id: number; n: number };
  const articles = (sqlite.prepare("select count(*) as n from articles").get() as { n: number }).n;
  const annotated = (sqlite.prepare("select count(*) as n from annotations").get() as { n: number })
    .n;
  // The same queries in-process, without HTTP or the server: what the database itself costs.
  const analystId = ensureLocalAnalyst(db);
  const inProcess: [string, () => unknown][] = [
    ["listClaimTable — unfiltered", () => listClaimTable(db, { limit: 100 }, analystId)],
    [
      "listClaimTable — status + source kind + likelihood",
      () =>
        listClaimTable(
          db,
          {
            limit: 100,
            filter: {
              status: ["accepted"],
              sourceKind: ["named_person", "named_organization"],
              likelihood: ["likely", "very_likely"],
            },
          },
          analystId,
        ),
    ],
    [
      'listClaimTable — search "oil prices"',
      () => listClaimTable(db, { limit: 100, filter: { query: "oil prices" } }, analystId),
    ],
    [
      "listClaimTable — by article date",
      () =>
        listClaimTable(
          db,
          { limit: 100, sort: { field: "publishedAt", direction: "desc" } },
          analystId,
        ),
    ],
    [
      'listClaimTable — search "said" (worst case)',
      () => listClaimTable(db, { limit: 100, filter: { query: "said" } }, analystId),
    ],
    [
      'countClaimTable — status + "oil prices"',
      () => countClaimTable(db, { filter: { status: ["suggested"], query: "oil prices" } }),
    ],
    ["getArticleWithClaims — largest article", () => getArticleWithClaims(db, big.id, analystId)],
    ["listSources (source.list)", () => listSources(db, { limit: 50 })],
    ["listSourceRegistry (corpus.sources)", () => listSourceRegistry(db, { limit: 50 })],
  ];
  const inProcessRows = inProcess.map(([name, fn]) => {
    fn();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    return `| ${name} | ${at(0.5)} | ${at(0.95)} |`;
  });
  db.$client.close();

  if (!existsSync(join(webDir, ".next/BUILD_ID"))) {
    log("no production build: running pnpm --filter @claimdesk/web build");
    const built = spawnSync("pnpm", ["--filter", "@claimdesk/web", "build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("the web build failed");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const loadBefore = loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
  log(`next start on ${base} with CLAIMDESK_DB=${dbPath}`);
  const server = spawn(
    join(webDir, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: webDir,
      env: { ...process.env, CLAIMDESK_DB: dbPath, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const rows: Row[] = [];
  try {
    await waitForServer(trpc(base, "source.list", { limit: 1 }), server);
    const cases: [string, string][] = [
      ["corpus.claims — first page, unfiltered", trpc(base, "corpus.claims", { limit: 100 })],
      [
        "corpus.claims — status + source kind + likelihood",
        trpc(base, "corpus.claims", {
          limit: 100,
          filter: {
            status: ["accepted"],
            sourceKind: ["named_person", "named_organization"],
            likelihood: ["likely", "very_likely"],
          },
        }),
      ],
      [
        "corpus.claims — full-text search",
        trpc(base, "corpus.claims", { limit: 100, filter: { query: "oil prices" } }),
      ],
      [
        "corpus.claims — sorted by article date",
        trpc(base, "corpus.claims", {
          limit: 100,
          sort: { field: "publishedAt", direction: "desc" },
        }),
      ],
      [
        "corpus.count — status + search (capped at 10,000)",
        trpc(base, "corpus.count", { filter: { status: ["suggested"], query: "oil prices" } }),
      ],
      [
        'worst case: corpus.claims — search for a word in most claims ("said")',
        trpc(base, "corpus.claims", { limit: 100, filter: { query: "said" } }),
      ],
      [
        'worst case: corpus.count — status + "said" (capped at 10,000)',
        trpc(base, "corpus.count", { filter: { status: ["suggested"], query: "said" } }),
      ],
      [
        `article.byId — article ${big.id} (${big.n} claims)`,
        trpc(base, "article.byId", { id: big.id }),
      ],
      ["source.list — most-used first", trpc(base, "source.list", { limit: 50 })],
      ["corpus.sources — registry page", trpc(base, "corpus.sources", { limit: 50 })],
    ];
    for (const [name, url] of cases) rows.push(await measure(name, url, amount));
  } finally {
    server.kill("SIGTERM");
  }
  const loadAfter = loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

  const table = [
    `| endpoint | p50 ms | p95 ms | p99 ms | max ms | requests | errors | p95 < ${BUDGET_MS} ms |`,
    "|---|---:|---:|---:|---:|---:|---:|:--:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.requests} | ${r.errors} | ${r.p95 < BUDGET_MS ? "yes" : "**no**"} |`,
    ),
  ];
  const report = [
    "# Web API latency at ~1M claims",
    "",
    `Command: \`pnpm bench:web\` (${process.argv.slice(2).join(" ") || "defaults"}) · date ${new Date().toISOString()} · ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}) · Node ${process.version}`,
    "",
    `Database: ${claims.toLocaleString("en")} claims in ${articles.toLocaleString("en")} articles, ` +
      `${annotated.toLocaleString("en")} annotations (Reuters-21578 through the ingest pipeline, replicated ` +
      `with distinct texts; seeding ${seedSeconds} s${seedSeconds < 5 ? ", cached database reused" : ""}).`,
    `Server: \`next start\` (production build), loopback; autocannon with 1 connection, ${amount} requests ` +
      "per endpoint after 20 warm-up requests.",
    "",
    `Machine load (1/5/15-min load average): before ${loadBefore}, after ${loadAfter}. Other engineers' ` +
      "builds and tests share these cores, so figures are upper bounds.",
    "",
    ...table,
    "",
    "The same queries in-process (query function only, 30 runs each after one warm-up), to separate the",
    "database's cost from HTTP, Next.js and the machine's load:",
    "",
    "| query | p50 ms | p95 ms |",
    "|---|---:|---:|",
    ...inProcessRows,
    "",
  ].join("\n");
  console.log(`\n${report}`);
  if (write) {
    writeFileSync(RESULTS, report);
    log(`wrote ${RESULTS}`);
  }
  const missed = rows.filter((r) => r.p95 >= BUDGET_MS || r.errors > 0);
  if (missed.length > 0) {
    log(`over budget or failing: ${missed.map((r) => r.name).join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
