import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, queueUploadedImport } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerCli } from "./test-support/worker-cli";

// SIGKILLs the real CLI mid-import several times, reruns it until it finishes, and compares the
// database with one an uninterrupted run made: resumable, exactly-once, counts consistent.

const ARTICLES = 1500;
const KILLS = 3;
const ORGS = ["the Finance Ministry", "Reuters", "the central bank", "a union leader", "NATO"];

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-kill-"));
  input = join(dir, "in");
  for (let i = 0; i < ARTICLES; i++) {
    const sub = join(input, `part-${String(i % 7)}`);
    mkdirSync(sub, { recursive: true });
    const org = ORGS[i % ORGS.length];
    // Every 97th file repeats an earlier text (a duplicate), every 211th is empty (a failure).
    const n = i % 97 === 96 ? i - 1 : i;
    const text =
      i % 211 === 210
        ? ""
        : `Officials said on Monday that project ${n} would cost ${n * 7} million dollars.\n\n` +
          `"We will finish it by ${1990 + (n % 30)}," a spokesman for ${org} told reporters.\n\n` +
          `According to ${org}, the plan number ${n} was approved last week.\n`;
    writeFileSync(join(sub, `article-${String(i).padStart(5, "0")}.txt`), text);
  }
  writeFileSync(join(input, "scan.pdf"), "%PDF-1.4");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IMPORT_ARGS = () =>
  ["import", "--json", "--no-progress", "--jobs", "2", "--batch-size", "40", input] as const;

