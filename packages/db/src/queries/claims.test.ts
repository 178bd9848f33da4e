import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "../client";
import { migrateDb } from "../migrate";
import { annotations, auditEvents, claims, users } from "../schema";
import { createTestDb, insertTestArticle, insertTestSuggestion, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import {
  createClaim,
  deleteClaim,
  getClaimWithDetails,
  listClaimsForArticle,
  updateClaim,
} from "./claims";
import { ConflictError, InvalidInputError, InvalidSpanError, NotFoundError } from "./errors";
import { createSource } from "./sources";
import { ensureLocalAnalyst } from "./users";

const TEXT =
  'A senior Iraqi security source said the militias answer to Tehran. "We decide on our own," a commander told Reuters.';

let db: Db;
let analystId: number;
let articleId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
  articleId = insertTestArticle(db, { title: "Militias", text: TEXT }).id;
});
afterEach(() => db.$client.close());

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("createClaim", () => {
  it("stores an analyst's accepted claim with its spans, source, and an audit event", () => {
    const source = createSource(db, { name: "Iraqi security source" }, analystId);
    const claim = createClaim(
      db,
      {
        articleId,
        content: spanOf(TEXT, "the militias answer to Tehran"),
        sourceMention: spanOf(TEXT, "A senior Iraqi security source"),
        cue: spanOf(TEXT, "said"),
        cueLemma: "say",
        sourceId: source.id,
      },
      analystId,
    );
    expect(claim).toMatchObject({
      articleId,
      contentStart: TEXT.indexOf("the militias"),
      contentText: "the militias answer to Tehran",
      sourceStart: 0,
      sourceText: "A senior Iraqi security source",
      cueText: "said",
      cueLemma: "say",
      quoteType: "indirect",
      status: "accepted",
      origin: "analyst",
      score: null,
      version: 0,
      source: { ...source, claimCount: 1 },
      annotation: null,
    });
    expect(claim.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(db.select().from(claims).get()?.createdBy).toBe(analystId);
    expect(db.select().from(auditEvents).where(eq(auditEvents.entity, "claim")).all()).toEqual([
      expect.objectContaining({
        entityId: claim.id,
        action: "create",
        actorId: analystId,
        before: null,
        after: expect.objectContaining({ id: claim.id, contentText: claim.contentText }),
      }),
    ]);
  });

  it("rejects a span whose exact text differs from the article, naming the span", () => {
    const error = catchError(() =>
      createClaim(
        db,
        {
          articleId,
          content: spanOf(TEXT, "the militias answer to Tehran"),
          cue: { ...spanOf(TEXT, "said"), exact: "says" },
        },
        analystId,
      ),
    );
    expect(error).toBeInstanceOf(InvalidSpanError);
    expect(error).toMatchObject({ field: "cue" });
    expect((error as Error).message).toMatch(
      /cue span 31–35 reads "said" in article \d+, not "says"/,
    );
    expect(db.select().from(claims).all()).toEqual([]);
    expect(db.select().from(auditEvents).all()).toEqual([]);
  });

  it("rejects a span outside the article text", () => {
    const end = TEXT.length + 3;
    const error = catchError(() =>
      createClaim(
        db,
        { articleId, content: { start: TEXT.length - 2, end, exact: "xxxxx" } },
        analystId,
      ),
    );
    expect(error).toBeInstanceOf(InvalidSpanError);
    expect(error).toMatchObject({ field: "content" });
    expect((error as Error).message).toMatch(/content span .* lies outside article/);
  });

  it("names a missing article, source, proposition or parent", () => {
    const content = spanOf(TEXT, "Tehran");
    expect(() => createClaim(db, { articleId: 999, content }, analystId)).toThrow(
      new NotFoundError("Article", 999),
    );
    for (const [field, extra] of [
      ["sourceId", { sourceId: 77 }],
      ["propositionId", { propositionId: 77 }],
      ["parentClaimId", { parentClaimId: 77 }],
    ] as const) {
      const error = catchError(() => createClaim(db, { articleId, content, ...extra }, analystId));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field, message: expect.stringMatching(/77 does not exist/) });
    }
  });

  it("refuses a parent claim from another article", () => {
    const other = insertTestArticle(db, { text: "Tehran denied it." });
    const parent = createClaim(
      db,
      { articleId: other.id, content: spanOf("Tehran denied it.", "denied it") },
      analystId,
    );
    expect(() =>
      createClaim(
        db,
        { articleId, content: spanOf(TEXT, "Tehran"), parentClaimId: parent.id },
        analystId,
      ),
    ).toThrow(/belongs to article/);
  });
});

