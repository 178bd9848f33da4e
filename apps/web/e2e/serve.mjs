// Playwright's web server: a fresh database with the real sample article and the demo articles
// imported by the worker,
// then `next start` on the production build (the test runner builds first; this script does not).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(webDir, "../..");
const dbPath = join(webDir, "test-results", "e2e.db");
const sample = resolve(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt");
const port = process.env.E2E_PORT ?? "3100";
const env = { ...process.env, CLAIMDESK_DB: dbPath };

function step(label, command, args) {
  console.log(`[e2e serve] ${label}`);
  const result = spawnSync(command, args, { cwd: webDir, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[e2e serve] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

mkdirSync(dirname(dbPath), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });

step("migrating a fresh database", "pnpm", ["--dir", repoRoot, "db:migrate"]);
step("importing the sample and demo articles", "pnpm", [
  "--dir",
  repoRoot,
  "worker",
  "import",
  sample,
  join(repoRoot, "demo", "articles"),
]);

console.log(`[e2e serve] next start on port ${port}`);
const server = spawn(join(webDir, "node_modules", ".bin", "next"), ["start", "-p", port], {
  cwd: webDir,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
