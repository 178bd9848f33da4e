/** A fixed pool of worker threads running processRecord; a crashed worker fails only its own records. */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { ProcessedRecord } from "./process-record";
import type { ProcessTask, ProcessTaskResult } from "./process-worker";
import type { InputRecord } from "./read-inputs";

interface Task {
  id: number;
  record: InputRecord;
  /** Roughly the bytes the record holds, for the in-flight bound. */
  size: number;
  resolve: (result: ProcessedRecord) => void;
}

interface PoolWorker {
  thread: Worker;
  /** Tasks posted to this worker and not yet answered, by id, oldest first. */
  running: Map<number, Task>;
  /** The sum of their sizes. */
  runningBytes: number;
}

/**
 * How far ahead of its answers one worker is kept: enough input to stay busy while the main thread
 * is inside a batch's synchronous write (its messages wait until that ends), so processing and
 * writing overlap. Bounded by count and by input bytes, so a few big HTML pages count like many
 * short JSONL records and memory stays flat.
 */
export const PER_WORKER_IN_FLIGHT = 1024;
export const PER_WORKER_IN_FLIGHT_BYTES = 1024 * 1024;
/** Posted whatever their size, so two threads on large HTML pages are never left waiting. */
export const PER_WORKER_IN_FLIGHT_MIN = 16;
/**
 * A small young generation per thread. V8's default nursery (tens of MB per isolate, grown when
 * much survives, as a DOM does) took two HTML workers to 436 MB peak RSS; 2 MB measured ~275 MB
 * for some extra scavenging (bench/results/import.md; 8 MB saved HTML about a tenth of its CPU
 * but cost 14 MB at --jobs 2, which the Reuters ×10 memory budget cannot spare). The worker process
 * runs with --single-threaded-gc (root package.json): the pool's threads already fill the cores,
 * and V8's parallel GC helpers only competed with them. A page whose DOM needs more than 512 MB of
 * old space crashes its worker and fails alone (reported with its file), not the whole import.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 512 };
const WORKER_SOURCE = fileURLToPath(new URL("./process-worker.ts", import.meta.url));

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

let workerCode: string | null = null;

/**
 * The worker's code as one CommonJS bundle, built once per process with the esbuild that tsx runs
 * on. Workers then run plain JavaScript: no TypeScript loader thread per worker, which halves
 * their start-up time and memory (every loader is a V8 isolate of its own).
 */
function bundledWorkerCode(): string {
  if (workerCode === null) {
    const fromWorker = createRequire(import.meta.url);
    const esbuild = createRequire(fromWorker.resolve("tsx"))("esbuild") as EsbuildLike;
    const output = esbuild.buildSync({
      entryPoints: [WORKER_SOURCE],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "error",
    });
    workerCode = output.outputFiles[0]?.text ?? "";
  }
  return workerCode;
}

export class RecordProcessorPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  /** `limits`: each thread's V8 heap limits (a test shrinks them to make a worker run out of memory). */
  constructor(
    readonly size: number,
    private readonly limits: ResourceLimits = WORKER_LIMITS,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  /** Processes one record on some worker; never rejects (a failure is a `{ ok: false }` result). */
  process(record: InputRecord): Promise<ProcessedRecord> {
    if (this.closed) throw new Error("the record processor pool is closed");
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, record, size: recordSize(record), resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
  }

  private spawn(): PoolWorker {
    const thread = new Worker(bundledWorkerCode(), {
      eval: true,
      execArgv: [],
      resourceLimits: this.limits,
    });
    const worker: PoolWorker = { thread, running: new Map(), runningBytes: 0 };
    thread.on("message", ({ id, result }: ProcessTaskResult) => {
      const task = worker.running.get(id);
      if (task !== undefined) {
        worker.running.delete(id);
        worker.runningBytes -= task.size;
        task.resolve(result);
      }
      this.dispatch();
    });
    // An uncaught error or out-of-memory kills the thread: its records fail, a new thread takes over.
    thread.on("error", (error) => this.replace(worker, `worker crashed: ${error.message}`));
    thread.on("exit", (code) => {
      if (!this.closed) this.replace(worker, `worker exited with code ${code}`);
    });
    return worker;
  }

  /**
   * A worker takes its messages one at a time and answers each before the next, so the oldest
   * unanswered task is the one it was processing when it died: that record fails with `reason`;
   * the others posted behind it go back to the front of the queue for the new thread.
   */
  private replace(worker: PoolWorker, reason: string): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    const [culprit, ...innocent] = worker.running.values();
    culprit?.resolve({ ok: false, reason });
    worker.running.clear();
    worker.runningBytes = 0;
    this.queue.unshift(...innocent);
    void worker.thread.terminate();
    if (this.closed) {
      this.workers.splice(index, 1);
      for (const task of this.queue.splice(0)) task.resolve({ ok: false, reason });
      return;
    }
    this.workers[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.leastBusy();
      if (worker === undefined) return;
      const task = this.queue.shift() as Task;
      worker.running.set(task.id, task);
      worker.runningBytes += task.size;
      const { record, transfer } = compact(task.record);
      worker.thread.postMessage({ id: task.id, record } satisfies ProcessTask, transfer);
    }
  }

  private leastBusy(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const worker of this.workers) {
      const full =
        worker.running.size >= PER_WORKER_IN_FLIGHT ||
        (worker.running.size >= PER_WORKER_IN_FLIGHT_MIN &&
          worker.runningBytes >= PER_WORKER_IN_FLIGHT_BYTES);
      if (full) continue;
      if (best === undefined || worker.running.size < best.running.size) best = worker;
    }
    return best;
  }
}

/** Roughly the bytes a record stands for (its file's size or bytes, or its fields' characters). */
export function recordSize(record: InputRecord): number {
  if (record.kind !== "fields") return "bytes" in record ? record.bytes.byteLength : record.size;
  let size = 64;
  for (const value of Object.values(record.fields)) {
    if (typeof value === "string") size += value.length;
  }
  return size;
}

/**
 * Structured clone copies a typed array's whole buffer: a line sliced out of a 64 KB read chunk
 * would send the chunk. A record's bytes are copied to their own buffer, which is then moved.
 */
function compact(record: InputRecord): { record: InputRecord; transfer: ArrayBuffer[] } {
  if (!("bytes" in record) || !(record.bytes instanceof Uint8Array))
    return { record, transfer: [] };
  const bytes = new Uint8Array(record.bytes);
  return { record: { ...record, bytes }, transfer: [bytes.buffer] };
}
