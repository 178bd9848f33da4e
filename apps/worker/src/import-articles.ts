/** One import run: read the inputs, process each record, write in batches, keep the job row current. */
import { resolve } from "node:path";
import { createImportJob, type Db, finishImportJob, type ImportErrorInput } from "@claimdesk/db";
import { processRecord } from "./process-record";
import { readInputs, SUPPORTED_EXTENSIONS } from "./read-inputs";
import { BatchWriter } from "./write-batches";

export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  /** Records (articles and failures) written per transaction. */
  batchSize?: number;
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
  /** Supported files opened. */
  files: number;
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
  claims: number;
  /** Files passed over for their format, by extension. */
  skipped: Record<string, number>;
  unreadable: UnreadableInput[];
  /** The first failed records; all of them are in import_errors. */
  failures: ImportErrorInput[];
  durationMs: number;
}

export async function importArticles(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const absolute = paths.map((p) => resolve(p));
  const jobId = createImportJob(db, { paths: absolute, options: { batchSize } });
  const writer = new BatchWriter(db, jobId, batchSize);
  const skipped: Record<string, number> = {};
  const unreadable: UnreadableInput[] = [];
  let files = 0;
  let lastFile: string | null = null;

  try {
    for await (const event of readInputs(absolute)) {
      if (event.kind === "skipped") {
        skipped[event.extension] = (skipped[event.extension] ?? 0) + 1;
      } else if (event.kind === "unreadable") {
        unreadable.push({ path: event.path, reason: event.reason });
        writer.addUnreadable({ file: event.path, line: null, reason: event.reason });
      } else {
        const { file, line } = event.record;
        if (file !== lastFile) files++;
        lastFile = file;
        const result = processRecord(event.record);
        if (result.ok) writer.addArticle(file, line, result.article);
        else writer.addFailure({ file, line, reason: result.reason });
      }
    }
    writer.flush();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      finishImportJob(db, jobId, { counts: writer.counts, status: "failed", error: message });
    } catch {
      // The database itself may be what failed; the original error is the one to report.
    }
    throw error;
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
    files,
    ...writer.counts,
    skipped,
    unreadable,
    failures: writer.failures,
    durationMs: Math.round(performance.now() - started),
  };
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
