/**
 * Applies the committed drizzle-kit migrations. A separate entry point (`@claimdesk/db/migrate`)
 * because only the CLI, the worker and tests migrate: the web app never imports this, so its
 * bundler never has to resolve the migrations folder.
 */
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Brings the database up to date (idempotent). */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}
