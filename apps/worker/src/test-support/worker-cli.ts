/**
 * The real CLI in a child process, started the way `pnpm worker` starts it (the Node flags and
 * MALLOC_ARENA_MAX of the root package.json's `worker` script), from the repository root, on the
 * database `db`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { findRepoRoot } from "@claimdesk/db";

export const repoRoot = findRepoRoot(import.meta.dirname);

const NODE_ARGS = [
  "--single-threaded-gc",
  "--expose-gc",
  "--import",
  "tsx",
  "apps/worker/src/cli.ts",
];

interface CliOptions {
  db: string;
  /** The directory relative paths are taken from (pnpm passes the caller's as INIT_CWD). */
  cwd?: string;
}

const envFor = ({ db, cwd = repoRoot }: CliOptions) => ({
  ...process.env,
  CLAIMDESK_DB: db,
  INIT_CWD: cwd,
  MALLOC_ARENA_MAX: "2",
});

/** Runs the CLI to completion (a minute at most: a loaded 2-core CI machine is slow to start tsx). */
export function runWorkerCli(
  args: readonly string[],
  options: CliOptions,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    cwd: repoRoot,
    env: envFor(options),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI and returns at once, for tests that signal or kill it. */
export function startWorkerCli(args: readonly string[], options: CliOptions): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: repoRoot,
    env: envFor(options),
  });
}