function startWorker(
  dbPath: string,
  args: readonly string[] = IMPORT_ARGS(),
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = startWorkerCli(args, { db: dbPath });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // "close", not "exit": the child is reaped and its output drained, so its pid is truly gone.
  const done = new Promise<RunResult>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The job's `read` count as committed so far (0 before the first batch). */
function committedRead(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  try {
    const db = openDb({ path: dbPath, readonly: true }).$client;
    try {
      const read = db.prepare("select max(read) from import_jobs").pluck().get();
      return typeof read === "number" ? read : 0;
    } finally {
      db.close();
    }
  } catch {
    // Not migrated yet.
    return 0;
  }
}

/** Whether every import job in the database has completed (the run got there before its kill). */
function allJobsCompleted(dbPath: string): boolean {
  const db = openDb({ path: dbPath, readonly: true }).$client;
  try {
    const open = db
      .prepare("select count(*) from import_jobs where status != 'completed'")
      .pluck()
      .get();
    const total = db.prepare("select count(*) from import_jobs").pluck().get();
    return open === 0 && typeof total === "number" && total > 0;
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `args` on `dbPath` up to KILLS times, each SIGKILLed at a random moment after it
 * committed a batch of its own: once the job's committed `read` count passes a random point in
 * what is left (a random delay would let a fast import finish first); returns how many were
 * killed and the run that finished, if any.
 */
async function killRepeatedly(
  dbPath: string,
  args: readonly string[],
): Promise<{ kills: number; finished: RunResult | null; completedBeforeKill: boolean }> {
  let kills = 0;
  let reachedBefore = 0;
  for (let attempt = 0; attempt < KILLS; attempt++) {
    const { child, done } = startWorker(dbPath, args);
    let exited = false;
    void done.then(() => {
      exited = true;
    });
    const left = Math.max(1, ARTICLES - reachedBefore);
    const killAt = reachedBefore + 1 + Math.floor(Math.random() * left * 0.8);
    while (!exited && committedRead(dbPath) < killAt) await sleep(5);
    if (!exited) child.kill("SIGKILL");
    const result = await done;
    if (result.signal !== "SIGKILL") return { kills, finished: result, completedBeforeKill: false };
    kills++;
    // The kill can land after the job's last commit, while the process shuts down: then there is
    // nothing to resume, and a rerun would rightly start a new job of duplicates.
    if (allJobsCompleted(dbPath)) return { kills, finished: null, completedBeforeKill: true };
    reachedBefore = committedRead(dbPath);
  }
  return { kills, finished: null, completedBeforeKill: false };
}

/** Everything an import writes, in a form that does not depend on row ids. */
function contents(dbPath: string) {
  const db = openDb({ path: dbPath, readonly: true }).$client;
  try {
    const all = (query: string) => db.prepare(query).all();
    return {
      articles: all("select text_sha256, extractor from articles order by text_sha256"),
      claims: all(
        `select a.text_sha256, c.content_start, c.content_end, c.source_start, c.cue_start,
                c.origin, c.quote_type, s.name as source, p.content_start as parent_start
         from claims c join articles a on a.id = c.article_id
         left join sources s on s.id = c.source_id
         left join claims p on p.id = c.parent_claim_id
         order by 1, 2, 3, 4, 5, 6`,
      ),
      sources: all("select name, name_key, kind, claim_count from sources order by name_key"),
      errors: all("select file, line, reason from import_errors order by file, line"),
      jobs: all(
        "select status, read, imported, duplicates, failed, claims, error from import_jobs",
      ),
      duplicateHashes: db
        .prepare("select count(*) - count(distinct text_sha256) from articles")
        .pluck()
        .get(),
    };
  } finally {
    db.close();
  }
}

describe("an import killed at random moments", { timeout: 120_000 }, () => {
  it("finishes on rerun with the same database as an uninterrupted run", async () => {
    const reference = join(dir, "reference.db");
    const uninterrupted = await startWorker(reference).done;
    expect(uninterrupted).toMatchObject({ code: 0, stderr: "" });
    const expected = contents(reference);
    expect(expected.jobs).toEqual([
      expect.objectContaining({
        status: "completed",
        read: ARTICLES,
        failed: Math.floor((ARTICLES + 1) / 211),
      }),
    ]);

    const killed = join(dir, "killed.db");
    const {
      kills,
      finished: early,
      completedBeforeKill,
    } = await killRepeatedly(killed, IMPORT_ARGS());
    expect(kills).toBeGreaterThan(0);
    let finished = early;
    // Rerun the same command until it completes.
    const failedReruns: string[] = [];
    while (finished === null && !completedBeforeKill) {
      const result = await startWorker(killed).done;
      if (result.code === 0) finished = result;
      else failedReruns.push(`exit ${result.code ?? result.signal}: ${result.stderr.slice(-2000)}`);
    }
    // A rerun that fails is a bug of its own, not something to retry past.
    expect(failedReruns).toEqual([]);
    if (finished !== null) {
      expect(finished).toMatchObject({ code: 0, stderr: "" });
      const summary = JSON.parse(finished.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ status: "completed", read: ARTICLES, jobId: 1 });
      if (kills > 0) expect(summary.resumedAfter).toBeGreaterThan(0);
    }

    const actual = contents(killed);
    expect(actual.duplicateHashes).toBe(0);
    expect(actual.articles).toEqual(expected.articles);
    expect(actual.claims).toEqual(expected.claims);
    expect(actual.sources).toEqual(expected.sources);
    expect(actual.errors).toEqual(expected.errors);
    // One job, taken over by each rerun, with the counts of the uninterrupted run.
    expect(actual.jobs).toEqual(expected.jobs);
  });
});

describe("a queued upload whose `worker run` is killed at random moments", {
  timeout: 120_000,
}, () => {
  /** A database with the upload queued as the web app queues it (files stored, then the job). */
  function queued(dbPath: string): void {
    const db = openDb({ path: dbPath });
    try {
      migrateDb(db);
      queueUploadedImport(db, { files: [input], options: { batchSize: 40 } });
    } finally {
      db.$client.close();
    }
  }
  const RUN_ARGS = ["run", "--once"] as const;

  it("is resumed by the next `worker run`, with the database of an uninterrupted run", async () => {
    const reference = join(dir, "queue-reference.db");
    queued(reference);
    const uninterrupted = await startWorker(reference, RUN_ARGS).done;
    expect(uninterrupted).toMatchObject({ code: 0, stderr: "" });
    const expected = contents(reference);
    expect(expected.jobs).toEqual([
      expect.objectContaining({ status: "completed", read: ARTICLES }),
    ]);

    const killed = join(dir, "queue-killed.db");
    queued(killed);
    const { kills, finished: early, completedBeforeKill } = await killRepeatedly(killed, RUN_ARGS);
    expect(kills).toBeGreaterThan(0);
    let finished = early;
    while (finished === null && !completedBeforeKill) {
      const result = await startWorker(killed, RUN_ARGS).done;
      if (result.code === 0) finished = result;
    }
    if (finished !== null) {
      expect(finished.code).toBe(0);
      // The job the killed runner left is found, put back in the queue and resumed, not failed.
      expect(finished.stderr).toMatch(/Import job 1: interrupted/);
      expect(finished.stdout).toMatch(
        /Import job 1: completed\. .*resumed job 1 after \d+ input records/,
      );
    }

    const actual = contents(killed);
    expect(actual.duplicateHashes).toBe(0);
    expect(actual.articles).toEqual(expected.articles);
    expect(actual.claims).toEqual(expected.claims);
    expect(actual.sources).toEqual(expected.sources);
    expect(actual.errors).toEqual(expected.errors);
    expect(actual.jobs).toEqual(expected.jobs);
  });
});
