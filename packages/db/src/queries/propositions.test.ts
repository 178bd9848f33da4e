import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents, propositions } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import { createClaim } from "./claims";
import { NotFoundError } from "./errors";
import { createProposition, getProposition, listPropositions, listTags } from "./propositions";
import { submitArticle } from "./submissions";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

describe("createProposition", () => {
  it("creates with whitespace folded, audits it, and returns the existing one for the same text", () => {
    const made = createProposition(db, { text: "  Iran controls   its allies " }, analystId);
    expect(made).toEqual({
      id: expect.any(Number),
      text: "Iran controls its allies",
      claimCount: 0,
      created: true,
    });
    const again = createProposition(db, { text: "IRAN CONTROLS ITS ALLIES" }, analystId);
    expect(again).toMatchObject({ id: made.id, created: false });
    expect(db.select().from(propositions).all()).toHaveLength(1);
    expect(
      db
        .select()
        .from(auditEvents)
        .all()
        .filter((e) => e.entity === "proposition"),
    ).toHaveLength(1);
  });
});

describe("listPropositions / getProposition", () => {
  it("filters by substring (no wildcards) and orders by claims linked", () => {
    const a = createProposition(db, { text: "Talks resumed in February" }, analystId);
    const b = createProposition(db, { text: "Iran funds Iraqi militias" }, analystId);
    createProposition(db, { text: "100% of talks failed" }, analystId);
    const text = "Tehran says it has funded allies.";
    const articleId = insertTestArticle(db, { text }).id;
    createClaim(
      db,
      { articleId, content: spanOf(text, "it has funded allies"), propositionId: b.id },
      analystId,
    );
    // Counted in the reader's view: the analyst's own claim links b.
    expect(listPropositions(db, {}, analystId).items.map((p) => p.id)[0]).toBe(b.id);
    expect(listPropositions(db, { query: "TALKS" }).items.map((p) => p.text)).toEqual([
      "Talks resumed in February",
      "100% of talks failed",
    ]);
    expect(listPropositions(db, { query: "%" }).items).toHaveLength(1);
    expect(listPropositions(db, { limit: 1 }).items).toHaveLength(1);
    expect(getProposition(db, b.id, analystId)).toEqual({ id: b.id, text: b.text, claimCount: 1 });
    expect(getProposition(db, a.id, analystId).claimCount).toBe(0);
    // Another analyst, and viewers (gold, the default), do not count the analyst's draft claim.
    const other = insertTestUser(db, { name: "Other", role: "analyst" }).id;
    expect(getProposition(db, b.id, other).claimCount).toBe(0);
    expect(getProposition(db, b.id).claimCount).toBe(0);
    expect(listPropositions(db, {}).items.map((p) => p.claimCount)).toEqual([0, 0, 0]);
    submitArticle(db, { articleId, analystId });
    expect(getProposition(db, b.id).claimCount).toBe(1);
    expect(getProposition(db, b.id, other).claimCount).toBe(0);
    expect(() => getProposition(db, 999)).toThrow(NotFoundError);
  });
});

describe("listTags", () => {
  it("lists tags used in annotations, most used first, filtered by substring", () => {
    const text = "Tehran says it has funded allies. Baghdad says talks resumed.";
    const articleId = insertTestArticle(db, { text }).id;
    const one = createClaim(
      db,
      { articleId, content: spanOf(text, "it has funded allies") },
      analystId,
    );
    const two = createClaim(db, { articleId, content: spanOf(text, "talks resumed") }, analystId);
    upsertAnnotation(db, { claimId: one.id, analystId, values: { tags: ["militias", "funding"] } });
    upsertAnnotation(db, { claimId: two.id, analystId, values: { tags: ["militias"] } });
    expect(listTags(db, {}).items).toEqual([
      { tag: "militias", count: 2 },
      { tag: "funding", count: 1 },
    ]);
    expect(listTags(db, { query: "FUND" }).items.map((t) => t.tag)).toEqual(["funding"]);
  });
});
