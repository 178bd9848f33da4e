/** Exports with history: each canonical claim line carries its audit events; other lines and formats do not. */
import { updateClaim } from "@claimdesk/db";
import { isCanonicalClaimLine, type TCanonicalLine, ZCanonicalLineSchema } from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatterFor } from "./history";
import { buildFixture, type Fixture } from "./test-fixture";
import { exportChunks } from "./write-export";

let fx: Fixture;
beforeEach(() => {
  fx = buildFixture();
});
afterEach(() => fx.db.$client.close());

const lines = (includeHistory: boolean): TCanonicalLine[] =>
  [...exportChunks(fx.db, { format: "jsonl", filter: {}, includeHistory })]
    .join("")
    .trimEnd()
    .split("\n")
    .map((l) => ZCanonicalLineSchema.parse(JSON.parse(l)));

describe("includeHistory", () => {
  it("adds every claim line's history (newest first, with field diffs), valid under the schema", () => {
    const claimId = fx.claimIds[0] ?? 0;
    // Ben accepted it in his layer (version 1), and now rejects it there.
    updateClaim(fx.db, { id: claimId, version: 1, patch: { status: "rejected" } }, fx.analysts.ben);
    const withHistory = lines(true);
    const claimLines = withHistory.filter(isCanonicalClaimLine);
    expect(claimLines.length).toBe(fx.claimIds.length);
    // Every claim an analyst touched has events; the suggestion nobody touched (c2) has none.
    const untouched = fx.claimIds[1];
    for (const line of claimLines)
      if (line.claim.id === untouched) expect(line.history).toEqual([]);
      else expect(line.history?.length).toBeGreaterThan(0);
    const first = claimLines.find((l) => l.claim.id === claimId);
    expect(first?.history?.[0]).toMatchObject({
      entity: "claim",
      action: "update",
      actor: { id: fx.analysts.ben, name: "Ben Reviewer" },
      changes: [{ field: "status", before: "accepted", after: "rejected" }],
    });
    // Annotation events of both analysts are there (exports are not blind).
    const annotationActors = new Set(
      claimLines
        .flatMap((l) => l.history ?? [])
        .filter((e) => e.entity === "annotation")
        .map((e) => e.actor?.name),
    );
    expect(annotationActors).toEqual(new Set(["Ana Analyst", "Ben Reviewer"]));
    // Entity lines carry no history.
    for (const line of withHistory.filter((l) => !isCanonicalClaimLine(l)))
      expect("history" in line).toBe(false);
  });

  it("leaves history out by default", () => {
    expect(lines(false).some((l) => "history" in l)).toBe(false);
  });

  it("is refused for formats other than the canonical JSONL", () => {
    expect(() => formatterFor(fx.db, { format: "csv", includeHistory: true })).toThrow(/JSONL/);
    expect(formatterFor(fx.db, { format: "csv" }).format).toBe("csv");
  });
});
