/** Where the committed copy of the canonical JSON Schema lives: docs/schema at the repo root. */
import { fileURLToPath } from "node:url";
import { CANONICAL_SCHEMA_FILE } from "./json-schema";

export function committedSchemaPath(): string {
  return fileURLToPath(new URL(`../../../docs/schema/${CANONICAL_SCHEMA_FILE}`, import.meta.url));
}
