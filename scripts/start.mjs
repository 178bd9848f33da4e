// `pnpm start`: build, migrate data/claimdesk.db (or CLAIMDESK_DB), import the demo articles
// (idempotent: already-imported texts are skipped by hash), then serve the production build.
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
console.log(`\n▶ Claimdesk is starting at http://localhost:${port}`);
const code = await run("pnpm", ["--filter", "@claimdesk/web", "start", "--port", port], {
  cwd: root,
  env: { ...quietEnv, NODE_ENV: "production" },
});
process.exit(code);
