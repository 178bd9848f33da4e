/** The worker's command line, `claimdesk-worker import <paths...>` (run as `pnpm worker …`). */
import { resolve } from "node:path";
import { type Db, openDb, resolveDbPath } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { Command, InvalidArgumentError } from "commander";
import { env } from "./env";
import { DEFAULT_BATCH_SIZE, importArticles } from "./import-articles";
import { formatSummary, formatUnreadable } from "./summary";

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("Expected a positive integer.");
  return n;
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
  .description("Import articles (.txt, .md) from files and directories, recursively")
  .argument("<paths...>", "files or directories to import")
  .option("--json", "print the summary as JSON")
  .option(
    "--batch-size <n>",
    "records written per transaction",
    parsePositiveInt,
    DEFAULT_BATCH_SIZE,
  )
  .action(async (paths: string[], options: { json?: boolean; batchSize: number }) => {
    // pnpm runs root scripts from the repo root; the user's paths are relative to where they typed.
    const cwd = env.INIT_CWD ?? process.cwd();
    const db = openMigratedDb();
    try {
      const summary = await importArticles(
        db,
        paths.map((p) => resolve(cwd, p)),
        { batchSize: options.batchSize },
      );
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
      db.$client.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
