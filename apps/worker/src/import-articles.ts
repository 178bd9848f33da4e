/**
 * One import run: read the inputs in a fixed order, process records (in a worker pool with
 * `jobs` > 1), write them in input order in batches, keep the job row and its checkpoint current,
 * and resume an unfinished job of the same command where its last batch ended.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import {
  claimResumableImportJob,
  createImportJob,
  type Db,
  finishImportJob,
  getImportJob,
  type ImportErrorInput,
  type ImportJob,
  listImportErrors,
} from "@claimdesk/db";
import type { ProcessedRecord } from "./process-record";
import { type InputEvent, type ReadOptions, readInputs, SUPPORTED_EXTENSIONS } from "./read-inputs";
import {
  PER_WORKER_IN_FLIGHT,
  PER_WORKER_IN_FLIGHT_BYTES,
  PER_WORKER_IN_FLIGHT_MIN,
  RecordProcessorPool,
  recordSize,
} from "./worker-pool";
import {
  BatchWriter,
  type ImportCheckpoint,
  LISTED_FAILURES,
  tuneForBulkWrites,
  type WriterStart,
} from "./write-batches";

export const DEFAULT_BATCH_SIZE = 500;
/** The CLI's default: one worker per core on the 2-core target; more threads only add switching. */
export const DEFAULT_JOBS = Math.min(2, availableParallelism());

/** Reader options (`--format`, `--map`, `--exclude`) are passed through to readInputs. */
export interface ImportOptions extends ReadOptions {
  /** Records (articles and failures) written per transaction. */
  batchSize?: number;
  /**
   * Worker threads processing records (1 by default). Processing always runs in worker threads,
   * never on the main thread, which only reads and writes: so writing a batch overlaps processing
   * the next records, and the heap that HTML parsing needs is a worker's, with its limits.
   */
  jobs?: number;
  /** Told how far the run is after each record; it decides itself how often to show it. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Run this existing job (one queued from the web UI, claimed by `worker run`) instead of creating
   * one; a job an earlier run left unfinished resumes from its checkpoint.
   */
  jobId?: number;
}

export interface ImportProgress {
  /** Files reached so far (including those of a resumed run's fast-forward). */
  files: number;
  /** Records written or failed by this run (not the fast-forwarded ones). */
  records: number;
  /** The job's running counts (as of the last batch). */
  imported: number;
  failed: number;
}

export interface AssumedInput {
  file: string;
  line: number | null;
  /** "assumed windows-1252 (detected, confidence 0.54; …)" */
  note: string;
}

export interface UnreadableInput {
  path: string;
  reason: string;
}

export interface ImportSummary {
  jobId: number;
  status: "completed" | "failed";
  /** Why the job failed; null when it completed. */
  error: string | null;
  dbPath: string;
  paths: string[];
  /** Input events a resumed job skipped because an earlier run had written them; null if not resumed. */
  resumedAfter: number | null;
  jobs: number;
  /** Supported files opened. */
  files: number;
  read: number;
  imported: number;
  /** Of `imported`: changed texts of documents already stored, kept as new versions. */
  versions: number;
  duplicates: number;
  failed: number;
  claims: number;
  /** Files passed over for their format, by extension. */
  skipped: Record<string, number>;
  unreadable: UnreadableInput[];
  /** The first failed records; all of them are in import_errors. */
  failures: ImportErrorInput[];
  /** Records read by an assumption (a detected charset), the first LISTED_FAILURES of them. */
  assumed: AssumedInput[];
  /** How many records (of this run) were read by an assumption. */
  assumedCount: number;
  durationMs: number;
  /** Peak resident memory of this process (bytes), for the memory budget. */
  peakRssBytes: number;
  /** CPU time of the import (user + system, all threads), a load-independent cost measure. */
  cpuMs: number;
}

/** An event consumed but not yet written: records wait for their processing result. */
interface Step {
  index: number;
  event: InputEvent;
  result: Promise<ProcessedRecord> | null;
  size: number;
}

