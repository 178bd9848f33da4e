import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  claimNextQueuedJob,
  createImportJob,
  type Db,
  getImportJob,
  getImportJobDetail,
  importJobs,
  openDb,
  queueUploadedImport,
} from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type QueueJobOutcome, runQueue } from "./run-queue";
import { repoRoot, runWorkerCli } from "./test-support/worker-cli";

const SAMPLE = join(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt");
const GOOD_TEXT =
  "Iraq's prime minister said on Monday that foreign forces would leave the country soon.\n\n" +
  '"We will not accept attacks on our soil," a government spokesman told reporters in Baghdad.\n';

let dir: string;
let dbPath: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-run-queue-"));
  dbPath = join(dir, "claimdesk.db");
  db = openDb({ path: dbPath });
  migrateDb(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores files the way the upload route does: one folder per upload. */
function upload(name: string, files: Record<string, string | null>): string[] {
  const folder = join(dir, "uploads", name);
  mkdirSync(folder, { recursive: true });
  return Object.entries(files).map(([file, content]) => {
    const path = join(folder, file);
    if (content === null) copyFileSync(SAMPLE, path);
    else writeFileSync(path, content);
    return path;
  });
}

describe("runQueue", () => {
  it("runs a queued upload to completion with its counts and its failed record", async () => {
    const files = upload("u1", { "sample.txt": null, "broken.txt": "   \n\n" });
    const queued = queueUploadedImport(db, { files, options: { batchSize: 10 } });
    const outcomes: QueueJobOutcome[] = [];

    const processed = await runQueue(db, {
      once: true,
      engine: { jobs: 1 },
      onJobEnd: (o) => outcomes.push(o),
    });

    expect(processed).toBe(1);
    expect(outcomes).toMatchObject([{ jobId: queued.id, status: "completed", error: null }]);
    const { job, errors } = getImportJobDetail(db, { id: queued.id });
    expect(job).toMatchObject({
      origin: "upload",
      status: "completed",
      read: 2,
      imported: 1,
      duplicates: 0,
      failed: 1,
      error: null,
      paths: files,
    });
    expect(job.claims).toBeGreaterThan(0);
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(errors.items).toEqual([
      { id: expect.any(Number), file: files[1], line: null, reason: "empty file" },
    ]);
    // The engine ran on the queued row: no second job was created for the same files.
    expect(db.select().from(importJobs).all()).toHaveLength(1);
    const articles = db.$client
      .prepare("select import_job_id as jobId, title from articles")
      .all() as { jobId: number; title: string | null }[];
    expect(articles).toHaveLength(1);
    expect(articles[0]?.jobId).toBe(queued.id);
  }, 30_000);

  it("takes jobs oldest first, fails a crashed job with its error and carries on", async () => {
    const cli = createImportJob(db, { paths: ["/somewhere"], options: {} });
    const first = queueUploadedImport(db, { files: upload("a", { "a.txt": GOOD_TEXT }) });
    // A payload the engine cannot take (written by hand, as an older web app might have).
    const broken = db
      .insert(importJobs)
      .values({ input: { origin: "upload", paths: "not a list" }, status: "queued" })
      .returning()
      .get();
    const missing = queueUploadedImport(db, { files: [join(dir, "uploads", "gone.txt")] });
    const last = queueUploadedImport(db, {
      files: upload("b", { "b.md": `${GOOD_TEXT}\nAnother story, told differently.\n` }),
    });
    const order: number[] = [];

    const processed = await runQueue(db, {
      once: true,
      engine: { jobs: 1 },
      onJobStart: (job) => order.push(job.id),
    });

    expect(processed).toBe(4);
    expect(order).toEqual([first.id, broken.id, missing.id, last.id]);
    expect(getImportJob(db, first.id)).toMatchObject({ status: "completed", imported: 1 });
    expect(getImportJob(db, broken.id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("Invalid job input"),
    });
    expect(getImportJob(db, broken.id)?.error).toContain("paths");
    expect(getImportJob(db, broken.id)?.finishedAt).toBeInstanceOf(Date);
    expect(getImportJob(db, missing.id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("Nothing could be read"),
    });
    expect(getImportJob(db, last.id)).toMatchObject({ status: "completed", imported: 1 });
    // A job the CLI is running is not the queue's business.
    expect(getImportJob(db, cli)?.status).toBe("running");
  }, 30_000);

  it("resumes a job left running by a runner that is gone, then runs the next one", async () => {
    const orphan = queueUploadedImport(db, { files: upload("o", { "o.txt": GOOD_TEXT }) });
    // Claimed by a runner that was killed before its first batch: no process has this pid.
    claimNextQueuedJob(db, { pid: 2 ** 22 + 12_345 });
    const next = queueUploadedImport(db, { files: upload("n", { "n.txt": GOOD_TEXT }) });
    const abandoned: number[] = [];
    const order: number[] = [];

    const processed = await runQueue(db, {
      once: true,
      engine: { jobs: 1 },
      onAbandoned: (ids) => abandoned.push(...ids),
      onJobStart: (job) => order.push(job.id),
    });

    expect(abandoned).toEqual([orphan.id]);
    expect(processed).toBe(2);
    expect(order).toEqual([orphan.id, next.id]);
    expect(getImportJob(db, orphan.id)).toMatchObject({ status: "completed", imported: 1 });
    // The same text in the next upload: a duplicate, not a second article.
    const done = getImportJob(db, next.id);
    expect(done).toMatchObject({ status: "completed", imported: 0, duplicates: 1 });
    // The job records its runner, so another runner starting meanwhile leaves it alone.
    expect(done?.checkpoint?.pid).toBe(process.pid);
  }, 30_000);

  it("returns at once with nothing queued when asked to run once", async () => {
    expect(await runQueue(db, { once: true })).toBe(0);
  });

  it("keeps polling for jobs queued later until it is stopped", async () => {
    const controller = new AbortController();
    const files = upload("late", { "late.txt": GOOD_TEXT });
    const done: QueueJobOutcome[] = [];
    const running = runQueue(db, {
      pollMs: 20,
      engine: { jobs: 1 },
      signal: controller.signal,
      onJobEnd: (outcome) => {
        done.push(outcome);
        controller.abort();
      },
    });
    // Let the runner find the queue empty at least once before the job arrives.
    await new Promise((resolve) => setTimeout(resolve, 60));
    const late = queueUploadedImport(db, { files });

    expect(await running).toBe(1);
    expect(done).toMatchObject([{ jobId: late.id, status: "completed" }]);
  }, 30_000);

  it("stops waiting as soon as it is aborted", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = runQueue(db, { pollMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(await running).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("worker run --once", () => {
  it("processes the queued jobs from the command line and exits", () => {
    const files = upload("cli", { "sample.txt": null });
    const queued = queueUploadedImport(db, { files });
    const result = runWorkerCli(["run", "--once"], { db: dbPath });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Import job ${queued.id}: completed`);
    expect(result.stdout).toContain("Processed 1 queued import job.");
    expect(getImportJob(db, queued.id)).toMatchObject({ status: "completed", imported: 1 });
  }, 60_000);
});
