/** The worker's command line, `claimdesk-worker import <paths...>` (run as `pnpm worker …`). */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Db, findRepoRoot, openDb, resolveDbPath } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { Command, InvalidArgumentError, Option } from "commander";
import { backupDatabase } from "./backup";
import { env } from "./env";
import { registerExportCommand } from "./export-command";
import { DEFAULT_BATCH_SIZE, DEFAULT_JOBS, importArticles } from "./import-articles";
import { runClaimdeskImport } from "./import-claimdesk";
import { countInputFiles, type ProgressDisplay, startProgress } from "./progress";
import { type FieldMap, INPUT_FORMATS, type InputFormat, parseFieldMap } from "./read-inputs";
import { restoreDatabase } from "./restore";
import { DEFAULT_POLL_MS, runQueueCommand } from "./run-queue";
import { formatSummary, formatUnreadable } from "./summary";
import { registerUploadsCommand } from "./upload-clean";
import { registerUserCommand } from "./user-command";

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("Expected a positive integer.");
  return n;
}

/** A character-encoding label the decoder knows ("latin1", "windows-1252", "utf-8"). */
function parseEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new InvalidArgumentError(`Unknown character encoding "${label}".`);
  }
}

function parseMap(spec: string): FieldMap {
  try {
    return parseFieldMap(spec);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

interface ImportCliOptions {
  json?: boolean;
  progress: boolean;
  batchSize: number;
  jobs: number;
  /** "claimdesk": a canonical JSONL export (import-claimdesk.ts). */
  format: InputFormat | "claimdesk";
  map?: FieldMap;
  exclude?: string[];
  collection?: string;
  encoding?: string;
}

/** Opens the database and brings it up to date, so the worker also works on a fresh file. */
function openMigratedDb(): Db {
  const db = openDb({ path: resolveDbPath(env.CLAIMDESK_DB) });
  migrateDb(db);
  return db;
}

const program = new Command()
  .name("claimdesk-worker")
  .description("Claimdesk worker: bulk import of news articles")
  .showHelpAfterError();

program
  .command("import")
  .description(
    "Import articles (.txt, .md, .html, .jsonl, .csv, each optionally .gz) from files and " +
      "directories, recursively. Rerunning an interrupted import resumes it.",
  )
  .argument("<paths...>", "files or directories to import")
  .option("--json", "print the summary as JSON")
  .option("--no-progress", "do not show progress on stderr")
  .option(
    "--batch-size <n>",
    "records written per transaction, at most (fewer while a batch takes over ~100 ms to write)",
    parsePositiveInt,
    DEFAULT_BATCH_SIZE,
  )
  .option(
    "--jobs <n>",
    "worker threads processing records (the main thread reads and writes)",
    parsePositiveInt,
    DEFAULT_JOBS,
  )
  .addOption(
    new Option("--format <format>", "read every file as this format")
      .choices([...INPUT_FORMATS.options, "claimdesk"])
      .default("auto"),
  )
  .option(
    "--map <spec>",
    "article field = record field for JSONL/CSV, e.g. title=headline,body=articleBody",
    parseMap,
  )
  .option("--exclude <glob...>", "leave out files matching these globs")
  .option(
    "--collection <name>",
    "where JSONL/CSV record ids are unique, for recognising new versions (default: each file's name)",
  )
  .option(
    "--encoding <name>",
    "character encoding of .txt/.md/.html files without a BOM, e.g. windows-1252 (default: the " +
      "declared one, else UTF-8, else a detected legacy charset, reported)",
    parseEncoding,
  )
  .action(async (paths: string[], options: ImportCliOptions) => {
    // pnpm runs root scripts from the repo root; the user's paths are relative to where they typed.
    const cwd = env.INIT_CWD ?? process.cwd();
    const absolute = paths.map((p) => resolve(cwd, p));
    if (options.format === "claimdesk") {
      await runClaimdeskImport(openMigratedDb, absolute, options);
      return;
    }
    const db = openMigratedDb();
    let progress: ProgressDisplay | null = null;
    try {
      if (options.progress) {
        const { format, exclude } = options;
        const total = await countInputFiles(absolute, { format, exclude });
        progress = startProgress(process.stderr, total);
      }
      const display = progress;
      const summary = await importArticles(db, absolute, {
        batchSize: options.batchSize,
        jobs: options.jobs,
        format: options.format,
        map: options.map,
        exclude: options.exclude,
        collection: options.collection,
        encoding: options.encoding,
        onProgress: display === null ? undefined : (p) => display.update(p),
      });
      progress?.stop();
      progress = null;
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      if (summary.status === "failed") {
        console.error(
          `${summary.error}\nImport job ${summary.jobId} failed (db: ${summary.dbPath})`,
        );
        process.exitCode = 1;
        return;
      }
      for (const line of formatUnreadable(summary)) console.error(line);
      if (!options.json) console.log(formatSummary(summary));
    } finally {
      progress?.stop();
      db.$client.close();
    }
  });

program
  .command("run")
  .description(
    "Process import jobs queued from the web UI (uploads): polls until Ctrl-C, or with --once " +
      "runs what is queued and exits",
  )
  .option("--once", "process the queued jobs, then exit")
  .option(
    "--poll-ms <n>",
    "milliseconds between looks at an empty queue",
    parsePositiveInt,
    DEFAULT_POLL_MS,
  )
  .action(async (options: { once?: boolean; pollMs: number }) => {
    const db = openMigratedDb();
    try {
      await runQueueCommand(db, options);
    } finally {
      db.$client.close();
    }
  });

registerUserCommand(program, { openDb: openMigratedDb });
registerUploadsCommand(program, { openDb: openMigratedDb });

registerExportCommand(program, {
  openDb: openMigratedDb,
  cwd: () => env.INIT_CWD ?? process.cwd(),
  repoRoot: () => findRepoRoot(import.meta.dirname),
});

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

program
  .command("backup")
  .description(
    "Copy the database to FILE: consistent and online (the web app and imports may keep running)",
  )
  .requiredOption("--out <file>", "the backup file to write (must not exist)")
  .action((options: { out: string }) => {
    const path = resolveDbPath(env.CLAIMDESK_DB);
    if (path === ":memory:" || !existsSync(path)) throw new Error(`No database at ${path}`);
    const out = resolve(env.INIT_CWD ?? process.cwd(), options.out);
    const db = openDb({ path });
    try {
      const started = performance.now();
      const result = backupDatabase(db, out);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { articles = 0, claims = 0, users = 0, audit_events: audit = 0 } = result.tables;
      console.log(
        `Backed up ${path} to ${out} (${megabytes(result.bytes)}, ${articles} articles, ${claims} claims, ${users} users, ${audit} audit events) in ${seconds} s`,
      );
    } finally {
      db.$client.close();
    }
  });

program
  .command("restore")
  .description(
    "Put a backup in place of the database (CLAIMDESK_DB); refuses while the database is in use. " +
      "Everyone signs in again afterwards",
  )
  .argument("<file>", "a file written by `worker backup`")
  .option("--force", "replace an existing database (it is kept as <db>.before-restore-<time>)")
  .action(async (file: string, options: { force?: boolean }) => {
    const target = resolveDbPath(env.CLAIMDESK_DB);
    if (target === ":memory:") throw new Error("CLAIMDESK_DB is :memory:; restore into a file");
    const source = resolve(env.INIT_CWD ?? process.cwd(), file);
    const result = await restoreDatabase(source, target, options);
    const { articles = 0, claims = 0, users = 0 } = result.tables;
    console.log(
      `Restored ${source} to ${target} (${articles} articles, ${claims} claims, ${users} users).` +
        (result.replaced ? ` The database it replaced is kept as ${result.replaced}.` : ""),
    );
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
