/**
 * Opens the SQLite database with the pragmas that let the web app and a running worker share it:
 * WAL (readers never block the writer), foreign keys on, and a busy timeout instead of SQLITE_BUSY.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { resolveDbPath } from "./paths";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDbOptions {
  /** File path or ":memory:"; defaults to resolveDbPath(). */
  path?: string;
  readonly?: boolean;
}

export function openDb(options: OpenDbOptions = {}): Db {
  const path = options.path ?? resolveDbPath();
  if (path !== ":memory:" && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  if (path !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
  sqlite.pragma("synchronous = NORMAL");
  return drizzle({ client: sqlite, schema }) as Db;
}
