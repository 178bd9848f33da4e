/**
 * `worker backup` and `worker restore` on real migrated databases: a backup taken during an
 * import while edits stream in restores into a new path whole (integrity, every table's count, the
 * audit trail, accounts that sign in with their roles, /setup closed), and restore refuses what it
 * must.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuth, createUserWithPassword } from "@claimdesk/auth";
import { createSource, type Db, needsFirstAdmin, openDb } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import type { TUserRole } from "@claimdesk/types";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  backupDatabase,
  checkClaimdeskDatabase,
  countTables,
  NotAClaimdeskDatabaseError,
  type TableCounts,
} from "./backup";
import { importArticles } from "./import-articles";
import { DatabaseInUseError, restoreDatabase } from "./restore";
import { runWorkerCli } from "./test-support/worker-cli";

const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery";
const ROLES: TUserRole[] = ["admin", "adjudicator", "analyst", "viewer"];
const RECORDS = 150;

let dir: string;
let dbPath: string;
const open: Db[] = [];

function connect(path = dbPath): Db {
  const db = openDb({ path });
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-backup-"));
  dbPath = join(dir, "claimdesk.db");
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.$client.open) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function signIn(auth: ReturnType<typeof createAuth>, email: string, password: string) {
  return auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "10.0.0.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const authFor = (db: Db, secret: string) =>
  createAuth(db, {
    baseURL: BASE,
    secret,
    signInLimit: { window: 60, max: 100 },
    accountSignInLimit: { window: 60, max: 100 },
  });

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A JSONL corpus whose every record yields a claim, to keep an import busy for a while. */
function writeCorpus(): string {
  const file = join(dir, "wire.jsonl");
  const lines = Array.from({ length: RECORDS }, (_, i) =>
    JSON.stringify({
      id: `w-${i}`,
      title: `Wire story ${i}`,
      body: `The ministry said on Tuesday that prices in district ${i} would fall by spring. Critics warned that the plan ${i} would fail, a trader told reporters.`,
    }),
  );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all();

describe("worker backup and restore", () => {
  it("backs up during an import while edits stream in, and restores everything into a new path", async () => {
    const source = connect();
    migrateDb(source);
    const users = new Map<TUserRole, string>();
    for (const role of ROLES) {
      const email = `${role}@example.org`;
      await createUserWithPassword(source, { name: role, email, password: PASSWORD, role }, null);
      users.set(role, email);
    }
    // A signed-in browser: its session must not survive into the restored copy.
    const sourceAuth = authFor(source, "s".repeat(40));
    const session = await signIn(sourceAuth, "analyst@example.org", PASSWORD);
    expect(session.status).toBe(200);
    const adminId = source.$client
      .prepare("select id from users where role = 'admin'")
      .pluck()
      .get() as number;

    // Edits stream in on the web app's connection while the import writes on its own.
    const web = connect();
    let edits = 0;
    const editing = setInterval(() => {
      createSource(web, { name: `Streamed source ${edits}` }, adminId);
      edits++;
    }, 3);

    const backupConnection = connect();
    const out = join(dir, "backups", "claimdesk-backup.db");
    let atBackup: TableCounts | undefined;
    let afterBackup: TableCounts | undefined;
    let backupTables: TableCounts | undefined;
    const importer = connect();
    const summary = await importArticles(importer, [writeCorpus()], {
      batchSize: 10,
      jobs: 1,
      onProgress: (progress) => {
        // Mid-import: some batches written, more to come, edits arriving in between.
        if (atBackup !== undefined || progress.imported < 30 || edits < 5) return;
        atBackup = countTables(source.$client);
        backupTables = backupDatabase(backupConnection, out).tables;
        afterBackup = countTables(source.$client);
      },
    });
    clearInterval(editing);
    expect(summary.status).toBe("completed");
    expect(summary.imported).toBe(RECORDS);
    expect(atBackup, "the backup ran mid-import").toBeDefined();
    expect(afterBackup).toEqual(atBackup);
    expect(backupTables).toEqual(atBackup);
    const snapshot = atBackup as TableCounts;
    expect(snapshot.articles).toBeGreaterThanOrEqual(30);
    expect(snapshot.articles).toBeLessThan(RECORDS);

    // Restore into a new path.
    const target = join(dir, "restored", "claimdesk.db");
    const result = await restoreDatabase(out, target);
    expect(result.replaced).toBeNull();
    const restored = connect(target);
    expect(restored.$client.prepare("pragma integrity_check").pluck().all()).toEqual(["ok"]);
    // Every table's count is the snapshot's; only the signed-in sessions are gone.
    expect(snapshot.sessions).toBe(1);
    expect(countTables(restored.$client)).toEqual({ ...snapshot, sessions: 0 });

    // The import job is as the snapshot saw it: running, its counts those of its written batches.
    const [job] = rows(restored, "select status, imported from import_jobs") as {
      status: string;
      imported: number;
    }[];
    expect(job).toEqual({ status: "running", imported: snapshot.articles });

    // The audit trail is whole: the source's events up to the snapshot, unchanged, one per edit.
    const restoredAudit = rows(restored, "select * from audit_events order by id");
    const lastId = (restoredAudit.at(-1) as { id: number }).id;
    expect(restoredAudit).toEqual(
      rows(source, `select * from audit_events where id <= ${lastId} order by id`),
    );
    const count = (sql: string) => restored.$client.prepare(sql).pluck().get() as number;
    const streamed = count("select count(*) from sources where name like 'Streamed source %'");
    expect(streamed).toBeGreaterThanOrEqual(5);
    expect(
      count(
        `select count(*) from audit_events where entity = 'source' and action = 'create' and actor_id = ${adminId}`,
      ),
    ).toBe(streamed);

    // Accounts sign in with their roles (another secret: password hashes do not depend on it).
    const restoredAuth = authFor(restored, "r".repeat(40));
    for (const [role, email] of users) {
      const res = await signIn(restoredAuth, email, PASSWORD);
      expect(res.status, `${email} signs in`).toBe(200);
      const me = await restoredAuth.api.getSession({
        headers: new Headers({ cookie: cookieOf(res) }),
      });
      expect(me?.user.role).toBe(role);
    }
    expect((await signIn(restoredAuth, "admin@example.org", "wrong password!")).status).toBe(401);
    // The old browser's session is gone, even under the old secret.
    const oldSession = await authFor(restored, "s".repeat(40)).api.getSession({
      headers: new Headers({ cookie: cookieOf(session) }),
    });
    expect(oldSession).toBeNull();
    // /setup stays closed: the restored database has its admin.
    expect(needsFirstAdmin(restored)).toBe(false);
  }, 120_000);

  it("refuses to restore over a database in use, and keeps the one it replaces", async () => {
    const source = connect();
    migrateDb(source);
    createSource(source, { name: "Only in the backup" }, null);
    const out = join(dir, "backup.db");
    backupDatabase(source, out);

    const targetPath = join(dir, "live.db");
    const live = connect(targetPath);
    migrateDb(live);
    createSource(live, { name: "Only in the live database" }, null);
    await expect(restoreDatabase(out, targetPath)).rejects.toThrow(/exists: pass --force/);
    // The web app (or a worker) has it open: even --force is refused, and nothing changes.
    await expect(restoreDatabase(out, targetPath, { force: true })).rejects.toThrow(
      DatabaseInUseError,
    );
    // A read-only connection (the export route's) counts as in use too.
    live.$client.close();
    const reader = new Database(targetPath, { readonly: true });
    reader.prepare("select count(*) from sources").get();
    await expect(restoreDatabase(out, targetPath, { force: true })).rejects.toThrow(
      DatabaseInUseError,
    );
    reader.close();
    const names = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare("select name from sources order by id").pluck().all();
      } finally {
        db.close();
      }
    };
    expect(names(targetPath)).toEqual(["Only in the live database"]);

    const result = await restoreDatabase(out, targetPath, {
      force: true,
      now: new Date("2025-01-02T03:04:05Z"),
    });
    expect(result.replaced).toBe(`${targetPath}.before-restore-2025-01-02T03-04-05-000Z`);
    expect(names(targetPath)).toEqual(["Only in the backup"]);
    expect(names(result.replaced as string)).toEqual(["Only in the live database"]);
  }, 60_000);

  it("refuses files that are not a whole Claimdesk database", async () => {
    const target = join(dir, "target.db");
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, just some words\n".repeat(200));
    await expect(restoreDatabase(text, target)).rejects.toThrow(/notes\.txt: not a SQLite/);

    const other = join(dir, "other.db");
    const plain = new Database(other);
    plain.exec("create table things (x); insert into things values (1)");
    plain.close();
    await expect(restoreDatabase(other, target)).rejects.toThrow(
      /other\.db: not a Claimdesk database/,
    );

    // A backup cut short (a full disk, a copy interrupted) fails SQLite's checks.
    const source = connect();
    migrateDb(source);
    for (let i = 0; i < 200; i++) createSource(source, { name: `Source ${i}` }, null);
    const whole = join(dir, "whole.db");
    backupDatabase(source, whole);
    const cut = join(dir, "cut.db");
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase(cut, target)).rejects.toThrow(NotAClaimdeskDatabaseError);

    // A newer Claimdesk's database (a migration this version does not know).
    const newer = join(dir, "newer.db");
    backupDatabase(source, newer);
    const edit = new Database(newer);
    edit
      .prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)")
      .run(Date.now() + 10 ** 12);
    edit.close();
    expect(() => checkClaimdeskDatabase(newer)).toThrow(/made by a newer Claimdesk/);
    await expect(restoreDatabase(newer, target)).rejects.toThrow(/made by a newer Claimdesk/);
    // None of these left a file where the database goes.
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it("runs as `worker backup --out FILE` and `worker restore FILE`", () => {
    const source = connect();
    migrateDb(source);
    createSource(source, { name: "Through the CLI" }, null);
    source.$client.close();
    const backup = runWorkerCli(["backup", "--out", "saved.db"], { db: dbPath, cwd: dir });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .* to .*saved\.db \(.* MB/);
    // It holds password hashes: readable by its owner only.
    expect(statSync(join(dir, "saved.db")).mode & 0o777).toBe(0o600);
    const again = runWorkerCli(["backup", "--out", "saved.db"], { db: dbPath, cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/saved\.db already exists/);

    const target = join(dir, "restored.db");
    const restore = runWorkerCli(["restore", "saved.db"], { db: target, cwd: dir });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .*saved\.db to .*restored\.db/);
    expect(checkClaimdeskDatabase(target).sources).toBe(1);
  }, 120_000);
});
