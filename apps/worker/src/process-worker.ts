/** Runs processRecord in a worker thread for the import's pool (see worker-pool.ts). */
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

port.on("message", ({ id, record }: ProcessTask) => {
  let result: ProcessedRecord;
  try {
    result = processRecord(record);
  } catch (error) {
    result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // The writer never reads sentence boundaries: not cloning them back halves the message size.
  if (result.ok) result = { ok: true, article: { ...result.article, sentences: [] } };
  port.postMessage({ id, result } satisfies ProcessTaskResult);
});
