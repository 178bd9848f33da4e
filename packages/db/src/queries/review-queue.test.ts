import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { users } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import { upsertAnnotation } from "./annotations";
import { createAssignmentSet } from "./assignments";
import { createClaim, updateClaim } from "./claims";
import { nextInQueue, reviewQueueSummary } from "./review-queue";
import { ensureLocalAnalyst } from "./users";

const TEXT = "Tehran says it has funded allies. Baghdad says talks resumed. Critics say nothing.";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

function article(title: string): number {
  return insertTestArticle(db, { title, text: `${TEXT} (${title})` }).id;
}

/** A rule suggestion, accepted or rejected by `by` in their own layer unless left suggested. */
function claim(
  articleId: number,
  content: string,
  status: "suggested" | "accepted" | "rejected",
  by = analystId,
) {
  const id = insertTestSuggestion(db, { articleId, text: TEXT, content });
  if (status !== "suggested") decide(id, status, by);
  return id;
}

function decide(id: number, status: "accepted" | "rejected", by = analystId) {
  updateClaim(db, { id, version: 0, patch: { status } }, by);
}

describe("review queue", () => {
  it("counts suggested and accepted-but-unannotated claims, not rejected or annotated ones", () => {
    const a = article("A");
    claim(a, "talks resumed", "suggested");
    const funded = claim(a, "it has funded allies", "suggested");
    const accepted = claim(a, "nothing", "accepted");
    claim(a, "Critics", "rejected");
    expect(reviewQueueSummary(db, analystId)).toEqual({
      articles: 1,
      claims: 3,
      suggested: 2,
      unannotated: 1,
      assigned: false,
      next: { articleId: a, title: "A", pending: 3, firstClaimId: funded },
      upcoming: [{ articleId: a, title: "A", pending: 3, firstClaimId: funded }],
    });
    upsertAnnotation(db, { claimId: accepted, analystId, values: { likelihood: "likely" } });
    expect(reviewQueueSummary(db, analystId)).toMatchObject({ claims: 2, unannotated: 0 });
    // My decisions are my layer's: another analyst still has every suggestion to review.
    const other = db.insert(users).values({ name: "Other", role: "analyst" }).returning().get().id;
    expect(reviewQueueSummary(db, other)).toMatchObject({
      claims: 4,
      suggested: 4,
      unannotated: 0,
    });
    // Their hand-made claim (accepted, unannotated) is in their queue, not mine.
    createClaim(db, { articleId: a, content: spanOf(TEXT, "Tehran says") }, other);
    expect(reviewQueueSummary(db, other)).toMatchObject({ claims: 5, unannotated: 1 });
    expect(reviewQueueSummary(db, analystId)).toMatchObject({ claims: 2, unannotated: 0 });
  });

  it("orders articles oldest first and moves on after a given article, wrapping around", () => {
    const a = article("A");
    const b = article("B");
    const c = article("C");
    const empty = article("D");
    claim(a, "talks resumed", "suggested");
    claim(b, "talks resumed", "rejected");
    claim(c, "talks resumed", "suggested");
    claim(c, "nothing", "suggested");
    expect(nextInQueue(db, { analystId })).toMatchObject({
      next: { articleId: a, pending: 1 },
      remainingArticles: 2,
      remainingClaims: 3,
    });
    expect(nextInQueue(db, { analystId, afterArticleId: a }).next?.articleId).toBe(c);
    expect(nextInQueue(db, { analystId, afterArticleId: b }).next?.articleId).toBe(c);
    expect(nextInQueue(db, { analystId, afterArticleId: c }).next?.articleId).toBe(a);
    expect(nextInQueue(db, { analystId, afterArticleId: empty }).next?.articleId).toBe(a);
  });

  it("returns the article itself when it is the only one left, and null when all is done", () => {
    const a = article("A");
    const only = claim(a, "talks resumed", "suggested");
    expect(nextInQueue(db, { analystId, afterArticleId: a }).next?.articleId).toBe(a);
    decide(only, "rejected");
    expect(nextInQueue(db, { analystId, afterArticleId: a })).toEqual({
      next: null,
      remainingArticles: 0,
      remainingClaims: 0,
    });
    expect(reviewQueueSummary(db, analystId)).toEqual({
      articles: 0,
      claims: 0,
      suggested: 0,
      unannotated: 0,
      assigned: false,
      next: null,
      upcoming: [],
    });
    expect(only).toBeGreaterThan(0);
  });
});

describe("review queue with assignments", () => {
  it("holds only the assigned articles' claims, in the same order; unassigned analysts see all", () => {
    const a = article("A");
    const b = article("B");
    const c = article("C");
    const nothing = [a, b, c].map((id) => {
      claim(id, "talks resumed", "suggested");
      return claim(id, "nothing", "suggested");
    });
    const ana = insertTestUser(db, { name: "Ana", role: "analyst" }).id;
    const ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
    const judy = insertTestUser(db, { name: "Judy", role: "adjudicator" }).id;
    const admin = insertTestUser(db, { name: "Ada", role: "admin" }).id;
    const everything = reviewQueueSummary(db, ben);
    expect(everything).toMatchObject({ articles: 3, claims: 6, suggested: 6, assigned: false });

    createAssignmentSet(
      db,
      { label: "Two", articleIds: [c, a], analystIds: [ana, judy], overlapPercent: 100, seed: 1 },
      admin,
    );
    for (const who of [ana, judy]) {
      // Each accepts "nothing" in their own layer of A and C.
      decide(nothing[0] as number, "accepted", who);
      decide(nothing[2] as number, "accepted", who);
      const summary = reviewQueueSummary(db, who);
      expect(summary).toMatchObject({ articles: 2, claims: 4, suggested: 2, unannotated: 2 });
      expect(summary.assigned).toBe(true);
      expect(summary.upcoming.map((q) => q.articleId)).toEqual([a, c]);
      expect(nextInQueue(db, { analystId: who })).toMatchObject({
        next: { articleId: a },
        remainingArticles: 2,
        remainingClaims: 4,
      });
      // After the last assigned article comes the first one again — never unassigned B.
      expect(nextInQueue(db, { analystId: who, afterArticleId: a }).next?.articleId).toBe(c);
      expect(nextInQueue(db, { analystId: who, afterArticleId: c }).next?.articleId).toBe(a);
    }
    // Without assignments: unchanged.
    expect(reviewQueueSummary(db, ben)).toEqual(everything);
  });
});
