/**
 * Uploaded files do not pile up: `worker run` deletes a completed job's upload folder and keeps a
 * failed one's; `worker uploads clean` removes what is over and leaves what may still run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDb, queueUploadedImport } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runQueue } from "./run-queue";
import { runWorkerCli } from "./test-support/worker-cli";
import { cleanUploads, uploadFoldersOf } from "./upload-clean";

const GOOD_TEXT =
  "Iraq's prime minister said on Monday that foreign forces would leave the country soon.\n";

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-uploads-clean-"));
  db = openDb({ path: join(dir, "claimdesk.db") });
  migrateDb(db);
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores files as the upload route does: `uploads/<name>/<file>` beside the database. */
function upload(name: string, files: Record<string, string>): { folder: string; paths: string[] } {
  const folder = join(dir, "uploads", name);
  mkdirSync(folder, { recursive: true });
  const paths = Object.entries(files).map(([file, content]) => {
    const path = join(folder, file);
    writeFileSync(path, content);
    return path;
  });
  return { folder, paths };
}

/** An upload whose job fails: its file vanished (nothing could be read); another file stays. */
function failingUpload(name: string): { folder: string; paths: string[] } {
  const { folder } = upload(name, { "notes.txt": "kept for a look" });
  return { folder, paths: [join(folder, "gone.jsonl")] };
}

const run = () => runQueue(db, { once: true, engine: { jobs: 1 } });

describe("uploaded files", () => {
  it("are deleted when their job completes and kept when it fails", async () => {
    const done = upload("done", { "a.txt": GOOD_TEXT, "empty.txt": "  \n" });
    const broken = failingUpload("broken");
    queueUploadedImport(db, { files: done.paths });
    queueUploadedImport(db, { files: broken.paths });
    expect(await run()).toBe(2);
    const statuses = db.$client.prepare("select status from import_jobs order by id").pluck().all();
    expect(statuses).toEqual(["completed", "failed"]);
    // A completed job (even one with a failed record) needs its files no more.
    expect(existsSync(done.folder)).toBe(false);
    // A failed one's stay for a retry or a look.
    expect(existsSync(join(broken.folder, "notes.txt"))).toBe(true);
  }, 60_000);

  it("are never files outside the uploads folder", async () => {
    const elsewhere = join(dir, "corpus");
    mkdirSync(elsewhere);
    const file = join(elsewhere, "a.txt");
    writeFileSync(file, GOOD_TEXT);
    queueUploadedImport(db, { files: [file] });
    expect(await run()).toBe(1);
    expect(existsSync(file)).toBe(true);
    const root = join(dir, "uploads");
    expect(
      uploadFoldersOf(root, [join(root, "x.txt"), "/etc/passwd", join(root, "a", "b", "c")]),
    ).toEqual([]);
  }, 60_000);

  it("`uploads clean` removes finished jobs' and orphaned folders, keeps queued ones", async () => {
    const failed = failingUpload("failed");
    queueUploadedImport(db, { files: failed.paths });
    await run();
    const queued = upload("queued", { "q.txt": GOOD_TEXT });
    queueUploadedImport(db, { files: queued.paths });
    const old = upload("orphan-old", { "o.txt": GOOD_TEXT });
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old.folder, hourAgo, hourAgo);
    const fresh = upload("orphan-fresh", { "f.txt": GOOD_TEXT });

    expect(cleanUploads(db, { failed: false }).map((r) => r.reason)).toEqual([
      "no import job refers to it",
    ]);
    expect(existsSync(failed.folder)).toBe(true);
    const removed = cleanUploads(db);
    expect(removed).toEqual([
      {
        folder: failed.folder,
        bytes: 15,
        reason: expect.stringMatching(/^import job \d+ failed$/),
      },
    ]);
    expect([failed, queued, old, fresh].map((u) => existsSync(u.folder))).toEqual([
      false,
      true,
      false,
      true,
    ]);

    // The admin's command.
    const another = failingUpload("failed-2");
    queueUploadedImport(db, { files: another.paths });
    // The queued job ahead runs first; both end.
    await run();
    db.$client.close();
    const cli = runWorkerCli(["uploads", "clean"], { db: join(dir, "claimdesk.db") });
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(
      /failed-2: import job \d+ failed\nDeleted 1 upload folder\(s\), 0\.0 MB\.\n$/,
    );
    expect(existsSync(another.folder)).toBe(false);
  }, 120_000);
});