export async function importArticles(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const jobs = Math.max(1, options.jobs ?? 1);
  const absolute = paths.map((p) => resolve(p));
  const readOptions: ReadOptions = {
    format: options.format,
    map: options.map,
    exclude: options.exclude,
    collection: options.collection,
    encoding: options.encoding,
  };
  tuneForBulkWrites(db);
  // `jobs` is not part of the job's identity: the database is the same whatever it is.
  const input = { paths: absolute, options: { batchSize, ...readOptions } };
  const { jobId, writer, resumedAfter } =
    options.jobId === undefined
      ? startJob(db, input, batchSize)
      : continueJob(db, options.jobId, batchSize);

  const skipped: Record<string, number> = {};
  const unreadable: UnreadableInput[] = [];
  const assumed: AssumedInput[] = [];
  let assumedCount = 0;
  let files = 0;
  let records = 0;
  let lastFile: string | null = null;
  /** Summary bookkeeping, the same whether an event is fast-forwarded or written. */
  const tally = (event: InputEvent) => {
    if (event.kind === "skipped") skipped[event.extension] = (skipped[event.extension] ?? 0) + 1;
    else if (event.kind === "unreadable")
      unreadable.push({ path: event.path, reason: event.reason });
    else {
      const file = event.kind === "record" ? event.record.file : event.file;
      if (file !== lastFile) files++;
      lastFile = file;
    }
  };

  const pool = new RecordProcessorPool(jobs);
  const keepHeapSmall = heapKeeper(MAIN_HEAP_TARGET_BYTES);
  let commits = writer.commits;
  /** Writes one event's outcome; steps are settled strictly in input order. */
  const settle = async (step: Step) => {
    writer.events = step.index;
    const { event } = step;
    if (event.kind === "unreadable") {
      writer.addUnreadable({ file: event.path, line: null, reason: event.reason });
    } else if (event.kind === "invalid") {
      // Broken as read (bad JSON, no body): read and failed, with its file and line.
      writer.addFailure({ file: event.file, line: event.line, reason: event.reason });
      records++;
    } else if (event.kind === "record" && step.result !== null) {
      const result = await step.result;
      const { file, line } = event.record;
      if (result.ok) {
        writer.addArticle(file, line, result.article);
        if (result.note !== undefined && assumedCount++ < LISTED_FAILURES)
          assumed.push({ file, line, note: result.note });
      } else if (result.unreadable) {
        // A whole file its processing thread could not read: reported as the reader reports an
        // unreadable path (not a record read, not a file counted).
        writer.addUnreadable({ file, line: null, reason: result.reason });
        unreadable.push({ path: file, reason: result.reason });
        files--;
      } else writer.addFailure({ file, line, reason: result.reason });
      if (result.ok || !result.unreadable) records++;
      if (writer.commits !== commits) {
        commits = writer.commits;
        keepHeapSmall();
      }
    }
    options.onProgress?.({
      files,
      records,
      imported: writer.counts.imported,
      failed: writer.counts.failed,
    });
  };

  try {
    // Records read ahead, in flight to the workers or answered and waiting for their turn to be
    // written: as much as the pool keeps its workers busy with, so memory stays flat.
    const maxInFlight = jobs * PER_WORKER_IN_FLIGHT;
    const maxBytesInFlight = jobs * PER_WORKER_IN_FLIGHT_BYTES;
    const minInFlight = jobs * PER_WORKER_IN_FLIGHT_MIN;
    const window: Step[] = [];
    let windowBytes = 0;
    let index = 0;
    for await (const event of readInputs(absolute, readOptions)) {
      index++;
      tally(event);
      // Consumed by the run that started this job: already written (or deliberately not).
      if (index <= resumedAfter) continue;
      const isRecord = event.kind === "record";
      const size = isRecord ? recordSize(event.record) : 0;
      window.push({ index, event, result: isRecord ? pool.process(event.record) : null, size });
      windowBytes += size;
      // Backpressure: reading waits while the window is full.
      while (
        window.length >= maxInFlight ||
        (window.length >= minInFlight && windowBytes >= maxBytesInFlight)
      ) {
        const step = window.shift() as Step;
        windowBytes -= step.size;
        await settle(step);
      }
    }
    for (let step = window.shift(); step !== undefined; step = window.shift()) await settle(step);
    writer.flush();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      finishImportJob(db, jobId, { counts: writer.counts, status: "failed", error: message });
    } catch {
      // The database itself may be what failed; the original error is the one to report.
    }
    throw error;
  } finally {
    await pool.close();
  }

  const error = writer.counts.read > 0 ? null : nothingReadReason(unreadable, skipped);
  const status = error === null ? "completed" : "failed";
  finishImportJob(db, jobId, { counts: writer.counts, status, error });
  return {
    jobId,
    status,
    error,
    dbPath: db.$client.name,
    paths: absolute,
    resumedAfter: resumedAfter > 0 ? resumedAfter : null,
    jobs,
    files,
    ...writer.counts,
    versions: writer.versions,
    skipped,
    unreadable,
    failures: writer.failures,
    assumed,
    assumedCount,
    durationMs: Math.round(performance.now() - started),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: cpuMsSince(cpuStarted),
  };
}

