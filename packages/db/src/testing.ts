/** Test helper: a fresh database with the real migrations applied. */
import { type Db, migrateDb, openDb } from "./client";

/** An in-memory database migrated exactly like production. Close it with `db.$client.close()`. */
export function createTestDb(): Db {
  const db = openDb({ path: ":memory:" });
  migrateDb(db);
  return db;
}
