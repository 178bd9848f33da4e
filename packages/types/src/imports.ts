/** Import jobs in the web UI: list and detail inputs, the upload rules, and a queued job's payload. */
import { z } from "zod";

const ZJobIdSchema = z.number().int().positive();

/** imports.list — newest first, offset-paged. */
export const ZImportListInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().nonnegative().default(0),
});
export type TImportListInput = z.input<typeof ZImportListInputSchema>;

/** imports.byId — the job and one page of its failed records (import_errors, in file order). */
export const ZImportByIdInputSchema = z.object({
  id: ZJobIdSchema,
  errorsLimit: z.number().int().min(1).max(200).default(50),
  errorsOffset: z.number().int().nonnegative().default(0),
});
export type TImportByIdInput = z.input<typeof ZImportByIdInputSchema>;

/** Where a job came from: the worker's `import` command, or files uploaded in the browser. */
export const IMPORT_ORIGINS = ["cli", "upload"] as const;
export type TImportOrigin = (typeof IMPORT_ORIGINS)[number];

/** File name endings an upload accepts: what the worker reads, each optionally gzipped. */
export const IMPORT_UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".jsonl", ".csv"] as const;

/** The most one upload may carry, all files together (the route answers 413 past it). */
export const IMPORT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/**
 * Whole-file articles are read in one go by the worker, so each is capped (the worker refuses a
 * bigger one, apps/worker/src/readers/read-whole-file.ts): text and Markdown at 8 MB (ingest keeps
 * 2 M characters of text, 4 bytes a character at most), HTML at 50 MB (markup, scripts, inline
 * images around the text). JSONL and CSV are read record by record, so one file may use the
 * whole upload. A gzipped file's cap counts its uncompressed bytes; the worker checks those.
 */
export const IMPORT_TEXT_FILE_MAX_BYTES = 8_000_000;
export const IMPORT_HTML_FILE_MAX_BYTES = 50_000_000;

/** The most one uploaded file named `name` may hold: its format's cap (see above). */
export function importFileMaxBytes(name: string): number {
  const lower = name.toLowerCase().replace(/\.gz$/, "");
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return IMPORT_HTML_FILE_MAX_BYTES;
  if (lower.endsWith(".jsonl") || lower.endsWith(".csv")) return IMPORT_UPLOAD_MAX_BYTES;
  return IMPORT_TEXT_FILE_MAX_BYTES;
}

/** At most this many files per upload: each is one path in the job's input. */
export const IMPORT_UPLOAD_MAX_FILES = 1000;

/** True when `name` ends in an accepted extension, optionally followed by `.gz` (case-insensitive). */
export function isImportableFileName(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.gz$/, "");
  return IMPORT_UPLOAD_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Options a queued job passes to the import engine (the same meaning as the CLI's flags). */
export const ZQueuedImportOptionsSchema = z.object({
  batchSize: z.number().int().min(1).max(100_000).optional(),
});
export type TQueuedImportOptions = z.infer<typeof ZQueuedImportOptionsSchema>;

/** The `input` of a job queued from an upload; the worker validates it before running the job. */
export const ZQueuedImportInputSchema = z.object({
  /** Absolute paths of the stored files. */
  paths: z.array(z.string().min(1)).min(1).max(IMPORT_UPLOAD_MAX_FILES),
  options: ZQueuedImportOptionsSchema.default({}),
  origin: z.literal("upload"),
});
export type TQueuedImportInput = z.infer<typeof ZQueuedImportInputSchema>;