/**
 * The main thread's heap is mostly the garbage of records already written (parsed input, workers'
 * answers): they live long enough (in flight, then waiting for their batch) to reach the old
 * generation, which V8 lets grow to 100 MB and more before collecting it, and the thread's heap
 * limits cannot be set from inside the process. Collected once it passes this, after a batch.
 */
const MAIN_HEAP_TARGET_BYTES = 48 * 1024 * 1024;

function heapKeeper(targetBytes: number): () => void {
  // `pnpm worker` starts Node with --expose-gc (root package.json). Started some other way, V8
  // keeps its own pace: more memory, the same result.
  const gc = (globalThis as { gc?: () => void }).gc;
  return () => {
    if (gc !== undefined && getHeapStatistics().used_heap_size > targetBytes) gc();
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return Math.round((user + system) / 1000);
}

/** Takes over an unfinished job of the same input whose process is gone, or creates a new one. */
function startJob(
  db: Db,
  input: Record<string, unknown>,
  batchSize: number,
): { jobId: number; writer: BatchWriter; resumedAfter: number } {
  const job = claimResumableImportJob(db, input, isOwnerAlive, (found) => ({
    ...found.checkpoint,
    pid: process.pid,
  }));
  if (job === undefined) {
    const checkpoint: ImportCheckpoint = {
      events: 0,
      file: null,
      line: null,
      pid: process.pid,
      versions: 0,
    };
    const jobId = createImportJob(db, input, { ...checkpoint });
    return { jobId, writer: new BatchWriter(db, jobId, batchSize), resumedAfter: 0 };
  }
  const start = writerStart(db, job);
  return {
    jobId: job.id,
    writer: new BatchWriter(db, job.id, batchSize, start),
    resumedAfter: start.events,
  };
}

/**
 * An existing job row (a queued upload claimed by `worker run`): fresh, or taken over from a run
 * that was killed, in which case it goes on after the last batch that run wrote.
 */
function continueJob(
  db: Db,
  jobId: number,
  batchSize: number,
): { jobId: number; writer: BatchWriter; resumedAfter: number } {
  const job = getImportJob(db, jobId);
  if (job === undefined) throw new Error(`Import job ${jobId} does not exist`);
  const start = writerStart(db, job);
  return {
    jobId,
    writer: new BatchWriter(db, jobId, batchSize, start),
    resumedAfter: start.events,
  };
}

function writerStart(db: Db, job: ImportJob): WriterStart {
  const { read, imported, duplicates, failed, claims } = job;
  const numberAt = (key: string) => {
    const value = job.checkpoint?.[key];
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0;
  };
  return {
    counts: { read, imported, duplicates, failed, claims },
    versions: numberAt("versions"),
    events: numberAt("events"),
    failures: listImportErrors(db, job.id).slice(0, LISTED_FAILURES),
  };
}

/** Whether the process named in a job's checkpoint still runs (on this machine). */
function isOwnerAlive(checkpoint: Record<string, unknown> | null): boolean {
  const pid = checkpoint?.pid;
  if (typeof pid !== "number") return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function nothingReadReason(
  unreadable: readonly UnreadableInput[],
  skipped: Readonly<Record<string, number>>,
): string {
  const skippedFiles = Object.values(skipped).reduce((a, b) => a + b, 0);
  const parts = unreadable.map((u) => `${u.reason}: ${u.path}`);
  if (skippedFiles > 0) {
    parts.push(
      `${skippedFiles} file${skippedFiles === 1 ? "" : "s"} skipped: only ${SUPPORTED_EXTENSIONS.join(", ")} can be imported`,
    );
  }
  if (parts.length === 0) parts.push(`no ${SUPPORTED_EXTENSIONS.join(" or ")} files found`);
  return ["Nothing could be read:", ...parts].join("\n  ");
}
