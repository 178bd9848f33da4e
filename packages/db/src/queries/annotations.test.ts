import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations, auditEvents, users } from "../schema";
import { createTestDb, insertTestArticle, insertTestSuggestion, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import { createClaim, deleteClaim } from "./claims";
import { ConflictError, NotFoundError } from "./errors";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
let claimId: number;
let suggestionId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
  const text = "Tehran says it has funded allies.";
  const article = insertTestArticle(db, { text });
  suggestionId = insertTestSuggestion(db, { articleId: article.id, text, content: "Tehran says" });
  claimId = createClaim(
    db,
    { articleId: article.id, content: spanOf(text, "it has funded allies") },
    analystId,
  ).id;
});
afterEach(() => db.$client.close());

describe("upsertAnnotation", () => {
  it("creates the analyst's first annotation at version 0, empty where not given", () => {
    const created = upsertAnnotation(db, {
      claimId,
      analystId,
      values: { likelihood: "likely", tags: ["funding", "iran", "funding"] },
    });
    expect(created).toEqual({
      id: expect.any(Number),
      claimId,
      analystId,
      sourceStance: null,
      reportingStance: null,
      likelihood: "likely",
      analyticConfidence: null,
      verdict: null,
      credibility: null,
      note: null,
      tags: ["funding", "iran"],
      submittedAt: null,
      version: 0,
      updatedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(db.select().from(auditEvents).where(eq(auditEvents.entity, "annotation")).all()).toEqual(
      [
        expect.objectContaining({
          entityId: created.id,
          action: "create",
          actorId: analystId,
          after: created,
        }),
      ],
    );
  });

  it("updates with the current version, keeping values left out, and audits it", () => {
    const created = upsertAnnotation(db, {
      claimId,
      analystId,
      values: { likelihood: "likely", note: "n" },
    });
    const updated = upsertAnnotation(db, {
      claimId,
      analystId,
      version: 0,
      values: { verdict: "supported", note: null },
    });
    expect(updated).toMatchObject({
      id: created.id,
      likelihood: "likely",
      verdict: "supported",
      note: null,
      version: 1,
    });
    expect(
      db.select().from(auditEvents).where(eq(auditEvents.action, "update")).get(),
    ).toMatchObject({ entity: "annotation", before: created, after: updated });
  });

  it("lets one of two saves from the same version win; the other gets a ConflictError with it", () => {
    upsertAnnotation(db, { claimId, analystId, values: {} });
    const save = (likelihood: "likely" | "unlikely") => () =>
      upsertAnnotation(db, { claimId, analystId, version: 0, values: { likelihood } });
    const winner = save("likely")();
    let conflict: unknown;
    try {
      save("unlikely")();
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toEqual({ entity: "annotation", record: winner });
    expect((conflict as Error).message).toMatch(/changed elsewhere \(version 1, you had 0\)/);
    expect(db.select().from(annotations).get()?.likelihood).toBe("likely");
  });

  it("refuses a create when one exists, and an update when none does", () => {
    // A rule suggestion: every analyst may annotate it.
    const claimId = suggestionId;
    const existing = upsertAnnotation(db, { claimId, analystId, values: {} });
    expect(() => upsertAnnotation(db, { claimId, analystId, version: null, values: {} })).toThrow(
      /already exists \(version 0\)/,
    );
    const other = db.insert(users).values({ name: "Other" }).returning().get().id;
    expect(() =>
      upsertAnnotation(db, { claimId, analystId: other, version: 3, values: {} }),
    ).toThrow(ConflictError);
    expect(db.select().from(annotations).all()).toEqual([
      expect.objectContaining({ id: existing.id, version: 0 }),
    ]);
  });

  it("refuses an annotation of another analyst's hand-made claim (not in their layer)", () => {
    const other = db.insert(users).values({ name: "Other" }).returning().get().id;
    expect(() => upsertAnnotation(db, { claimId, analystId: other, values: {} })).toThrow(
      NotFoundError,
    );
    expect(db.select().from(annotations).all()).toEqual([]);
  });

  it("throws NotFoundError for a missing claim", () => {
    deleteClaim(db, { id: claimId, version: 0 }, analystId);
    expect(() => upsertAnnotation(db, { claimId, analystId, values: {} })).toThrow(NotFoundError);
  });
});