describe("listClaimsForArticle", () => {
  it("orders by position and attaches the source and only the calling analyst's annotation", () => {
    const other = db.insert(users).values({ name: "Other analyst" }).returning().get().id;
    const source = createSource(db, { name: "a commander" }, analystId);
    const late = createClaim(
      db,
      {
        articleId,
        content: spanOf(TEXT, "We decide on our own"),
        sourceId: source.id,
        quoteType: "direct",
      },
      analystId,
    );
    // A rule suggestion both analysts judge; it sits first in the text.
    const early = insertTestSuggestion(db, { articleId, text: TEXT, content: "A senior Iraqi" });
    upsertAnnotation(db, { claimId: late.id, analystId, values: { likelihood: "likely" } });
    upsertAnnotation(db, { claimId: early, analystId, values: { likelihood: "unlikely" } });
    upsertAnnotation(db, { claimId: early, analystId: other, values: { verdict: "refuted" } });

    const list = listClaimsForArticle(db, articleId, analystId);
    expect(list.map((c) => c.id)).toEqual([early, late.id]);
    expect(list[0]).toMatchObject({
      source: null,
      layer: "proposal",
      annotation: { analystId, likelihood: "unlikely", verdict: null },
    });
    expect(list[1]).toMatchObject({
      quoteType: "direct",
      layer: "analyst",
      source: { id: source.id, name: "a commander", claimCount: 1 },
      annotation: { analystId, likelihood: "likely", tags: [], version: 0 },
    });
    // The other analyst: the suggestion with their own annotation, none of my hand-made claims.
    const theirs = listClaimsForArticle(db, articleId, other);
    expect(theirs.map((c) => [c.id, c.annotation?.verdict, c.annotation?.likelihood])).toEqual([
      [early, "refuted", null],
    ]);
    expect(listClaimsForArticle(db, 999, analystId)).toEqual([]);
  });

  it("walks claims_article_idx in order: no table scan, no sort", () => {
    const plan = db.$client
      .prepare(
        `explain query plan ${
          db
            .select()
            .from(claims)
            .leftJoin(
              annotations,
              and(eq(annotations.claimId, claims.id), eq(annotations.analystId, 1)),
            )
            .where(eq(claims.articleId, 1))
            .orderBy(asc(claims.contentStart), asc(claims.id))
            .toSQL().sql
        }`,
      )
      .all(1, 1) as { detail: string }[];
    const details = plan.map((p) => p.detail).join("\n");
    expect(details).toContain("SEARCH claims USING INDEX claims_article_idx");
    expect(details).toContain("annotations_claim_analyst_uq");
    expect(details).not.toMatch(/TEMP B-TREE|SCAN claims/);
  });
});

