/** Import jobs as the web UI sees them (list, detail with failed records) and the upload job queue. */
import {
  type TImportByIdInput,
  type TImportListInput,
  type TImportOrigin,
  type TQueuedImportInput,
  type TQueuedImportOptions,
  ZImportByIdInputSchema,
  ZImportListInputSchema,
  ZQueuedImportInputSchema,
} from "@claimdesk/types";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { importErrors, importJobs } from "../schema";
import { NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import type { ImportJob } from "./imports";

/** One job with its counts; timestamps are ISO strings (the API sends JSON). */
export interface ImportJobSummary {
  id: number;
  origin: TImportOrigin;
  status: ImportJob["status"];
  /** The files and directories the job reads (absolute paths as the worker saw them). */
  paths: string[];
  /** The engine options it was started with (batch size, format, …). */
  options: Record<string, unknown>;
  read: number;
  imported: number;
  /** Of `imported`: changed texts of known documents, stored as new versions (from the checkpoint). */
  versions: number;
  duplicates: number;
  failed: number;
  claims: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

export interface ImportFailedRecord {
  id: number;
  file: string;
  /** Line or record number inside the file; null when the whole file is the record. */
  line: number | null;
  reason: string;
}

export interface ImportJobDetail {
  job: ImportJobSummary;
  errors: { items: ImportFailedRecord[]; total: number };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the free-form `input` JSON defensively: CLI jobs and older rows carry no `origin`. */
export function toImportJobSummary(row: ImportJob): ImportJobSummary {
  const input: Record<string, unknown> = isRecord(row.input) ? row.input : {};
  const paths = Array.isArray(input.paths)
    ? input.paths.filter((p): p is string => typeof p === "string")
    : [];
  return {
    id: row.id,
    origin: input.origin === "upload" ? "upload" : "cli",
    status: row.status,
    paths,
    options: isRecord(input.options) ? input.options : {},
    read: row.read,
    imported: row.imported,
    versions: versionsOf(row.checkpoint),
    duplicates: row.duplicates,
    failed: row.failed,
    claims: row.claims,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** New versions imported: the engine counts them in its checkpoint (import_jobs has no column). */
function versionsOf(checkpoint: Record<string, unknown> | null): number {
  const versions = checkpoint?.versions;
  return typeof versions === "number" && Number.isInteger(versions) && versions > 0 ? versions : 0;
}

/** Jobs newest first (by id: the order they were created in) with the total for paging. */
export function listImportJobs(
  db: DbExecutor,
  params: TImportListInput = {},
): { items: ImportJobSummary[]; total: number } {
  const { limit, offset } = ZImportListInputSchema.parse(params);
  const rows = db
    .select()
    .from(importJobs)
    .orderBy(desc(importJobs.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = db.select({ n: count() }).from(importJobs).get()?.n ?? 0;
  return { items: rows.map(toImportJobSummary), total };
}

/** One job with a page of its failed records in the order they were found; NotFoundError if missing. */
export function getImportJobDetail(db: DbExecutor, params: TImportByIdInput): ImportJobDetail {
  const { id, errorsLimit, errorsOffset } = ZImportByIdInputSchema.parse(params);
  const row = db.select().from(importJobs).where(eq(importJobs.id, id)).get();
  if (!row) throw new NotFoundError("Import job", id);
  const items = db
    .select({
      id: importErrors.id,
      file: importErrors.file,
      line: importErrors.line,
      reason: importErrors.reason,
    })
    .from(importErrors)
    .where(eq(importErrors.jobId, id))
    .orderBy(asc(importErrors.id))
    .limit(errorsLimit)
    .offset(errorsOffset)
    .all();
  const total =
    db.select({ n: count() }).from(importErrors).where(eq(importErrors.jobId, id)).get()?.n ?? 0;
  return { job: toImportJobSummary(row), errors: { items, total } };
}

/** Queues a job for the stored files of an upload; `pnpm worker run` picks it up. */
export function queueUploadedImport(
  db: DbExecutor,
  params: { files: readonly string[]; options?: TQueuedImportOptions },
): ImportJobSummary {
  const input: TQueuedImportInput = ZQueuedImportInputSchema.parse({
    paths: params.files,
    options: params.options ?? {},
    origin: "upload",
  });
  const row = db.insert(importJobs).values({ input, status: "queued" }).returning().get();
  return toImportJobSummary(row);
}

/**
 * Takes the oldest queued job and marks it running, in one UPDATE: the `status = 'queued'` guard
 * is re-checked on the row being written, so two runners polling at once never get the same job.
 * `checkpoint` is merged into the job's own, so a job put back by requeueAbandonedUploadJobs keeps
 * where its batches got to (and the engine resumes there). Undefined when nothing is queued.
 */
export function claimNextQueuedJob(
  db: DbExecutor,
  /** Who runs it (the runner's pid): lets a later runner tell a job whose runner died. */
  checkpoint?: Record<string, unknown>,
): ImportJob | undefined {
  const oldestQueued = db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.status, "queued"))
    .orderBy(asc(importJobs.id))
    .limit(1);
  const now = new Date();
  return db
    .update(importJobs)
    .set({
      status: "running",
      startedAt: sql`coalesce(${importJobs.startedAt}, ${now.getTime()})`,
      updatedAt: now,
      checkpoint: sql`json_patch(coalesce(${importJobs.checkpoint}, '{}'), ${JSON.stringify(checkpoint ?? {})})`,
    })
    .where(and(inArray(importJobs.id, oldestQueued), eq(importJobs.status, "queued")))
    .returning()
    .get();
}

/**
 * Puts the uploaded jobs left `running` by a runner that is gone (killed mid-job) back in the
 * queue, oldest first as before, keeping their counts and checkpoint: the next claim resumes each
 * after its last written batch, as a rerun of the `import` command does. `isOwnerAlive` judges
 * the checkpoint the runner and the engine keep. Returns their ids. Jobs of the `import` command
 * are left to its own resume logic.
 */
export function requeueAbandonedUploadJobs(
  db: DbExecutor,
  isOwnerAlive: (checkpoint: Record<string, unknown> | null) => boolean,
): number[] {
  return writeTransaction(db, (tx) => {
    const running = tx
      .select({ id: importJobs.id, checkpoint: importJobs.checkpoint })
      .from(importJobs)
      .where(
        and(
          eq(importJobs.status, "running"),
          sql`json_extract(${importJobs.input}, '$.origin') = 'upload'`,
        ),
      )
      .all();
    const abandoned = running.filter((job) => !isOwnerAlive(job.checkpoint)).map((j) => j.id);
    if (abandoned.length > 0) requeue(tx, abandoned);
    return abandoned;
  });
}

/**
 * Puts a running job back in the queue (the runner was told to stop before it finished), keeping
 * its counts and checkpoint so that the next `worker run` resumes it. False if it was not running.
 */
export function requeueImportJob(db: DbExecutor, id: number): boolean {
  return requeue(db, [id]) > 0;
}

function requeue(db: DbExecutor, ids: number[]): number {
  return db
    .update(importJobs)
    .set({ status: "queued", error: null, finishedAt: null, updatedAt: new Date() })
    .where(and(inArray(importJobs.id, ids), eq(importJobs.status, "running")))
    .run().changes;
}
