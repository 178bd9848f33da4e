/** Where the database lives: `data/claimdesk.db` at the repo root unless CLAIMDESK_DB says otherwise. */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

/** The monorepo root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(/* turbopackIgnore: true */ from);
  for (;;) {
    // The hint keeps bundlers (Turbopack) from tracing every file this dynamic path could reach.
    if (existsSync(join(/* turbopackIgnore: true */ dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `No pnpm-workspace.yaml above ${from}: cannot locate the Claimdesk repo root`,
      );
    dir = parent;
  }
}

/**
 * Absolute path of the SQLite file. A relative CLAIMDESK_DB is taken relative to the repo root, so
 * the web app (cwd apps/web) and the worker (cwd anywhere) open the same file.
 */
export function resolveDbPath(env: string | undefined = process.env.CLAIMDESK_DB): string {
  if (env === ":memory:") return env;
  if (env && isAbsolute(env)) return env;
  const root = findRepoRoot();
  return resolve(root, env ?? join("data", "claimdesk.db"));
}
