/** The canonical lines' JSON Schema, generated from the zod schema (docs/schema holds a copy). */
import { CANONICAL_SCHEMA_VERSION, ZCanonicalLineSchema } from "@claimdesk/types";
import { z } from "zod";

export const CANONICAL_SCHEMA_FILE = `${CANONICAL_SCHEMA_VERSION}.schema.json`;

export function canonicalJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZCanonicalLineSchema, { target: "draft-2020-12" });
  return {
    ...schema,
    $id: `urn:claimdesk:schema:${CANONICAL_SCHEMA_VERSION}`,
    title: "Claimdesk canonical line",
  };
}

/** The file's exact text: 2-space JSON with a final newline. */
export function canonicalJsonSchemaText(): string {
  return `${JSON.stringify(canonicalJsonSchema(), null, 2)}\n`;
}
