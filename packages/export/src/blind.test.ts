/** An analyst's export under the blind rule: others' annotations (and history) only once theirs is submitted. */
import {
  adjudicate,
  createClaim,
  type Reader,
  submitAnnotation,
  submitArticle,
  users,
} from "@claimdesk/db";
import { spanOf } from "@claimdesk/db/testing";
import {
  isCanonicalClaimLine,
  type TAdjudicationValues,
  type TCanonicalClaimLine,
  type TClaimFilter,
  ZCanonicalLineSchema,
} from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFixture, EMOJI_TEXT, type Fixture } from "./test-fixture";
import { exportChunks } from "./write-export";

const NO_JUDGEMENT: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

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

  it("matches stance/likelihood/tag filters on the gold layer, held back from an analyst who has not submitted", () => {
    const { ana, ben } = fx.analysts;
    const [c1] = fx.claimIds;
    const [a1] = fx.articleIds;
    const asAna = { id: ana, role: "analyst" as const };
    const viewer = { id: 999, role: "viewer" as const };
    const ids = (lines: TCanonicalClaimLine[]) => lines.map((l) => l.claim.id);
    // Only Ben said "very likely" on c1, in his draft: no export selects a draft.
    const filter: TClaimFilter = { likelihood: ["very_likely"] };
    expect(ids(claimLines(undefined, filter))).toEqual([]);
    expect(ids(claimLines(asAna, filter))).toEqual([]);
    // Ben alone submitted: his version is the gold, for everyone but an analyst who has not
    // submitted the article (it would show her Ben's work).
    submitArticle(fx.db, { articleId: a1 as number, analystId: ben });
    expect(ids(claimLines(undefined, filter))).toEqual([c1]);
    expect(ids(claimLines(viewer, filter))).toEqual([c1]);
    expect(ids(claimLines(asAna, filter))).toEqual([]);
    expect(ids(claimLines(asAna, { tag: ["dam"] }))).toEqual([]);
    // Both submitted, disagreeing on the likelihood: no gold until an adjudicator decides.
    submitArticle(fx.db, { articleId: a1 as number, analystId: ana });
    expect(ids(claimLines(undefined, filter))).toEqual([]);
    const judy = fx.db
      .insert(users)
      .values({ name: "Judy", role: "adjudicator" })
      .returning()
      .get().id;
    adjudicate(
      fx.db,
      {
        claimId: c1 as number,
        values: { ...NO_JUDGEMENT, likelihood: "very_likely" },
        decidedFields: ["likelihood"],
        note: null,
        version: null,
      },
      judy,
    );
    expect(ids(claimLines(asAna, filter))).toEqual([c1]);
    expect(ids(claimLines(asAna, { tag: ["dam"] }))).toEqual([c1]);
    expect(ids(claimLines(viewer, filter))).toEqual([c1]);
    // An analyst who never submitted the article still sees no gold of it.
    const cyd = fx.db.insert(users).values({ name: "Cyd" }).returning().get().id;
    expect(ids(claimLines({ id: cyd, role: "analyst" }, filter))).toEqual([]);
  });

  it("with layers, gives an analyst no other analyst's layer or hand-made claim until both submitted", () => {
    const { ana, ben } = fx.analysts;
    const [c1] = fx.claimIds;
    const [a1] = fx.articleIds;
    const handMade = createClaim(
      fx.db,
      { articleId: a1 as number, content: spanOf(EMOJI_TEXT, "a witness told Reuters") },
      ben,
    ).id;
    const withLayers = (reader: Reader | undefined) =>
      [...exportChunks(fx.db, { format: "jsonl", filter: {}, reader, layers: true })]
        .join("")
        .trimEnd()
        .split("\n")
        .map((l) => ZCanonicalLineSchema.parse(JSON.parse(l)))
        .filter(isCanonicalClaimLine);
    const layerOwners = (lines: TCanonicalClaimLine[], claimId: number | undefined) =>
      lines.find((l) => l.claim.id === claimId)?.layers?.map((l) => l.analyst?.id ?? null);
    const asAna = { id: ana, role: "analyst" as const };
    const admin = { id: 998, role: "admin" as const };
    // The admin (and the worker CLI) sees every layer and Ben's draft hand-made claim.
    expect(layerOwners(withLayers(admin), c1)).toEqual([null, ana, ben]);
    expect(layerOwners(withLayers(undefined), handMade)).toEqual([null, ben]);
    // Ana sees her own layer only, and nothing of Ben's hand-made claim.
    expect(layerOwners(withLayers(asAna), c1)).toEqual([null, ana]);
    expect(withLayers(asAna).some((l) => l.claim.id === handMade)).toBe(false);
    // Ben submits: still hidden from Ana (she has not), and from a viewer his draft was hidden
    // before, his submitted layer shows after.
    const viewer = { id: 999, role: "viewer" as const };
    expect(withLayers(viewer).some((l) => l.claim.id === handMade)).toBe(false);
    submitArticle(fx.db, { articleId: a1 as number, analystId: ben });
    expect(layerOwners(withLayers(asAna), c1)).toEqual([null, ana]);
    expect(withLayers(asAna).some((l) => l.claim.id === handMade)).toBe(false);
    // Both submitted: Ana sees Ben's layers, his hand-made claim too (in dispute: not in gold).
    submitArticle(fx.db, { articleId: a1 as number, analystId: ana });
    const after = withLayers(asAna);
    expect(layerOwners(after, c1)).toEqual([null, ana, ben]);
    expect(layerOwners(after, handMade)).toEqual([null, ben]);
    expect(after.find((l) => l.claim.id === handMade)?.inGoldLayer).toBe(false);
  });
});
