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

  it("describes the claim line: required top-level fields, labelled enums, nullable adjudication", () => {
    type ObjectSchema = {
      required: string[];
      properties: Record<string, { properties?: Record<string, unknown>; const?: unknown }>;
    };
    const { anyOf } = canonicalJsonSchema() as { anyOf: [ObjectSchema, { oneOf: ObjectSchema[] }] };
    const [schema, entities] = anyOf;
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
    // The adjudicator's decision, or null when none was made.
    const adjudicated = schema.properties.adjudicated as { anyOf: ObjectSchema[] };
    expect(adjudicated.anyOf[1]).toEqual({ type: "null" });
    expect(adjudicated.anyOf[0]?.required).toEqual(
      expect.arrayContaining(["adjudicator", "verdict", "likelihood", "updatedAt"]),
    );
    expect(schema.properties.kind).toBeUndefined();
    expect(entities.oneOf.map((s) => s.properties.kind?.const)).toEqual([
      "article",
      "source",
      "proposition",
    ]);
    expect(entities.oneOf[0]?.required).toEqual(
      expect.arrayContaining(["schemaVersion", "kind", "article"]),
    );
  });
});
