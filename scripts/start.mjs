// `pnpm start`: build, migrate data/claimdesk.db (or CLAIMDESK_DB), import the demo articles
// (idempotent: already-imported texts are skipped by hash), then serve the production build and,
// beside it, run the import job runner (`pnpm worker run`), which processes the files uploaded on
// the Imports page. Both stop together: on Ctrl+C, or when either of them ends.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { quietEnv, run } from "./run-steps.mjs";

const root = join(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";

const steps = [
  ["Building", "pnpm", ["exec", "turbo", "run", "build"]],
  ["Migrating the database", "pnpm", ["db:migrate"]],
  ["Importing the demo articles", "pnpm", ["worker", "import", "demo/articles"]],
];
for (const [title, cmd, args] of steps) {
  console.log(`\n▶ ${title}`);
  const code = await run(cmd, args, { cwd: root });
  if (code !== 0) {
    console.error(`\n${title} failed (exit ${code}); not starting the server.`);
    process.exit(code);
  }
}
console.log(
  `\n▶ Claimdesk is starting at http://localhost:${port} (uploads are imported as they arrive)`,
);
const services = [
  [
    "web server",
    ["--filter", "@claimdesk/web", "start", "--port", port],
    { NODE_ENV: "production" },
  ],
  ["import job runner", ["worker", "run"], {}],
].map(([name, args, env]) => ({
  name,
  child: spawn("pnpm", args, { cwd: root, env: { ...quietEnv, ...env }, stdio: "inherit" }),
}));

let stopping = false;
/** Stops every service still running (SIGTERM; the job runner finishes the job in hand first). */
function stopAll(signal = "SIGTERM") {
  stopping = true;
  for (const { child } of services) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}
// Ctrl+C reaches the children from the terminal too; a SIGTERM (a service manager) is passed on.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));

const codes = await Promise.all(
  services.map(
    ({ name, child }) =>
      new Promise((resolve) => {
        child.on("error", (err) => {
          console.error(`Could not start the ${name}: ${err.message}`);
          stopAll();
          resolve(127);
        });
        child.on("exit", (code, signal) => {
          if (!stopping)
            console.error(
              `\nThe ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`,
            );
          stopAll();
          resolve(code ?? (signal ? 0 : 1));
        });
      }),
  ),
);
process.exit(Math.max(...codes));
