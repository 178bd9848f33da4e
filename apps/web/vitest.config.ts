/** Unit tests: pure modules under src/lib, in Node; Playwright specs in e2e/ are not vitest's. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Real-work tests need honest timeouts: at load 11 on 2 cores Vitest's default 5 s failed
    // correct tests. Every package's config says the same.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
