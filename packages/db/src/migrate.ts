/**
 * Applies the committed drizzle-kit migrations. A separate entry point (`@claimdesk/db/migrate`)
 * because only the CLI, the worker and tests migrate: the web app never imports this, so its
 * bundler never has to resolve the migrations folder.
 */
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";
import { writeTransaction } from "./queries/executor";
import { rebuildGold } from "./queries/gold";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Brings the database up to date (idempotent). */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
  rebuildMissingGold(db);
}

/**
 * The gold layer is derived (queries/gold.ts) and a SQL migration cannot derive it: after the
 * migration that introduced layers, a database with submitted articles but no gold yet gets its
 * gold and disputes built once.
 */
function rebuildMissingGold(db: Db): void {
  const client = db.$client;
  const has = (query: string) => client.prepare(query).get() !== undefined;
  if (!has("select 1 from article_submissions limit 1")) return;
  if (has("select 1 from claim_layers where kind = 'gold' limit 1")) return;
  if (has("select 1 from claim_disputes limit 1")) return;
  const articleIds = client
    .prepare("select distinct article_id as id from article_submissions order by article_id")
    .all() as { id: number }[];
  writeTransaction(db, (tx) => {
    for (const { id } of articleIds) rebuildGold(tx, id);
  });
}
