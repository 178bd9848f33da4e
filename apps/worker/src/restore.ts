/**
 * `worker restore FILE`: puts a backup in place of the database (CLAIMDESK_DB). It refuses
 *  - a FILE that is not a whole Claimdesk database (backup.ts, checkClaimdeskDatabase),
 *  - a database that is in use: the web app, a worker or any other process holding it open,
 *  - an existing database unless `--force` is given; the replaced one is then kept beside it as
 *    `<db>.before-restore-<time>` (delete it once the restore is checked).
 *
 * "In use" is probed the way SQLite itself decides it is the last connection: every connection to
 * a WAL database holds a shared lock on it, so switching it out of WAL (which needs the exclusive
 * lock) fails at once while any other connection is open. Once the probe has succeeded the
 * restorer holds that exclusive lock until the new file is in place.
 *
 * After a restore everyone signs in again: the restored copy's sessions are deleted (a session
 * signed out or a user disabled after the backup would otherwise come back). Passwords and roles
 * come back as they were: password hashes do not depend on the auth secret, which is why backups
 * do not carry `<db>.auth-secret`. An existing secret beside the target stays; with none, one is
 * generated on first use.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openDb } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import Database from "better-sqlite3";
import { checkClaimdeskDatabase, type TableCounts } from "./backup";

export class DatabaseInUseError extends Error {}

export interface RestoreOptions {
  /** Replace an existing database (kept as `<db>.before-restore-<time>`). */
  force?: boolean;
  now?: Date;
}

export interface RestoreResult {
  path: string;
  /** Where the database that was replaced now is; null when there was none. */
  replaced: string | null;
  /** Rows per table of the restored database (sessions emptied). */
  tables: TableCounts;
}

const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

/**
 * Takes the database at `path` for the restorer alone, or throws DatabaseInUseError: the
 * returned connection holds SQLite's exclusive lock (rollback journal, exclusive locking mode)
 * until it is closed.
 */
export function lockUnused(path: string): Database.Database {
  const client = new Database(path, { fileMustExist: true });
  try {
    client.pragma("busy_timeout = 0");
    // Leaving WAL needs every other connection gone (and checkpoints the WAL into the file).
    client.pragma("journal_mode = DELETE");
    client.pragma("locking_mode = EXCLUSIVE");
    // The first write in exclusive locking mode takes the lock and keeps it.
    client.exec("BEGIN EXCLUSIVE; COMMIT;");
    return client;
  } catch (error) {
    client.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new DatabaseInUseError(
        `${path} is in use (the web app, \`pnpm worker run\` or another process has it open): stop them, then restore`,
      );
    }
    throw error;
  }
}

export async function restoreDatabase(
  file: string,
  target: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = resolve(file);
  if (source === resolve(target)) throw new Error(`${file} is the database itself`);
  checkClaimdeskDatabase(source);
  const exists = existsSync(target);
  if (exists && !options.force) {
    throw new Error(
      `${target} exists: pass --force to replace it (it is kept as ${target}.before-restore-<time>)`,
    );
  }
  const lock = exists ? lockUnused(target) : null;
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.restore-${process.pid}-${Date.now()}.db`);
  try {
    // Copied by SQLite's backup API, so a source that is itself a live database copies whole.
    const reader = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await reader.backup(temp);
    } finally {
      reader.close();
    }
    const restored = openDb({ path: temp });
    try {
      migrateDb(restored);
      restored.$client.exec("delete from sessions");
      // Back to one file (no -wal), so the rename below moves the whole database; the app's next
      // open switches it to WAL again.
      restored.$client.pragma("journal_mode = DELETE");
    } finally {
      restored.$client.close();
    }
    const tables = checkClaimdeskDatabase(temp);
    let replaced: string | null = null;
    if (exists) {
      replaced = `${target}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, replaced);
    }
    // A stale WAL beside the target would be replayed into the restored file: none may remain.
    for (const side of SIDE_FILES) rmSync(`${target}${side}`, { force: true });
    renameSync(temp, target);
    return { path: target, replaced, tables };
  } catch (error) {
    for (const side of ["", ...SIDE_FILES]) rmSync(`${temp}${side}`, { force: true });
    throw error;
  } finally {
    lock?.close();
  }
}
