import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations, auditEvents, claimLayers, claims } from "../schema";
import { createTestDb, insertTestArticle, insertTestSuggestion, spanOf } from "../testing";
import { submitAnnotation, upsertAnnotation } from "./annotations";
import { createClaim, deleteClaim, getClaimWithDetails, updateClaim } from "./claims";
import { ForbiddenError, NotFoundError } from "./errors";
import { articleSubmittedAt, submitArticle } from "./submissions";
import {
  annotateAsA,
  seedTwoAnalysts,
  submit,
  TEXT,
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

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Everything stored about claims, layers and annotations, to check a refused write wrote nothing. */
const snapshot = () => ({
  claims: db.select().from(claims).all(),
  layers: db.select().from(claimLayers).all(),
  annotations: db.select().from(annotations).all(),
  audit: db.select().from(auditEvents).all().length,
});

describe("submitArticle", () => {
  it("submits the analyst's layer of the article once, marks their annotations, and audits it", () => {
    upsertAnnotation(db, { claimId: s.y, analystId: s.a.id, values: { verdict: "refuted" } });
    upsertAnnotation(db, { claimId: s.y, analystId: s.b.id, values: { verdict: "supported" } });
    expect(articleSubmittedAt(db, s.articleId, s.a.id)).toBeNull();
    const first = submitArticle(db, { articleId: s.articleId, analystId: s.a.id });
    // U is the only suggestion A neither accepted nor rejected.
    expect(first).toMatchObject({ articleId: s.articleId, analystId: s.a.id, undecided: 1 });
    expect(articleSubmittedAt(db, s.articleId, s.a.id)).toBe(first.submittedAt);
    const submittedOf = (analystId: number) =>
      db
        .select({ at: annotations.submittedAt })
        .from(annotations)
        .where(eq(annotations.analystId, analystId))
        .all()
        .map((r) => r.at !== null);
    // A's annotations (W's and Y's) are submitted; B's draft stays a draft.
    expect(submittedOf(s.a.id)).toEqual([true, true]);
    expect(submittedOf(s.b.id)).toEqual([false]);
    // Again: nothing changes.
    expect(submitArticle(db, { articleId: s.articleId, analystId: s.a.id })).toEqual(first);
    const events = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "article"), eq(auditEvents.action, "submit")))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: s.articleId, actorId: s.a.id });
    expect(() => submitArticle(db, { articleId: 999, analystId: s.a.id })).toThrow(NotFoundError);
  });

  it("makes the layer final: every claim and annotation write on the article is refused", () => {
    submit(db, s, s.a);
    const before = snapshot();
    const y = getClaimWithDetails(db, s.y, s.a);
    const writes: [string, () => unknown][] = [
      [
        "updateClaim (own layer row)",
        () =>
          updateClaim(
            db,
            { id: s.y, version: y?.version ?? 0, patch: { status: "rejected" } },
            s.a,
          ),
      ],
      [
        "updateClaim (untouched suggestion)",
        () => updateClaim(db, { id: s.u, version: 0, patch: { status: "accepted" } }, s.a),
      ],
      [
        "upsertAnnotation (new)",
        () =>
          upsertAnnotation(db, { claimId: s.u, analystId: s.a.id, values: { verdict: "refuted" } }),
      ],
      [
        "upsertAnnotation (existing)",
        () =>
          upsertAnnotation(db, {
            claimId: s.w,
            analystId: s.a.id,
            version: 0,
            values: { likelihood: "unlikely" },
          }),
      ],
      [
        "createClaim",
        () => createClaim(db, { articleId: s.articleId, content: spanOf(TEXT, "Markets") }, s.a),
      ],
      ["deleteClaim (own hand-made)", () => deleteClaim(db, { id: s.z, version: 0 }, s.a)],
      [
        "deleteClaim (own layer of a suggestion)",
        () => deleteClaim(db, { id: s.x, version: 1 }, s.a),
      ],
    ];
    for (const [name, write] of writes) {
      const error = thrown(write);
      expect(error, name).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message, name).toMatch(
        new RegExp(`submitted your annotation of article ${s.articleId}`),
      );
    }
    expect(snapshot()).toEqual(before);
  });

  it("leaves the other analysts free to edit their own layer, and other articles open", () => {
    submit(db, s, s.a);
    const accepted = updateClaim(db, { id: s.x, version: 0, patch: { status: "accepted" } }, s.b);
    expect(accepted).toMatchObject({ status: "accepted", version: 1, layer: "analyst" });
    expect(
      upsertAnnotation(db, { claimId: s.x, analystId: s.b.id, values: { verdict: "supported" } }),
    ).toMatchObject({ verdict: "supported", submittedAt: null });
    const own = createClaim(
      db,
      { articleId: s.articleId, content: spanOf(TEXT, "Markets were calm") },
      s.b,
    );
    expect(deleteClaim(db, { id: own.id, version: 0 }, s.b)).toEqual({ id: own.id });
    // A's layer of X is untouched by B's edits.
    expect(getClaimWithDetails(db, s.x, s.a)).toMatchObject({ status: "rejected" });
    // A's other article is still open to A.
    const text = "Nothing happened, officials said.";
    const other = insertTestArticle(db, { text }).id;
    const suggestion = insertTestSuggestion(db, {
      articleId: other,
      text,
      content: "Nothing happened",
    });
    expect(
      updateClaim(db, { id: suggestion, version: 0, patch: { status: "accepted" } }, s.a),
    ).toMatchObject({ status: "accepted", version: 1 });
  });

  it("refuses a per-claim submit of another analyst's hand-made claim (not in their layer)", () => {
    const before = snapshot();
    expect(() => submitAnnotation(db, { claimId: s.z, analystId: s.b.id })).toThrow(NotFoundError);
    // Nothing written, nothing submitted: the claim is not B's to annotate.
    expect(snapshot()).toEqual(before);
    expect(articleSubmittedAt(db, s.articleId, s.b.id)).toBeNull();
  });
});
