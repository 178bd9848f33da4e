// Shared by start.mjs and run-tests.mjs: run a command with inherited stdio and report its exit code.
import { spawn } from "node:child_process";

/** Environment for every step: no telemetry calls out of this offline machine. */
export const quietEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

/** Runs `cmd args` from `cwd`, resolving to its exit code (never rejects). */
export function run(cmd, args, { cwd = process.cwd(), env = quietEnv } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", (err) => {
      console.error(`Could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
