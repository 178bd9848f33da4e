/** The web server's database handle: opened lazily on first request, shared by every request. */
import "server-only";
import { type Db, openDb } from "@claimdesk/db";

// Kept on globalThis so dev-mode module reloads reuse one connection instead of leaking them.
const cache = globalThis as typeof globalThis & { claimdeskDb?: Db };

/** The database at CLAIMDESK_DB (default data/claimdesk.db); migrations are `pnpm db:migrate`'s job. */
export function getDb(): Db {
  cache.claimdeskDb ??= openDb();
  return cache.claimdeskDb;
}
