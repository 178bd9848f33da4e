import { defineConfig } from "vitest/config";

// Real-work tests (migrations, imports through worker threads, scrypt) need honest timeouts: at load
// 11 on 2 cores Vitest's default 5 s failed correct tests. Every package's config says the same.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