describe("updateClaim", () => {
  it("applies a partial patch, bumps the version, and audits before and after", () => {
    const claim = createClaim(
      db,
      { articleId, content: spanOf(TEXT, "the militias"), cue: spanOf(TEXT, "said") },
      analystId,
    );
    const updated = updateClaim(
      db,
      {
        id: claim.id,
        version: 0,
        patch: {
          content: spanOf(TEXT, "the militias answer to Tehran"),
          cue: null,
          status: "rejected",
        },
      },
      analystId,
    );
    expect(updated).toMatchObject({
      id: claim.id,
      version: 1,
      contentText: "the militias answer to Tehran",
      cueStart: null,
      cueEnd: null,
      cueText: null,
      status: "rejected",
      quoteType: "indirect",
    });
    expect(getClaimWithDetails(db, claim.id, analystId)).toEqual(updated);
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "claim"), eq(auditEvents.action, "update")))
      .all();
    expect(audit).toEqual([
      expect.objectContaining({
        entityId: claim.id,
        actorId: analystId,
        before: expect.objectContaining({
          version: 0,
          contentText: "the militias",
          cueText: "said",
        }),
        after: expect.objectContaining({ version: 1, cueText: null, status: "rejected" }),
      }),
    ]);
  });

  it("throws a ConflictError with the current claim on a stale version, and writes nothing", () => {
    const claim = createClaim(db, { articleId, content: spanOf(TEXT, "the militias") }, analystId);
    const first = updateClaim(
      db,
      { id: claim.id, version: 0, patch: { quoteType: "mixed" } },
      analystId,
    );
    const error = catchError(() =>
      updateClaim(db, { id: claim.id, version: 0, patch: { status: "rejected" } }, analystId),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(
      `Claim ${claim.id} was changed elsewhere (version 1, you had 0)`,
    );
    expect((error as ConflictError).current).toEqual({ entity: "claim", record: first });
    expect(getClaimWithDetails(db, claim.id, analystId)).toEqual(first);
    expect(
      db.select().from(auditEvents).where(eq(auditEvents.action, "update")).all(),
    ).toHaveLength(1);
  });

  it("keeps two connections to one file (web app and worker) from losing an update", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimdesk-"));
    const web = openDb({ path: join(dir, "shared.db") });
    const other = openDb({ path: join(dir, "shared.db") });
    try {
      migrateDb(web);
      const actor = ensureLocalAnalyst(web);
      const text = "Tehran says it has funded allies.";
      const article = insertTestArticle(web, { text });
      const claim = createClaim(
        web,
        { articleId: article.id, content: spanOf(text, "funded") },
        actor,
      );
      // The other connection reads version 0, then the web app saves first.
      expect(getClaimWithDetails(other, claim.id, actor)?.version).toBe(0);
      updateClaim(web, { id: claim.id, version: 0, patch: { status: "rejected" } }, actor);
      expect(() =>
        updateClaim(other, { id: claim.id, version: 0, patch: { quoteType: "direct" } }, actor),
      ).toThrow(ConflictError);
      expect(getClaimWithDetails(web, claim.id, actor)).toMatchObject({
        version: 1,
        status: "rejected",
        quoteType: "indirect",
      });
    } finally {
      web.$client.close();
      other.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("throws NotFoundError for a missing claim and validates spans against its article", () => {
    expect(() =>
      updateClaim(db, { id: 42, version: 0, patch: { status: "accepted" } }, analystId),
    ).toThrow("Claim 42 not found");
    const claim = createClaim(db, { articleId, content: spanOf(TEXT, "the militias") }, analystId);
    expect(() =>
      updateClaim(
        db,
        {
          id: claim.id,
          version: 0,
          patch: { sourceMention: { start: 0, end: 5, exact: "Xseni" } },
        },
        analystId,
      ),
    ).toThrow(InvalidSpanError);
    expect(getClaimWithDetails(db, claim.id, analystId)?.version).toBe(0);
  });

  it("refuses to nest a claim inside its own descendant", () => {
    const outer = createClaim(db, { articleId, content: spanOf(TEXT, "the militias") }, analystId);
    const inner = createClaim(
      db,
      { articleId, content: spanOf(TEXT, "Tehran"), parentClaimId: outer.id },
      analystId,
    );
    expect(() =>
      updateClaim(db, { id: outer.id, version: 0, patch: { parentClaimId: inner.id } }, analystId),
    ).toThrow(/nested inside it/);
    expect(() =>
      updateClaim(db, { id: outer.id, version: 0, patch: { parentClaimId: outer.id } }, analystId),
    ).toThrow(/nested inside it/);
  });
});

describe("deleteClaim", () => {
  it("deletes with the current version, cascading annotations, and audits it", () => {
    const claim = createClaim(db, { articleId, content: spanOf(TEXT, "the militias") }, analystId);
    upsertAnnotation(db, { claimId: claim.id, analystId, values: { note: "check" } });
    expect(deleteClaim(db, { id: claim.id, version: 0 }, analystId)).toEqual({ id: claim.id });
    expect(db.select().from(claims).all()).toEqual([]);
    expect(db.select().from(annotations).all()).toEqual([]);
    expect(
      db.select().from(auditEvents).where(eq(auditEvents.action, "delete")).get(),
    ).toMatchObject({ entity: "claim", entityId: claim.id, after: null, before: { id: claim.id } });
  });

  it("refuses a stale version (ConflictError) and a missing claim (NotFoundError)", () => {
    const claim = createClaim(db, { articleId, content: spanOf(TEXT, "the militias") }, analystId);
    updateClaim(db, { id: claim.id, version: 0, patch: { status: "rejected" } }, analystId);
    expect(() => deleteClaim(db, { id: claim.id, version: 0 }, analystId)).toThrow(ConflictError);
    expect(db.select().from(claims).all()).toHaveLength(1);
    expect(() => deleteClaim(db, { id: 999, version: 0 }, analystId)).toThrow(NotFoundError);
  });
});
