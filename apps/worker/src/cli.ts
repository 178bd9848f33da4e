/** The worker's command line, `claimdesk-worker import <paths...>` (run as `pnpm worker …`). */
import { resolve } from "node:path";
import { type Db, findRepoRoot, openDb, resolveDbPath } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { Command, InvalidArgumentError, Option } from "commander";
import { env } from "./env";
import { registerExportCommand } from "./export-command";
import { DEFAULT_BATCH_SIZE, DEFAULT_JOBS, importArticles } from "./import-articles";
import { runClaimdeskImport } from "./import-claimdesk";
import { countInputFiles, type ProgressDisplay, startProgress } from "./progress";
import { type FieldMap, INPUT_FORMATS, type InputFormat, parseFieldMap } from "./read-inputs";
import { DEFAULT_POLL_MS, runQueueCommand } from "./run-queue";
import { formatSummary, formatUnreadable } from "./summary";
import { registerUserCommand } from "./user-command";

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("Expected a positive integer.");
  return n;
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
    "records written per transaction",
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

registerExportCommand(program, {
  openDb: openMigratedDb,
  cwd: () => env.INIT_CWD ?? process.cwd(),
  repoRoot: () => findRepoRoot(import.meta.dirname),
});

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
