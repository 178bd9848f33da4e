// Playwright's web server: a fresh database with the real sample article and the demo articles
// imported by the worker,
// then `next start` on the production build (the test runner builds first; this script does not).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { E2E_PASSWORD, E2E_USERS, e2eDbPath, e2ePort, repoRoot, webDir } from "./users.mjs";

const sample = resolve(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt");
const port = e2ePort();
const dbPath = e2eDbPath();
const env = {
  ...process.env,
  CLAIMDESK_DB: dbPath,
  CLAIMDESK_URL: `http://localhost:${port}`,
  E2E_PASSWORD,
  // Every test signs in from 127.0.0.1: room for the suite's sign-ins (auth.spec tests the limit).
  CLAIMDESK_SIGN_IN_LIMIT: "30/60",
  CLAIMDESK_ACCOUNT_SIGN_IN_LIMIT: "100/300",
};

function step(label, command, args) {
  console.log(`[e2e serve] ${label}`);
  const result = spawnSync(command, args, { cwd: webDir, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[e2e serve] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

mkdirSync(dirname(dbPath), { recursive: true });
for (const suffix of ["", "-wal", "-shm", ".auth-secret"])
  rmSync(`${dbPath}${suffix}`, { force: true });

step("migrating a fresh database", "pnpm", ["--dir", repoRoot, "db:migrate"]);
step("importing the sample and demo articles", "pnpm", [
  "--dir",
  repoRoot,
  "worker",
  "import",
  sample,
  join(repoRoot, "demo", "articles"),
]);

for (const user of Object.values(E2E_USERS)) {
  step(`creating ${user.role} ${user.email}`, "pnpm", [
    "--dir",
    repoRoot,
    "-s",
    "worker",
    "user",
    "create",
    "--email",
    user.email,
    "--name",
    user.name,
    "--role",
    user.role,
    "--password-env",
    "E2E_PASSWORD",
  ]);
}

console.log(`[e2e serve] next start on port ${port}`);
const server = spawn(join(webDir, "node_modules", ".bin", "next"), ["start", "-p", port], {
  cwd: webDir,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
