/**
 * Writes docs/schema/claimdesk-claim.v1.schema.json from the zod schema
 * (`pnpm --filter @claimdesk/export generate:schema`); a test checks the committed copy is current.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { canonicalJsonSchemaText } from "../src/json-schema";
import { committedSchemaPath } from "../src/schema-path";

const path = committedSchemaPath();
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, canonicalJsonSchemaText());
// Formatted like every other committed file, so `biome ci` stays green.
execFileSync("pnpm", ["exec", "biome", "format", "--write", path], { stdio: "inherit" });
console.log(`wrote ${path}`);
