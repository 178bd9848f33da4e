import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import { listAnnotationsForClaim, submitAnnotation, upsertAnnotation } from "./annotations";
import { diffRecords, getClaimHistory } from "./audit-history";
import { claimFilterWhere, countClaimsMatching } from "./claim-filter";
import { countClaimTable, listClaimTable } from "./claim-table";
import { createClaim, deleteClaim, updateClaim } from "./claims";
import { NotFoundError } from "./errors";
import { submitArticle } from "./submissions";

let db: Db;
let ana: { id: number; role: "analyst" };
let ben: { id: number; role: "analyst" };
let articleId: number;
let claimId: number;
const TEXT = "Tehran says it has funded allies.";
beforeEach(() => {
  db = createTestDb();
  ana = { id: insertTestUser(db, { name: "Ana", role: "analyst" }).id, role: "analyst" };
  ben = { id: insertTestUser(db, { name: "Ben", role: "analyst" }).id, role: "analyst" };
  articleId = insertTestArticle(db, { text: TEXT }).id;
  // A rule suggestion: both analysts judge it, each in their own layer.
  claimId = insertTestSuggestion(db, { articleId, text: TEXT, content: "it has funded allies" });
});
afterEach(() => db.$client.close());

describe("diffRecords", () => {
  it("lists changed fields with before and after, deep-comparing and skipping bookkeeping", () => {
    expect(
      diffRecords(
        { id: 1, version: 0, likelihood: "likely", tags: ["a"], note: null, updatedAt: "x" },
        { id: 1, version: 1, likelihood: "likely", tags: ["a", "b"], note: "n", updatedAt: "y" },
      ),
    ).toEqual([
      { field: "tags", before: ["a"], after: ["a", "b"] },
      { field: "note", before: null, after: "n" },
    ]);
    expect(diffRecords(null, { id: 1, a: "x", b: null, c: [] })).toEqual([
      { field: "a", before: null, after: "x" },
    ]);
    expect(diffRecords({ id: 1, a: "x", b: null }, null)).toEqual([
      { field: "a", before: "x", after: null },
    ]);
  });
});

describe("submitAnnotation", () => {
  it("sets submitted_at on the analyst's annotation once, keeping its values, and audits it", () => {
    const draft = upsertAnnotation(db, {
      claimId,
      analystId: ana.id,
      values: { likelihood: "likely" },
    });
    const submitted = submitAnnotation(db, { claimId, analystId: ana.id });
    expect(submitted).toMatchObject({ id: draft.id, likelihood: "likely" });
    expect(submitted.submittedAt).not.toBeNull();
    expect(submitAnnotation(db, { claimId, analystId: ana.id })).toEqual(submitted);
    // Submitting a claim submits the analyst's layer of its article: one audited action.
    const events = db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === "submit");
    expect(events).toEqual([
      expect.objectContaining({ entity: "article", entityId: articleId, actorId: ana.id }),
    ]);
  });

  it("throws NotFoundError for a missing claim", () => {
    expect(() => submitAnnotation(db, { claimId: 999, analystId: ana.id })).toThrow(NotFoundError);
  });
});

