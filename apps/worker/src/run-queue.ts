/**
 * The job runner behind `worker run`: takes import jobs queued from the web UI one at a time and
 * runs each with the import engine on its own job row, so the row ends completed or failed. A job
 * whose runner was killed or stopped goes back in the queue and resumes after its last written
 * batch, as a rerun of `worker import` does.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  claimNextQueuedJob,
  type Db,
  finishImportJob,
  getImportJob,
  type ImportJob,
  requeueAbandonedUploadJobs,
  requeueImportJob,
} from "@claimdesk/db";
import { type TQueuedImportInput, ZQueuedImportInputSchema } from "@claimdesk/types";
import { z } from "zod";
import { type ImportOptions, type ImportSummary, importArticles } from "./import-articles";
import { formatSummary } from "./summary";
import { deleteUploadOf } from "./upload-clean";

export const DEFAULT_POLL_MS = 1000;

export interface RunQueueOptions {
  /** Process the jobs queued now (and any queued meanwhile), then return instead of polling. */
  once?: boolean;
  /** How long to wait between looks at an empty queue. */
  pollMs?: number;
  /** Stops the loop: between jobs at once, or after the job in hand has finished. */
  signal?: AbortSignal;
  /** Engine settings that are the runner's, not the job's (threads). */
  engine?: Pick<ImportOptions, "jobs">;
  /** Told when a job is taken, so a caller can show it (and fail it if the process is killed). */
  onJobStart?: (job: ImportJob) => void;
  onJobEnd?: (outcome: QueueJobOutcome) => void;
  /** Told the ids of jobs found running under a runner that is gone (queued again, to resume). */
  onAbandoned?: (jobIds: number[]) => void;
}

export interface QueueJobOutcome {
  jobId: number;
  status: "completed" | "failed";
  error: string | null;
  /** The engine's summary; null when the job failed before or outside the engine. */
  summary: ImportSummary | null;
}

const ABANDONED_NOTE =
  "interrupted: the worker running it stopped before it finished; it resumes where it was.";

/** Whether the runner named in a job's checkpoint still runs on this machine. */
function isOwnerAlive(checkpoint: Record<string, unknown> | null): boolean {
  const pid = checkpoint?.pid;
  if (typeof pid !== "number") return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs queued jobs until the queue is empty (`once`) or `signal` aborts; returns how many ran. */
export async function runQueue(db: Db, options: RunQueueOptions = {}): Promise<number> {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  let processed = 0;
  while (!options.signal?.aborted) {
    // A runner killed mid-job (kill -9, power) cannot say so itself: the next look notices, and
    // the job, back in the queue with its checkpoint, is claimed (oldest first) and resumed.
    const abandoned = requeueAbandonedUploadJobs(db, isOwnerAlive);
    if (abandoned.length > 0) options.onAbandoned?.(abandoned);
    const job = claimNextQueuedJob(db, { pid: process.pid });
    if (job === undefined) {
      if (options.once) break;
      await idle(pollMs, options.signal);
      continue;
    }
    options.onJobStart?.(job);
    const outcome = await runJob(db, job, options.engine ?? {});
    processed++;
    options.onJobEnd?.(outcome);
  }
  return processed;
}

/** One claimed job, start to finish; whatever goes wrong ends up on its row, never out of the loop. */
async function runJob(
  db: Db,
  job: ImportJob,
  engine: Pick<ImportOptions, "jobs">,
): Promise<QueueJobOutcome> {
  try {
    // The payload was written by the web app, maybe by an older version: check it before use.
    const input = ZQueuedImportInputSchema.parse(job.input);
    const summary = await importArticles(db, input.paths, {
      ...engine,
      ...input.options,
      jobId: job.id,
    });
    if (summary.status === "completed") removeUpload(db, input);
    return { jobId: job.id, status: summary.status, error: summary.error, summary };
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? `Invalid job input: ${z.prettifyError(error)}`
        : error instanceof Error
          ? error.message
          : String(error);
    failQueuedJob(db, job.id, message);
    return { jobId: job.id, status: "failed", error: message, summary: null };
  }
}

/**
 * A completed upload's files are not needed any more: deleted, so uploads do not fill the disk. A
 * failed job's stay until it is retried or an admin runs `pnpm worker uploads clean`.
 */
function removeUpload(db: Db, input: TQueuedImportInput): void {
  try {
    deleteUploadOf(db, input);
  } catch (error) {
    // The job's rows are written: a file left behind is for `uploads clean`, not a failed job.
    console.error(`Could not delete the uploaded files: ${(error as Error).message}`);
  }
}

/** Marks a job failed with `reason`, keeping the counts its batches already wrote. */
export function failQueuedJob(db: Db, jobId: number, reason: string): void {
  try {
    const row = getImportJob(db, jobId);
    if (row === undefined) return;
    const { read, imported, duplicates, failed, claims } = row;
    finishImportJob(db, jobId, {
      counts: { read, imported, duplicates, failed, claims },
      status: "failed",
      error: reason,
    });
  } catch {
    // The database itself may be what failed; the runner moves on and the row says "running".
  }
}

/** Waits for the next poll; an abort ends the wait early instead of throwing. */
async function idle(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  }
}

/**
 * `worker run`: runs the queue and says what each job did. The first Ctrl-C (or SIGTERM) stops once
 * the job in hand is done; a second one puts that job back in the queue (never left running) and
 * exits at once: batches are synchronous transactions, so the job's rows and checkpoint agree, and
 * the next `worker run` resumes it after its last written batch.
 */
export async function runQueueCommand(
  db: Db,
  options: { once?: boolean; pollMs?: number },
  log: Pick<Console, "log" | "error"> = console,
): Promise<number> {
  const controller = new AbortController();
  let current: number | null = null;
  const onSignal = () => {
    if (!controller.signal.aborted) {
      controller.abort();
      if (current !== null) {
        log.error(`Stopping after import job ${current} finishes (Ctrl-C again to stop now).`);
      }
      return;
    }
    if (current !== null) {
      try {
        requeueImportJob(db, current);
        log.error(`Import job ${current}: stopped; the next \`worker run\` resumes it.`);
      } catch {
        // The database itself may be what failed: the next runner finds the job abandoned.
      }
    }
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  if (!options.once) log.log("Waiting for import jobs queued in the web UI (Ctrl-C to stop)…");
  try {
    const processed = await runQueue(db, {
      ...options,
      signal: controller.signal,
      onJobStart: (job) => {
        current = job.id;
        log.log(`Import job ${job.id}: running`);
      },
      onAbandoned: (ids) => {
        for (const id of ids) log.error(`Import job ${id}: ${ABANDONED_NOTE}`);
      },
      onJobEnd: (outcome) => {
        current = null;
        if (outcome.status === "completed" && outcome.summary !== null) {
          log.log(`Import job ${outcome.jobId}: completed. ${formatSummary(outcome.summary)}`);
        } else {
          log.error(`Import job ${outcome.jobId}: failed. ${outcome.error ?? ""}`.trimEnd());
        }
      },
    });
    if (options.once)
      log.log(`Processed ${processed} queued import job${processed === 1 ? "" : "s"}.`);
    return processed;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
