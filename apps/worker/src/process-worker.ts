/** Runs processRecord in a worker thread for the import's pool (see worker-pool.ts). */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { type ProcessedRecord, processRecord } from "./process-record";
import type { InputRecord } from "./read-inputs";

export interface ProcessTask {
  id: number;
  record: InputRecord;
}

export interface ProcessTaskResult {
  id: number;
  result: ProcessedRecord;
}

if (parentPort === null) throw new Error("process-worker.ts must run in a worker thread");
const port = parentPort;

/**
 * Processing threads yield the CPU to the main thread: it is the import's one writer, and a text
 * import is bound by it, so on a machine with no spare core a writer that shares its core with the
 * processing threads slows the whole import. They lose nothing by it: when the writer has nothing
 * to write it sleeps and they have the cores. Linux gives each thread an id of its own that
 * setpriority accepts (/proc/thread-self names it); elsewhere the thread keeps the process's.
 */
const THREAD_NICENESS = 10;
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, THREAD_NICENESS);
} catch {
  // Not Linux, or no /proc: the priority stays as it is.
}

port.on("message", ({ id, record }: ProcessTask) => {
  let result: ProcessedRecord;
  try {
    result = processRecord(record);
  } catch (error) {
    result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // The writer never reads sentence boundaries: not cloning them back halves the message size.
  if (result.ok) result = { ...result, article: { ...result.article, sentences: [] } };
  port.postMessage({ id, result } satisfies ProcessTaskResult);
});
