import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser, spanOf } from "../testing";
import { listAnnotationsForClaim, submitAnnotation, upsertAnnotation } from "./annotations";
import { diffRecords, getClaimHistory } from "./audit-history";
import { claimFilterWhere, countClaimsMatching } from "./claim-filter";
import { countClaimTable, listClaimTable } from "./claim-table";
import { createClaim, deleteClaim } from "./claims";
import { NotFoundError } from "./errors";

let db: Db;
let ana: { id: number; role: "analyst" };
let ben: { id: number; role: "analyst" };
let claimId: number;
beforeEach(() => {
  db = createTestDb();
  ana = { id: insertTestUser(db, { name: "Ana", role: "analyst" }).id, role: "analyst" };
  ben = { id: insertTestUser(db, { name: "Ben", role: "analyst" }).id, role: "analyst" };
  const text = "Tehran says it has funded allies.";
  const article = insertTestArticle(db, { text });
  claimId = createClaim(
    db,
    { articleId: article.id, content: spanOf(text, "it has funded allies") },
    ana.id,
  ).id;
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
    expect(submitted).toMatchObject({ id: draft.id, likelihood: "likely", version: 1 });
    expect(submitted.submittedAt).not.toBeNull();
    expect(submitAnnotation(db, { claimId, analystId: ana.id })).toEqual(submitted);
    const events = db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === "submit");
    expect(events).toHaveLength(1);
  });

  it("throws NotFoundError for a missing claim", () => {
    expect(() => submitAnnotation(db, { claimId: 999, analystId: ana.id })).toThrow(NotFoundError);
  });
});

describe("the blind rule in queries", () => {
  beforeEach(() => {
    upsertAnnotation(db, {
      claimId,
      analystId: ben.id,
      values: { likelihood: "unlikely", tags: ["b"] },
    });
    submitAnnotation(db, { claimId, analystId: ben.id });
  });

  it("listAnnotationsForClaim hides others from an analyst until they submit", () => {
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

  it("claimFilterWhere with blindAnalystId matches only what the analyst may see", () => {
    const filter = { likelihood: ["unlikely" as const] };
    const scope = { blindAnalystId: ana.id };
    expect(countClaimTable(db, { filter }, scope).total).toBe(0);
    expect(countClaimTable(db, { filter: { tag: ["b"] } }, scope).total).toBe(0);
    expect(countClaimTable(db, { filter }).total).toBe(1);
    expect(countClaimsMatching(db, filter, scope)).toBe(0);
    expect(countClaimsMatching(db, filter)).toBe(1);
    expect(claimFilterWhere({}, scope)).toBeUndefined();
    submitAnnotation(db, { claimId, analystId: ana.id });
    expect(listClaimTable(db, { filter }, ana.id, scope).items.map((r) => r.id)).toEqual([claimId]);
    expect(countClaimTable(db, { filter: { tag: ["b"] } }, scope).total).toBe(1);
    expect(countClaimsMatching(db, filter, scope)).toBe(1);
  });

  it("getClaimHistory hides others' annotation events until the analyst submits, and outlives the claim", () => {
    const annotationActors = () =>
      getClaimHistory(db, claimId, ana)
        .filter((e) => e.entity === "annotation")
        .map((e) => e.actor?.name);
    expect(annotationActors()).toEqual([]);
    submitAnnotation(db, { claimId, analystId: ana.id });
    expect(annotationActors()).toEqual(["Ana", "Ben", "Ben"]);
    deleteClaim(db, { id: claimId, version: 0 }, ana.id);
    expect(annotationActors()).toEqual(["Ana", "Ben", "Ben"]);
    expect(getClaimHistory(db, claimId, ana)[0]).toMatchObject({
      entity: "claim",
      action: "delete",
    });
    expect(() => getClaimHistory(db, 12345, ana)).toThrow(NotFoundError);
  });
});
