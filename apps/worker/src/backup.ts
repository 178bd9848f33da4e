/**
 * `worker backup --out FILE`: an online, consistent copy of the database. `VACUUM INTO` copies the
 * database as one read transaction sees it, so the copy is one moment of it even while the web app
 * saves edits and an import writes batches (WAL: the reader blocks no writer, no writer blocks it).
 * The copy is written under a temporary name, checked, synced to disk and only then renamed, so a
 * FILE that exists is a whole backup.
 *
 * The auth secret (`<db>.auth-secret`) is not copied: password hashes (scrypt, salted) do not depend
 * on it, only session cookies' signatures do, and `restore` signs everyone out anyway (restore.ts).
 * A backup without it cannot be used to forge a session cookie.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Db } from "@claimdesk/db";
import { migrationsFolder } from "@claimdesk/db/migrate";
import Database from "better-sqlite3";

/** Rows per table (virtual FTS tables and their shadow tables included), by table name. */
export type TableCounts = Record<string, number>;

export interface BackupResult {
  path: string;
  bytes: number;
  tables: TableCounts;
}

/** What makes a file a Claimdesk database this version can open. */
export class NotAClaimdeskDatabaseError extends Error {}

/** Rows in every table of `client`, counted in one read transaction. */
export function countTables(client: Database.Database): TableCounts {
  const names = client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[];
  const count = client.transaction(() =>
    Object.fromEntries(
      names.map((name) => [
        name,
        client
          .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number,
      ]),
    ),
  );
  return count();
}

/** `created_at` of every migration this version of Claimdesk ships (drizzle's journal `when`). */
function knownMigrations(): Set<number> {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as { entries: { when: number }[] };
  return new Set(journal.entries.map((e) => e.when));
}

/**
 * Opens `path` read-only and checks that it is a whole Claimdesk database: SQLite's
 * integrity_check passes, it has the migrations table, and every migration applied to it is one
 * this version knows (a newer Claimdesk's database is refused, an older one is migrated on open).
 * Throws NotAClaimdeskDatabaseError naming the file and the reason; returns the table counts.
 */
export function checkClaimdeskDatabase(path: string): TableCounts {
  if (!existsSync(path)) throw new NotAClaimdeskDatabaseError(`${path}: no such file`);
  let client: Database.Database;
  try {
    client = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new NotAClaimdeskDatabaseError(`${path}: cannot be opened (${(error as Error).message})`);
  }
  try {
    let problems: string[];
    try {
      problems = client.prepare("pragma integrity_check").pluck().all() as string[];
    } catch (error) {
      throw new NotAClaimdeskDatabaseError(
        `${path}: not a SQLite database (${(error as Error).message})`,
      );
    }
    if (problems.join() !== "ok") {
      throw new NotAClaimdeskDatabaseError(
        `${path}: damaged, integrity_check says: ${problems.slice(0, 5).join("; ")}`,
      );
    }
    const hasMigrations = client
      .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get();
    if (!hasMigrations) {
      throw new NotAClaimdeskDatabaseError(
        `${path}: not a Claimdesk database (it has no __drizzle_migrations table)`,
      );
    }
    const applied = client
      .prepare("select created_at from __drizzle_migrations")
      .pluck()
      .all() as number[];
    const known = knownMigrations();
    if (
      applied.length === 0 ||
      !client.prepare("select 1 from sqlite_master where name = 'users'").get()
    ) {
      throw new NotAClaimdeskDatabaseError(
        `${path}: not a Claimdesk database (no migrations applied)`,
      );
    }
    const unknown = applied.filter((when) => !known.has(Number(when)));
    if (unknown.length > 0) {
      throw new NotAClaimdeskDatabaseError(
        `${path}: made by a newer Claimdesk (${unknown.length} migration(s) this version does not know); restore it with that version`,
      );
    }
    return countTables(client);
  } finally {
    client.close();
  }
}

/** fsync a file, and its directory so that a rename into it survives a crash. */
function syncToDisk(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir: string): void {
  try {
    syncToDisk(dir);
  } catch {
    // Some file systems cannot fsync a directory; the file itself is synced.
  }
}

/**
 * Copies the database `db` is connected to into `out` (which must not exist) and checks the copy.
 * `db` may be in use by other connections and processes; its own connection must not be inside a
 * transaction.
 */
export function backupDatabase(db: Db, out: string): BackupResult {
  if (existsSync(out)) throw new Error(`${out} already exists: choose a new file for the backup`);
  mkdirSync(dirname(out), { recursive: true });
  const temp = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(temp, { force: true });
  try {
    // Readable by its owner only: it holds password hashes and everything analysts wrote.
    closeSync(openSync(temp, "w", 0o600));
    db.$client.prepare("VACUUM INTO ?").run(temp);
    const tables = checkClaimdeskDatabase(temp);
    syncToDisk(temp);
    renameSync(temp, out);
    syncDirectory(dirname(out));
    return { path: out, bytes: statSync(out).size, tables };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
