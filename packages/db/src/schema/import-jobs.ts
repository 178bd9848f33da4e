/** Bulk imports: one row a run of the worker, with counts, a resume checkpoint and failed records. */
import { IMPORT_JOB_STATUSES } from "@claimdesk/types";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const importJobs = sqliteTable("import_jobs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** JSON: the paths and options the job was started with. */
  input: text("input", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull().default("queued"),
  read: integer("read").notNull().default(0),
  imported: integer("imported").notNull().default(0),
  duplicates: integer("duplicates").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  claims: integer("claims").notNull().default(0),
  /** JSON: where a resumed run picks up (file and record reached). */
  checkpoint: text("checkpoint", { mode: "json" }).$type<Record<string, unknown>>(),
  error: text("error"),
  startedAt: integer("started_at", { mode: "timestamp_ms" }),
  finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One row per record that could not be imported: file, line (or record number) and reason. */
export const importErrors = sqliteTable(
  "import_errors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobId: integer("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    line: integer("line"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("import_errors_job_idx").on(t.jobId)],
);
