export { type Db, migrateDb, type OpenDbOptions, openDb } from "./client";
export { findRepoRoot, migrationsFolder, resolveDbPath } from "./paths";
export * as schema from "./schema";
export * from "./schema";
