/** An analyst's export under the blind rule: others' annotations (and history) only once theirs is submitted. */
import { submitAnnotation } from "@claimdesk/db";
import {
  isCanonicalClaimLine,
  type TCanonicalClaimLine,
  type TClaimFilter,
  ZCanonicalLineSchema,
} from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "./test-fixture";
import { exportChunks } from "./write-export";

let fx: Fixture;
beforeEach(() => {
  fx = buildFixture();
});
afterEach(() => fx.db.$client.close());

const claimLines = (
  reader: { id: number; role: "analyst" | "viewer" | "admin" } | undefined,
  filter: TClaimFilter = {},
  includeHistory = false,
): TCanonicalClaimLine[] =>
  [...exportChunks(fx.db, { format: "jsonl", filter, includeHistory, reader })]
    .join("")
    .trimEnd()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => ZCanonicalLineSchema.parse(JSON.parse(l)))
    .filter(isCanonicalClaimLine);

const analystsOn = (lines: TCanonicalClaimLine[], claimId: number | undefined) =>
  lines.find((l) => l.claim.id === claimId)?.annotations.map((a) => a.analyst.id);

describe("visibleExportClaims", () => {
  it("gives an analyst only their own annotations until they submit, then the submitted others", () => {
    const { ana, ben } = fx.analysts;
    const [c1, , , c4] = fx.claimIds;
    const asAna = { id: ana, role: "analyst" as const };
    submitAnnotation(fx.db, { claimId: c4 ?? 0, analystId: ben });
    expect(analystsOn(claimLines(undefined), c4)).toEqual([ana, ben]);
    expect(analystsOn(claimLines(asAna), c4)).toEqual([ana]);
    const history = claimLines(asAna, {}, true).find((l) => l.claim.id === c4)?.history ?? [];
    expect(history.filter((e) => e.actor?.id === ben && e.entity === "annotation")).toEqual([]);

    submitAnnotation(fx.db, { claimId: c4 ?? 0, analystId: ana });
    expect(analystsOn(claimLines(asAna), c4)).toEqual([ana, ben]);
    // Ben's draft on c1 stays hidden from Ana even once she submits hers.
    submitAnnotation(fx.db, { claimId: c1 ?? 0, analystId: ana });
    expect(analystsOn(claimLines(asAna), c1)).toEqual([ana]);
    // A viewer sees the submitted annotations only.
    expect(analystsOn(claimLines({ id: 999, role: "viewer" }), c1)).toEqual([ana]);
    expect(analystsOn(claimLines({ id: 999, role: "admin" }), c1)).toEqual([ana, ben]);
  });

  it("matches an analyst's stance/likelihood/tag filters on what they may see", () => {
    const { ana, ben } = fx.analysts;
    const [c1] = fx.claimIds;
    const asAna = { id: ana, role: "analyst" as const };
    // Only Ben said "very likely" on c1.
    const filter: TClaimFilter = { likelihood: ["very_likely"] };
    expect(claimLines(undefined, filter).map((l) => l.claim.id)).toEqual([c1]);
    expect(claimLines(asAna, filter)).toEqual([]);
    submitAnnotation(fx.db, { claimId: c1 ?? 0, analystId: ana });
    submitAnnotation(fx.db, { claimId: c1 ?? 0, analystId: ben });
    expect(claimLines(asAna, filter).map((l) => l.claim.id)).toEqual([c1]);
  });
});
