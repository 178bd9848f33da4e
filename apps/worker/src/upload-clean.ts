/**
 * Uploaded files on disk: the web app stores each upload as `uploads/<uuid>/<files>` beside the
 * database (apps/web/src/app/api/imports/upload/store-upload.ts). `worker run` deletes an upload's
 * folder once its job has completed; a failed job's files stay, for a retry or a look, until
 * `pnpm worker uploads clean` removes them (and anything no job refers to any more).
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { type Db, type ImportJobSummary, listImportJobs } from "@claimdesk/db";
import type { Command } from "commander";

/** `uploads/` beside the database file, where the web app stores uploads; null for :memory:. */
export function uploadsRootFor(db: Db): string | null {
  const file = db.$client.name;
  if (file === "" || file === ":memory:") return null;
  return join(dirname(file), "uploads");
}

/**
 * The upload folders holding `paths`: each path's parent, where that parent is a folder directly
 * inside `root`. Anything else (a path outside the uploads, the root itself) is never touched.
 */
export function uploadFoldersOf(root: string, paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const folder = dirname(path);
    const rel = relative(root, folder);
    if (rel !== "" && !rel.startsWith("..") && !rel.includes(sep) && rel !== ".")
      folders.add(folder);
  }
  return [...folders];
}

/** Deletes an upload job's files once it has completed; answers the folders removed. */
export function deleteUploadOf(db: Db, job: Pick<ImportJobSummary, "origin" | "paths">): string[] {
  const root = uploadsRootFor(db);
  if (root === null || job.origin !== "upload") return [];
  const folders = uploadFoldersOf(root, job.paths);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  return folders;
}

/** Every import job (all pages of listImportJobs). */
function allImportJobs(db: Db): ImportJobSummary[] {
  const jobs: ImportJobSummary[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = listImportJobs(db, { limit: 100, offset });
    jobs.push(...page.items);
    if (page.items.length < 100) return jobs;
  }
}

function bytesIn(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export interface CleanedUpload {
  folder: string;
  bytes: number;
  /** Why it could go: its job completed or failed, or no job refers to it. */
  reason: string;
}

export interface CleanOptions {
  /** Also remove the files of failed jobs (no retry will run them). Default true. */
  failed?: boolean;
  /** Folders no job refers to are removed once this old (an upload being queued is not). */
  orphanAgeMs?: number;
  now?: number;
  dryRun?: boolean;
}

/**
 * Removes upload folders whose job is over (completed, or failed unless `failed: false`) and
 * folders no job refers to that are older than `orphanAgeMs`; a queued or running job's files stay.
 */
export function cleanUploads(db: Db, options: CleanOptions = {}): CleanedUpload[] {
  const root = uploadsRootFor(db);
  if (root === null) return [];
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
  const owner = new Map<string, ImportJobSummary>();
  for (const job of allImportJobs(db)) {
    if (job.origin !== "upload") continue;
    for (const folder of uploadFoldersOf(root, job.paths)) {
      const seen = owner.get(folder);
      // A folder is in use while any job referring to it may still run.
      if (!seen || seen.status === "completed" || seen.status === "failed") owner.set(folder, job);
    }
  }
  const now = options.now ?? Date.now();
  const orphanAge = options.orphanAgeMs ?? 60 * 60 * 1000;
  const removed: CleanedUpload[] = [];
  for (const name of names.sort()) {
    const folder = join(root, name);
    const job = owner.get(folder);
    let reason: string | null = null;
    if (job?.status === "completed") reason = `import job ${job.id} completed`;
    else if (job?.status === "failed" && options.failed !== false)
      reason = `import job ${job.id} failed`;
    else if (job === undefined && now - statSync(folder).mtimeMs >= orphanAge)
      reason = "no import job refers to it";
    if (reason === null) continue;
    const bytes = bytesIn(folder);
    if (!options.dryRun) rmSync(folder, { recursive: true, force: true });
    removed.push({ folder, bytes, reason });
  }
  return removed;
}

export function registerUploadsCommand(program: Command, context: { openDb: () => Db }): void {
  const uploads = program.command("uploads").description("Files uploaded in the web UI");
  uploads
    .command("clean")
    .description(
      "Delete uploaded files whose import job has finished (completed or failed) and files no job " +
        "refers to; a queued or running job's files stay",
    )
    .option("--keep-failed", "keep the files of failed jobs")
    .option("--dry-run", "list what would be deleted, delete nothing")
    .action((options: { keepFailed?: boolean; dryRun?: boolean }) => {
      const db = context.openDb();
      try {
        const removed = cleanUploads(db, { failed: !options.keepFailed, dryRun: options.dryRun });
        for (const r of removed) console.log(`${r.folder}: ${r.reason}`);
        const mb = (removed.reduce((sum, r) => sum + r.bytes, 0) / 1_000_000).toFixed(1);
        const verb = options.dryRun ? "Would delete" : "Deleted";
        console.log(`${verb} ${removed.length} upload folder(s), ${mb} MB.`);
      } finally {
        db.$client.close();
      }
    });
}
