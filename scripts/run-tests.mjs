// `pnpm test`: lint, typecheck, unit + integration tests (Vitest), production build, browser tests
// (Playwright), then every benchmark at its smallest setting (`pnpm bench:smoke`: a bench that no
// longer runs breaks the build; figures are not judged). Runs every step even after a failure so
// the summary is complete, then prints one line `N passed, N failed` summed from the runners' JSON
// reports (a failed step that produced no report, such as lint or typecheck, counts as one
// failure; a failed bench smoke always counts as one).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { run } from "./run-steps.mjs";

const root = join(import.meta.dirname, "..");
const workspaces = ["apps", "packages"].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(root, dir, name)),
);
const reportOf = (ws, file) => join(ws, "test-results", file);

// Stale reports from an earlier run must not be counted (turbo restores cached ones itself).
for (const ws of workspaces) {
  rmSync(reportOf(ws, "vitest.json"), { force: true });
  rmSync(reportOf(ws, "playwright.json"), { force: true });
}

const steps = [
  ["lint", "pnpm", ["exec", "biome", "ci", "."]],
  ["typecheck + unit/integration tests", "pnpm", ["exec", "turbo", "run", "typecheck", "test"]],
  ["production build", "pnpm", ["exec", "turbo", "run", "build"]],
];
const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  if ((await run(cmd, args, { cwd: root })) !== 0) failedSteps.push(name);
}

console.log("\n▶ browser tests");
if (failedSteps.includes("production build")) {
  failedSteps.push("browser tests (skipped: no production build)");
} else if (!(await ensureChromium())) {
  failedSteps.push("browser tests (no chromium)");
} else if ((await run("pnpm", ["--filter", "@claimdesk/web", "test:e2e"], { cwd: root })) !== 0) {
  failedSteps.push("browser tests");
}

// Each bench at its smallest setting (about 2 minutes in all): without a production build,
// bench:web cannot start the server, and the build's failure is already counted.
console.log("\n▶ benchmarks, smallest setting (pnpm bench:smoke)");
const benchArgs = failedSteps.includes("production build")
  ? ["bench:smoke", "--skip", "web"]
  : ["bench:smoke"];
const benchSmokeFailed = (await run("pnpm", benchArgs, { cwd: root })) !== 0;

let passed = 0;
let failed = 0;
let skipped = 0;
const perRunner = [];
// The failing tests with the head of their error: CI logs keep only the tail of the output, so
// the reason for a failure must be in it.
const failures = [];
const head = (message) =>
  String(message ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, 8)
    .map((line) => `      ${line.slice(0, 240)}`)
    .join("\n");
/** Playwright's report nests suites in suites; yields [title path, result] for unexpected ones. */
function* unexpectedTests(suite, path) {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests)
      if (t.status === "unexpected") yield [[...path, spec.title].join(" › "), t.results.at(-1)];
  for (const child of suite.suites ?? [])
    yield* unexpectedTests(child, child.title ? [...path, child.title] : path);
}
for (const ws of workspaces) {
  const vitest = reportOf(ws, "vitest.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    perRunner.push(
      `${ws.slice(root.length + 1)} (vitest): ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
    );
    for (const file of r.testResults ?? [])
      for (const t of file.assertionResults ?? [])
        if (t.status === "failed")
          failures.push(
            `${file.name.slice(root.length + 1)} › ${t.fullName}\n${head(t.failureMessages?.[0])}`,
          );
  }
  const pw = reportOf(ws, "playwright.json");
  if (existsSync(pw)) {
    const report = JSON.parse(readFileSync(pw, "utf8"));
    const { stats } = report;
    for (const suite of report.suites ?? [])
      for (const [title, result] of unexpectedTests(suite, [suite.title]))
        failures.push(`${title}\n${head(result?.error?.message ?? result?.errors?.[0]?.message)}`);
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
    perRunner.push(
      `${ws.slice(root.length + 1)} (playwright): ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed`,
    );
  }
}
// A failed step whose runner left no failing test behind (lint, typecheck, build, a crash) still fails.
const unexplained = failedSteps.length > 0 && failed === 0 ? failedSteps.length : 0;
failed += unexplained;
// The bench smoke leaves no test report: its failure is always one more.
if (benchSmokeFailed) {
  failedSteps.push("benchmarks (pnpm bench:smoke: see its summary above)");
  failed += 1;
}

console.log("\nTest summary");
for (const line of perRunner) console.log(`  ${line}`);
for (const step of failedSteps) console.log(`  FAILED step: ${step}`);
// Last before the summary line, so a log cut to its tail still shows why.
if (failures.length > 0) {
  console.log("\nFailed tests");
  for (const failure of failures) console.log(`  ✘ ${failure}`);
}
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
mkdirSync(join(root, "test-results"), { recursive: true });
writeFileSync(join(root, "test-results", "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
