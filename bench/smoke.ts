/**
 * Every benchmark at its smallest setting (`--smoke`), one after another, so that a bench that no
 * longer runs breaks the build (`pnpm test` runs this as a step). Figures are printed, never
 * judged or written to bench/results: a bench fails here only when it crashes or, for bench:web,
 * when a request fails. The seeded databases go to a fresh temporary folder (CLAIMDESK_BENCH_CACHE),
 * so a cached database can never hide a broken seeding step.
 * Usage: pnpm bench:smoke [--skip web,import]
 * bench:web needs the production build in NEXT_DIST_DIR (default .next; built when missing).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const BENCHES = ["extract", "claims", "import", "export", "web"] as const;

const root = process.cwd();
const skipAt = process.argv.indexOf("--skip");
const skip = new Set(skipAt >= 0 ? (process.argv[skipAt + 1] ?? "").split(",") : []);
const cache = mkdtempSync(join(tmpdir(), "claimdesk-bench-smoke-"));

function runBench(name: string): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", `bench/${name}.ts`, "--smoke"], {
      cwd: root,
      env: { ...process.env, CLAIMDESK_BENCH_CACHE: cache },
      stdio: "inherit",
    });
    child.once("error", () => done(1));
    child.once("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const results: { name: string; ok: boolean; seconds: number }[] = [];
  try {
    for (const name of BENCHES) {
      if (skip.has(name)) {
        console.log(`\n[bench:smoke] bench:${name} skipped (--skip)`);
        continue;
      }
      console.log(`\n[bench:smoke] bench:${name} --smoke`);
      const t0 = performance.now();
      const code = await runBench(name);
      results.push({ name, ok: code === 0, seconds: (performance.now() - t0) / 1000 });
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  console.log("\n[bench:smoke] summary");
  for (const r of results)
    console.log(`  ${r.ok ? "ok    " : "FAILED"} bench:${r.name} (${r.seconds.toFixed(0)} s)`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.log(`[bench:smoke] ${failed.length} bench(es) failed`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
