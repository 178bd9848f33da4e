import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalJsonSchema, canonicalJsonSchemaText } from "./json-schema";
import { committedSchemaPath } from "./schema-path";

describe("canonical JSON Schema", () => {
  it("is committed in docs/schema as generated (run generate:schema after a change)", () => {
    // Compared as JSON: Biome may re-wrap the committed file's arrays.
    expect(JSON.parse(readFileSync(committedSchemaPath(), "utf8"))).toEqual(
      JSON.parse(canonicalJsonSchemaText()),
    );
  });

  it("describes the line: required top-level fields, labelled enums, nullable adjudication", () => {
    const schema = canonicalJsonSchema() as {
      required: string[];
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "claim",
        "article",
        "spans",
        "annotations",
        "adjudicated",
      ]),
    );
    expect(schema.properties.claim?.properties?.status).toMatchObject({
      enum: ["suggested", "accepted", "rejected"],
    });
    expect(schema.properties.adjudicated).toMatchObject({ type: "null" });
  });
});
