/** A source merge moves the analysts' layers and gold that cite the merged source, and undo
 * moves them back (each layer's version bumped, so an editor holding the old one conflicts). */
import { describe, expect, it } from "vitest";
import { claims } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser, spanOf } from "../testing";
import { getClaimWithDetails, updateClaim } from "./claims";
import { mergeManySources, undoSourceMerge } from "./source-merge";
import { createSource } from "./sources";
import { submitArticle } from "./submissions";

describe("merging sources with layers", () => {
  it("moves and restores the layers' and gold's source", () => {
    const db = createTestDb();
    const ana = insertTestUser(db, { name: "Ana", role: "analyst" });
    const viewer = insertTestUser(db, { name: "Vic", role: "viewer" });
    const text = "Tehran says it has funded allies.";
    const article = insertTestArticle(db, { text });
    const claim = db
      .insert(claims)
      .values({
        articleId: article.id,
        ...(({ start, end, exact }) => ({
          contentStart: start,
          contentEnd: end,
          contentText: exact,
        }))(spanOf(text, "it has funded allies")),
        origin: "rule:test@1",
      })
      .returning()
      .get();
    const blair = createSource(db, { name: "Blair" }, ana.id);
    const tony = createSource(db, { name: "Tony Blair" }, ana.id);
    updateClaim(
      db,
      { id: claim.id, version: 0, patch: { status: "accepted", sourceId: blair.id } },
      ana,
    );
    submitArticle(db, { articleId: article.id, analystId: ana.id });
    expect(getClaimWithDetails(db, claim.id, viewer)?.sourceId).toBe(blair.id);

    mergeManySources(db, { keepId: tony.id, mergeIds: [blair.id] }, ana.id);
    expect(getClaimWithDetails(db, claim.id, ana)?.sourceId).toBe(tony.id);
    expect(getClaimWithDetails(db, claim.id, viewer)?.sourceId).toBe(tony.id);
    expect(getClaimWithDetails(db, claim.id, ana)?.version).toBe(2);

    undoSourceMerge(db, blair.id, ana.id);
    expect(getClaimWithDetails(db, claim.id, ana)?.sourceId).toBe(blair.id);
    expect(getClaimWithDetails(db, claim.id, viewer)?.sourceId).toBe(blair.id);
    db.$client.close();
  });
});
