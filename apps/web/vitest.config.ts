/** Unit tests: pure modules under src/lib, in Node; Playwright specs in e2e/ are not vitest's. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
