/** Unit tests: pure modules under src/lib, in Node; Playwright specs in e2e/ are not vitest's. */
import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
