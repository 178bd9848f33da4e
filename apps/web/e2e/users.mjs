// What every browser test shares: the accounts it signs in with (created by serve.mjs through
// `pnpm worker user create`; test-only credentials for a throwaway database), the run's port,
// and where things are.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(webDir, "../..");

export const E2E_PASSWORD = "e2e-only password 7f3a";

export const E2E_USERS = {
  admin: { name: "Ada Admin", email: "ada@e2e.test", role: "admin" },
  ana: { name: "Ana Analyst", email: "ana@e2e.test", role: "analyst" },
  ben: { name: "Ben Analyst", email: "ben@e2e.test", role: "analyst" },
  judy: { name: "Judy Adjudicator", email: "judy@e2e.test", role: "adjudicator" },
  vic: { name: "Vic Viewer", email: "vic@e2e.test", role: "viewer" },
};

/** Where each user's signed-in browser state is saved by global-setup.ts. */
export const storageStatePath = (key) => `test-results/auth-${e2ePort()}/${key}.json`;

/** The port of this run (E2E_PORT lets several runs share a machine) and its own database file. */
export const e2ePort = () => process.env.E2E_PORT ?? "3100";
export const e2eDbPath = () =>
  join(webDir, "test-results", e2ePort() === "3100" ? "e2e.db" : `e2e-${e2ePort()}.db`);