describe("the blind rule in queries", () => {
  // Ben accepts the suggestion in his layer and judges it (a draft until he submits).
  beforeEach(() => {
    updateClaim(db, { id: claimId, version: 0, patch: { status: "accepted" } }, ben);
    upsertAnnotation(db, {
      claimId,
      analystId: ben.id,
      values: { likelihood: "unlikely", tags: ["b"] },
    });
  });

  it("listAnnotationsForClaim hides others from an analyst until they submit", () => {
    submitAnnotation(db, { claimId, analystId: ben.id });
    expect(listAnnotationsForClaim(db, claimId, ana)).toEqual({
      own: null,
      others: [],
      othersHidden: true,
    });
    // A draft is not a submission.
    upsertAnnotation(db, { claimId, analystId: ana.id, values: { likelihood: "likely" } });
    expect(listAnnotationsForClaim(db, claimId, ana).othersHidden).toBe(true);
    submitAnnotation(db, { claimId, analystId: ana.id });
    const open = listAnnotationsForClaim(db, claimId, ana);
    expect(open.others.map((a) => [a.analystName, a.likelihood])).toEqual([["Ben", "unlikely"]]);
    expect(
      listAnnotationsForClaim(db, claimId, { id: 99, role: "adjudicator" }).others,
    ).toHaveLength(2);
  });

  it("claim filters match in the reader's view: their own layer, or gold for viewers", () => {
    const filter = { likelihood: ["unlikely" as const] };
    const tagged = { tag: ["b"] };
    const viewer = { id: 77, role: "viewer" as const };
    const anaView = { kind: "analyst" as const, analystId: ana.id };
    const gold = { kind: "gold" as const };
    // Ben's draft: his own view has it; Ana's and the viewer's (gold) do not.
    expect(countClaimTable(db, { filter }, ben).total).toBe(1);
    expect(countClaimTable(db, { filter: tagged }, ben).total).toBe(1);
    expect(countClaimTable(db, { filter }, ana).total).toBe(0);
    expect(countClaimTable(db, { filter: tagged }, ana).total).toBe(0);
    expect(countClaimTable(db, { filter }, viewer).total).toBe(0);
    expect(countClaimTable(db, { filter: tagged }, viewer).total).toBe(0);
    expect(countClaimsMatching(db, filter, anaView)).toBe(0);
    expect(countClaimsMatching(db, filter, gold)).toBe(0);
    expect(claimFilterWhere({}, anaView)).toBeUndefined();
    // Ben submits: his layer is the gold (basis single), which viewers filter on.
    submitArticle(db, { articleId, analystId: ben.id });
    expect(countClaimsMatching(db, filter, gold)).toBe(1);
    expect(listClaimTable(db, { filter }, viewer).items.map((r) => r.id)).toEqual([claimId]);
    expect(countClaimTable(db, { filter: tagged }, viewer).total).toBe(1);
    // An analyst's view is always their own layer: Ana submitting shows her no one else's values.
    submitArticle(db, { articleId, analystId: ana.id });
    expect(countClaimTable(db, { filter }, ana).total).toBe(0);
    expect(countClaimsMatching(db, filter, anaView)).toBe(0);
    expect(listClaimTable(db, { filter: {} }, ana).items.map((r) => r.likelihood)).toEqual([null]);
  });

  it("getClaimHistory hides others' layer and annotation events until both submitted", () => {
    const actors = (entity: string) =>
      getClaimHistory(db, claimId, ana)
        .filter((e) => e.entity === entity)
        .map((e) => e.actor?.name);
    // Ben's acceptance (a layer change) and his annotation are his drafts.
    expect(actors("claim")).toEqual([]);
    expect(actors("annotation")).toEqual([]);
    submitArticle(db, { articleId, analystId: ben.id });
    // Ben submitted, Ana did not: still hidden from her.
    expect(actors("annotation")).toEqual([]);
    upsertAnnotation(db, { claimId, analystId: ana.id, values: { likelihood: "likely" } });
    expect(actors("annotation")).toEqual(["Ana"]);
    submitArticle(db, { articleId, analystId: ana.id });
    expect(actors("annotation")).toEqual(["Ana", "Ben"]);
    expect(actors("claim")).toEqual(["Ben"]);
    expect(() => getClaimHistory(db, 12345, ana)).toThrow(NotFoundError);
  });

  it("getClaimHistory outlives a deleted hand-made claim, for its author only", () => {
    const own = createClaim(db, { articleId, content: spanOf(TEXT, "Tehran says") }, ana.id);
    upsertAnnotation(db, { claimId: own.id, analystId: ana.id, values: { verdict: "refuted" } });
    deleteClaim(db, { id: own.id, version: 0 }, ana.id);
    const history = getClaimHistory(db, own.id, ana);
    expect(history[0]).toMatchObject({ entity: "claim", action: "delete" });
    expect(history.map((e) => [e.entity, e.action])).toEqual(
      expect.arrayContaining([
        ["claim", "create"],
        ["annotation", "create"],
      ]),
    );
    // Ben never sees Ana's draft work on it: to him it is not found, like a missing id.
    expect(() => getClaimHistory(db, own.id, ben)).toThrow(NotFoundError);
  });
});
