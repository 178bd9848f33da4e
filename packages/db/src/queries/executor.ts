/** The handle every query function takes: the database or a transaction on it (same connection). */
import type { RunResult } from "better-sqlite3";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { BaseSQLiteDatabase, SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type * as schema from "../schema";

export type DbExecutor = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;
export type DbTransaction = SQLiteTransaction<
  "sync",
  RunResult,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;

/**
 * Write transactions start IMMEDIATE: a read-then-write transaction that began DEFERRED fails with
 * SQLITE_BUSY (busy_timeout cannot help) when the worker wrote in between. Inside an outer
 * transaction this becomes a savepoint.
 */
export function writeTransaction<T>(db: DbExecutor, fn: (tx: DbTransaction) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
