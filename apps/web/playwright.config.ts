/** Browser tests: Debian's chromium against `next start` on a fresh database (see e2e/serve.mjs). */
import { defineConfig } from "@playwright/test";
import { storageStatePath } from "./e2e/users.mjs";

// E2E_PORT lets several runs share the machine (each gets its own database, see serve.mjs).
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Per port, so runs sharing the machine do not overwrite each other's traces and reports.
  outputDir: PORT === 3100 ? "test-results/playwright" : `test-results/playwright-${PORT}`,
  globalSetup: "./e2e/global-setup.ts",
  reporter: [
    ["list"],
    [
      "json",
      {
        outputFile:
          PORT === 3100 ? "test-results/playwright.json" : `test-results/playwright-${PORT}.json`,
      },
    ],
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Signed in as Ana (analyst) unless a spec asks for another user (support.ts signedInAs).
    storageState: storageStatePath("ana"),
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node e2e/serve.mjs",
    url: `http://localhost:${PORT}`,
    env: { E2E_PORT: String(PORT) },
    // Always a fresh database: never reuse a server someone left running.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
