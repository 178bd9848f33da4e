/** Claims in the layers model: copy-on-write edits, and deleting only what is one's own. */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations, claimLayers, claims } from "../schema";
import { createTestDb } from "../testing";
import { upsertAnnotation } from "./annotations";
import { deleteClaim, getClaimWithDetails, listClaimsForArticle, updateClaim } from "./claims";
import { ForbiddenError, NotFoundError } from "./errors";
import {
  annotateAsA,
  annotateAsB,
  seedTwoAnalysts,
  submit,
  type TwoAnalysts,
} from "./two-analysts.fixture";

let db: Db;
let s: TwoAnalysts;
beforeEach(() => {
  db = createTestDb();
  s = seedTwoAnalysts(db);
  annotateAsA(db, s);
});
afterEach(() => db.$client.close());

const layerOf = (claimId: number, analystId: number) =>
  db
    .select()
    .from(claimLayers)
    .where(and(eq(claimLayers.claimId, claimId), eq(claimLayers.analystId, analystId)))
    .get();

describe("updateClaim (copy-on-write)", () => {
  it("writes the analyst's layer and never the suggestion; versions follow the layer", () => {
    const suggestion = db.select().from(claims).where(eq(claims.id, s.y)).get();
    expect(suggestion).toMatchObject({ status: "suggested", sourceId: s.spokesman, version: 0 });
    // A's acceptance with Tehran is in her layer at version 1.
    expect(layerOf(s.y, s.a.id)).toMatchObject({
      status: "accepted",
      sourceId: s.tehran,
      version: 1,
    });
    expect(getClaimWithDetails(db, s.y, s.a)).toMatchObject({
      id: s.y,
      version: 1,
      layer: "analyst",
    });
    const again = updateClaim(db, { id: s.y, version: 1, patch: { quoteType: "direct" } }, s.a);
    expect(again).toMatchObject({ id: s.y, version: 2, quoteType: "direct", sourceId: s.tehran });
    // B still sees the suggestion as the rule made it, at its version.
    expect(getClaimWithDetails(db, s.y, s.b)).toMatchObject({
      status: "suggested",
      sourceId: s.spokesman,
      quoteType: "indirect",
      version: 0,
      layer: "proposal",
    });
    expect(db.select().from(claims).where(eq(claims.id, s.y)).get()).toEqual(suggestion);
  });

  it("does not let an analyst edit another analyst's hand-made claim (not in their view)", () => {
    expect(() =>
      updateClaim(db, { id: s.z, version: 0, patch: { status: "rejected" } }, s.b),
    ).toThrow(NotFoundError);
    expect(getClaimWithDetails(db, s.z, s.b)).toBeNull();
    expect(layerOf(s.z, s.b.id)).toBeUndefined();
  });
});

describe("deleteClaim", () => {
  it("refuses another analyst's hand-made claim and a suggestion not in one's layer", () => {
    // Z is A's: for B it does not exist (NotFound says no more than that).
    expect(() => deleteClaim(db, { id: s.z, version: 0 }, s.b)).toThrow(NotFoundError);
    // U is a suggestion nobody decided: nothing of B's to delete; reject it instead.
    const error = (() => {
      try {
        deleteClaim(db, { id: s.u, version: 0 }, s.b);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(/rule suggestion .* reject it instead/);
    // So is a suggestion only another analyst decided on.
    expect(() => deleteClaim(db, { id: s.x, version: 1 }, s.b)).toThrow(ForbiddenError);
    expect(db.select().from(claims).where(eq(claims.id, s.z)).get()).toBeDefined();
    expect(layerOf(s.x, s.a.id)).toMatchObject({ status: "rejected" });
  });

  it("removes only the analyst's own layer: the others' submitted work stays", () => {
    annotateAsB(db, s);
    upsertAnnotation(db, { claimId: s.x, analystId: s.b.id, values: { verdict: "supported" } });
    submit(db, s, s.b);
    const bBefore = {
      layers: db.select().from(claimLayers).where(eq(claimLayers.analystId, s.b.id)).all(),
      annotations: db.select().from(annotations).where(eq(annotations.analystId, s.b.id)).all(),
    };
    expect(bBefore.annotations.every((a) => a.submittedAt !== null)).toBe(true);
    // A also judged W: she deletes her layer of W (her acceptance and her annotation).
    expect(deleteClaim(db, { id: s.w, version: 1 }, s.a)).toEqual({ id: s.w });
    expect(layerOf(s.w, s.a.id)).toBeUndefined();
    expect(
      db
        .select()
        .from(annotations)
        .where(and(eq(annotations.claimId, s.w), eq(annotations.analystId, s.a.id)))
        .get(),
    ).toBeUndefined();
    // For her, W is the suggestion again.
    expect(getClaimWithDetails(db, s.w, s.a)).toMatchObject({
      status: "suggested",
      layer: "proposal",
      annotation: null,
    });
    // B's submitted layers and annotations are exactly as they were.
    expect({
      layers: db.select().from(claimLayers).where(eq(claimLayers.analystId, s.b.id)).all(),
      annotations: db.select().from(annotations).where(eq(annotations.analystId, s.b.id)).all(),
    }).toEqual(bBefore);
    expect(db.select().from(claims).where(eq(claims.id, s.w)).get()).toMatchObject({
      status: "suggested",
    });
  });

  it("deletes a hand-made claim with its author's layer, unless another layer still holds it", () => {
    // A layer of B's on A's claim Z (as a migration of shared decisions can leave).
    const aLayer = layerOf(s.z, s.a.id);
    if (!aLayer) throw new Error("no layer");
    const { id: _id, ...rest } = aLayer;
    db.insert(claimLayers)
      .values({ ...rest, analystId: s.b.id })
      .run();
    deleteClaim(db, { id: s.z, version: 0 }, s.a);
    expect(db.select().from(claims).where(eq(claims.id, s.z)).get()).toBeDefined();
    expect(listClaimsForArticle(db, s.articleId, s.a).map((c) => c.id)).not.toContain(s.z);
    expect(listClaimsForArticle(db, s.articleId, s.b).map((c) => c.id)).toContain(s.z);
    // B deletes hers too: now nobody holds it and the proposal goes.
    deleteClaim(db, { id: s.z, version: 0 }, s.b);
    expect(db.select().from(claims).where(eq(claims.id, s.z)).get()).toBeUndefined();
  });
});
