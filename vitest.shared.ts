/**
 * Timeouts every package's vitest config uses. Most tests here do real work (migrate a SQLite
 * database, import articles through worker threads, hash passwords with scrypt): on a loaded machine
 * (load average 11 on 2 cores) Vitest's default 5 s failed tests that were correct, so a test may
 * take up to a minute before it counts as hung. A test that needs more says so itself.
 */
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  teardownTimeout: 60_000,
} as const;
