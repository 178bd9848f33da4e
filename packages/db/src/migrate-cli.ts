/** `pnpm db:migrate`: brings the database at CLAIMDESK_DB (default data/claimdesk.db) up to date. */
import { openDb } from "./client";
import { migrateDb } from "./migrate";
import { resolveDbPath } from "./paths";

const path = resolveDbPath();
const db = openDb({ path });
migrateDb(db);
db.$client.close();
console.log(`Database migrated: ${path}`);
