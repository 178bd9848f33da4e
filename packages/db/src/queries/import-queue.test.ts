import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "../client";
import { migrateDb } from "../migrate";
import { importJobs } from "../schema";
import { createTestDb } from "../testing";
import { NotFoundError } from "./errors";
import {
  claimNextQueuedJob,
  getImportJobDetail,
  listImportJobs,
  queueUploadedImport,
  requeueAbandonedUploadJobs,
  requeueImportJob,
} from "./import-queue";
import {
  createImportJob,
  finishImportJob,
  getImportJob,
  recordImportError,
  updateImportJobProgress,
} from "./imports";

let db: Db;
beforeEach(() => {
  db = createTestDb();
});
afterEach(() => db.$client.close());

const COUNTS = { read: 3, imported: 1, duplicates: 1, failed: 1, claims: 4 };

describe("listImportJobs", () => {
  it("lists jobs newest first with origin, status, counts and inputs", () => {
    const cli = createImportJob(db, { paths: ["/corpus/a.txt"], options: { batchSize: 500 } });
    finishImportJob(db, cli, { counts: COUNTS, status: "completed" });
    const upload = queueUploadedImport(db, { files: ["/data/uploads/u1/b.txt"] });

    const result = listImportJobs(db, {});
    expect(result.total).toBe(2);
    expect(result.items.map((j) => j.id)).toEqual([upload.id, cli]);
    expect(result.items[0]).toEqual({
      id: upload.id,
      origin: "upload",
      status: "queued",
      paths: ["/data/uploads/u1/b.txt"],
      options: {},
      read: 0,
      imported: 0,
      versions: 0,
      duplicates: 0,
      failed: 0,
      claims: 0,
      error: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      startedAt: null,
      finishedAt: null,
      updatedAt: expect.any(String),
    });
    expect(result.items[1]).toMatchObject({
      id: cli,
      origin: "cli",
      status: "completed",
      paths: ["/corpus/a.txt"],
      options: { batchSize: 500 },
      ...COUNTS,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
  });

  it("pages with limit and offset, keeping the total", () => {
    const ids = Array.from({ length: 5 }, (_, i) =>
      createImportJob(db, { paths: [`/p/${i}.txt`], options: {} }),
    );
    const page = listImportJobs(db, { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(listImportJobs(db, { limit: 2, offset: 10 }).items).toEqual([]);
  });

  it("reads rows whose input is not the usual shape without failing", () => {
    db.insert(importJobs)
      .values({ input: { paths: "not-a-list", options: [1] }, status: "failed" })
      .run();
    expect(listImportJobs(db).items[0]).toMatchObject({ origin: "cli", paths: [], options: {} });
  });

  it("rejects out-of-range paging", () => {
    expect(() => listImportJobs(db, { limit: 0 })).toThrow();
    expect(() => listImportJobs(db, { offset: -1 })).toThrow();
  });
});

describe("getImportJobDetail", () => {
  it("returns the job and its failed records page by page, in the order they were found", () => {
    const id = createImportJob(db, { paths: ["/in"], options: {} });
    for (let line = 1; line <= 5; line++) {
      recordImportError(db, id, { file: "/in/bad.jsonl", line, reason: `bad record ${line}` });
    }
    recordImportError(db, id, { file: "/in/empty.txt", line: null, reason: "empty file" });
    const other = createImportJob(db, { paths: ["/other"], options: {} });
    recordImportError(db, other, { file: "/other/x.txt", line: 1, reason: "not mine" });

    const first = getImportJobDetail(db, { id, errorsLimit: 4 });
    expect(first.job).toMatchObject({ id, status: "running", paths: ["/in"] });
    expect(first.errors.total).toBe(6);
    expect(first.errors.items.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(first.errors.items[0]).toEqual({
      id: expect.any(Number),
      file: "/in/bad.jsonl",
      line: 1,
      reason: "bad record 1",
    });
    const second = getImportJobDetail(db, { id, errorsLimit: 4, errorsOffset: 4 });
    expect(second.errors.items.map((e) => [e.file, e.line, e.reason])).toEqual([
      ["/in/bad.jsonl", 5, "bad record 5"],
      ["/in/empty.txt", null, "empty file"],
    ]);
  });

  it("throws NotFoundError naming the job when it does not exist", () => {
    expect(() => getImportJobDetail(db, { id: 99 })).toThrow(new NotFoundError("Import job", 99));
    expect(() => getImportJobDetail(db, { id: 99 })).toThrow("Import job 99 not found");
  });
});

describe("queueUploadedImport", () => {
  it("creates a queued job whose input names the files, the options and the upload origin", () => {
    const job = queueUploadedImport(db, {
      files: ["/data/uploads/u1/a.txt", "/data/uploads/u1/b.csv.gz"],
      options: { batchSize: 50 },
    });
    expect(job).toMatchObject({ origin: "upload", status: "queued", startedAt: null });
    expect(getImportJob(db, job.id)?.input).toEqual({
      paths: ["/data/uploads/u1/a.txt", "/data/uploads/u1/b.csv.gz"],
      options: { batchSize: 50 },
      origin: "upload",
    });
  });

  it("refuses an upload without files", () => {
    expect(() => queueUploadedImport(db, { files: [] })).toThrow();
    expect(listImportJobs(db).total).toBe(0);
  });
});

describe("claimNextQueuedJob", () => {
  it("takes the oldest queued job, marks it running, and leaves other statuses alone", () => {
    const running = createImportJob(db, { paths: ["/cli"], options: {} });
    const a = queueUploadedImport(db, { files: ["/u/a.txt"] });
    const b = queueUploadedImport(db, { files: ["/u/b.txt"] });

    const first = claimNextQueuedJob(db);
    expect(first).toMatchObject({ id: a.id, status: "running" });
    expect(first?.startedAt).toBeInstanceOf(Date);
    expect(getImportJob(db, a.id)?.status).toBe("running");
    expect(getImportJob(db, b.id)?.status).toBe("queued");

    expect(claimNextQueuedJob(db)?.id).toBe(b.id);
    expect(claimNextQueuedJob(db)).toBeUndefined();
    expect(getImportJob(db, running)?.status).toBe("running");
  });

  it("never hands one job to two connections taking turns", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimdesk-queue-"));
    try {
      const path = join(dir, "q.db");
      const one = openDb({ path });
      migrateDb(one);
      const two = openDb({ path });
      const queued = Array.from(
        { length: 6 },
        (_, i) => queueUploadedImport(one, { files: [`/u/${i}.txt`] }).id,
      );
      const taken: number[] = [];
      for (;;) {
        const a = claimNextQueuedJob(one);
        const b = claimNextQueuedJob(two);
        if (a) taken.push(a.id);
        if (b) taken.push(b.id);
        if (!a && !b) break;
      }
      expect(taken).toEqual(queued);
      one.$client.close();
      two.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("requeueAbandonedUploadJobs", () => {
  it("puts running uploads whose runner is gone back in the queue, to resume where they were", () => {
    const cli = createImportJob(db, { paths: ["/cli"], options: {} }, { pid: 1 });
    const dead = queueUploadedImport(db, { files: ["/u/dead.txt"] });
    const alive = queueUploadedImport(db, { files: ["/u/alive.txt"] });
    const queued = queueUploadedImport(db, { files: ["/u/queued.txt"] });
    expect(claimNextQueuedJob(db, { pid: 111 })?.checkpoint).toEqual({ pid: 111 });
    claimNextQueuedJob(db, { pid: 222 });
    // The dead runner's engine had written a batch: its counts and checkpoint are kept.
    const progress = { read: 40, imported: 38, duplicates: 1, failed: 1, claims: 90 };
    const checkpoint = { events: 41, file: "/u/dead.txt", line: 40, pid: 111, versions: 2 };
    updateImportJobProgress(db, dead.id, progress, checkpoint);
    const startedAt = getImportJob(db, dead.id)?.startedAt;

    const isAlive = (checkpoint: Record<string, unknown> | null) => checkpoint?.pid === 222;
    expect(requeueAbandonedUploadJobs(db, isAlive)).toEqual([dead.id]);

    expect(getImportJob(db, dead.id)).toMatchObject({ status: "queued", error: null, ...progress });
    expect(getImportJob(db, alive.id)?.status).toBe("running");
    expect(getImportJob(db, queued.id)?.status).toBe("queued");
    expect(getImportJob(db, cli)?.status).toBe("running");
    expect(requeueAbandonedUploadJobs(db, isAlive)).toEqual([]);
    expect(listImportJobs(db).items.find((j) => j.id === dead.id)?.versions).toBe(2);

    // Claimed again (oldest first), with the new runner in the checkpoint and the rest kept.
    const resumed = claimNextQueuedJob(db, { pid: 333 });
    expect(resumed).toMatchObject({ id: dead.id, status: "running", ...progress });
    expect(resumed?.checkpoint).toEqual({ ...checkpoint, pid: 333 });
    expect(resumed?.startedAt).toEqual(startedAt);
  });

  it("requeues a job its runner was told to stop, and only a running one", () => {
    const job = queueUploadedImport(db, { files: ["/u/a.txt"] });
    expect(requeueImportJob(db, job.id)).toBe(false);
    claimNextQueuedJob(db, { pid: 1 });
    expect(requeueImportJob(db, job.id)).toBe(true);
    expect(getImportJob(db, job.id)?.status).toBe("queued");
  });
});

describe("claimNextQueuedJob across processes", () => {
  const JOBS = 150;
  let dir: string;
  const children: ChildProcess[] = [];
  /** Runners that said "ready"; once both have, both are told "go" so their claims overlap. */
  const ready = new Set<ChildProcess>();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "claimdesk-queue-race-"));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A runner in its own process: waits for "go" on stdin, then claims until the queue is empty. */
  function startRunner(dbPath: string, script: string): Promise<number[]> {
    const child = spawn(process.execPath, ["--import", "tsx", script, dbPath], {
      cwd: import.meta.dirname,
      stdio: ["pipe", "pipe", "inherit"],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("ready\n")) ready.add(child);
        if (ready.size === 2) for (const c of ready) c.stdin?.write("go\n");
      });
      child.on("error", reject);
      child.on("exit", (code) => {
        if (code !== 0) return reject(new Error(`runner exited with ${code}: ${out}`));
        const line = out.split("\n").find((l) => l.startsWith("["));
        resolve(JSON.parse(line ?? "[]") as number[]);
      });
    });
  }

  it("gives every queued job to exactly one of two runners claiming at once", async () => {
    const dbPath = join(dir, "race.db");
    const setup = openDb({ path: dbPath });
    migrateDb(setup);
    const queued = Array.from(
      { length: JOBS },
      (_, i) => queueUploadedImport(setup, { files: [`/u/${i}.txt`] }).id,
    );
    setup.$client.close();

    const script = join(dir, "runner.ts");
    writeFileSync(
      script,
      [
        `import { openDb } from ${JSON.stringify(join(import.meta.dirname, "../client.ts"))};`,
        `import { claimNextQueuedJob } from ${JSON.stringify(join(import.meta.dirname, "import-queue.ts"))};`,
        "const db = openDb({ path: process.argv[2] });",
        'process.stdout.write("ready\\n");',
        'process.stdin.once("data", () => {',
        "  const ids = [];",
        "  for (let job = claimNextQueuedJob(db); job; job = claimNextQueuedJob(db)) ids.push(job.id);",
        "  db.$client.close();",
        '  process.stdout.write(JSON.stringify(ids) + "\\n");',
        "  process.exit(0);",
        "});",
      ].join("\n"),
    );
    ready.clear();
    const [a, b] = await Promise.all([startRunner(dbPath, script), startRunner(dbPath, script)]);

    const all = [...(a ?? []), ...(b ?? [])].sort((x, y) => x - y);
    expect(all).toEqual(queued);
    expect(new Set(all).size).toBe(JOBS);
    const check = openDb({ path: dbPath });
    const statuses = check.select({ status: importJobs.status }).from(importJobs).all();
    expect(statuses.every((s) => s.status === "running")).toBe(true);
    check.$client.close();
  }, 60_000);
});
