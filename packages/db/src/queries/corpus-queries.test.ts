import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents, claims, sourceAliases, sources } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import { upsertAnnotation } from "./annotations";
import { countClaimTable, listClaimTable } from "./claim-table";
import { createClaim, updateClaim } from "./claims";
import { corpusStats } from "./corpus-stats";
import { getPropositionOverview } from "./proposition-overview";
import { listSourceRegistry, mergeSources } from "./source-merge";
import { createSource, matchOrCreateSource } from "./sources";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

const TEXT = "One said a. Two said b. Three said c. Four said d.";
const WORDS = ["a", "b", "c", "d"];

/** Three articles (one undated), four claims each. */
function seed() {
  const dates = ["2024-01-05", null, "2023-12-31"];
  return dates.flatMap((publishedAt, i) => {
    const text = `${TEXT} (${i})`;
    const article = insertTestArticle(db, { text, publishedAt, title: `A${i}` });
    return WORDS.map(
      (w) =>
        createClaim(db, { articleId: article.id, content: spanOf(text, `said ${w}`) }, analystId)
          .id,
    );
  });
}

describe("listClaimTable", () => {
  it("pages without gaps or overlaps in every sort", () => {
    const ids = seed();
    for (const field of ["id", "article", "status", "publishedAt", "source", "updatedAt"] as const)
      for (const direction of ["asc", "desc"] as const) {
        const seen: number[] = [];
        let cursor: number | null = 0;
        while (cursor !== null) {
          const page = listClaimTable(
            db,
            { sort: { field, direction }, limit: 5, cursor },
            analystId,
          );
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
        }
        expect(
          [...seen].sort((x, y) => x - y),
          `${field} ${direction}`,
        ).toEqual(ids);
      }
  });

  it("orders by article date with undated articles first ascending (SQLite sorts NULL lowest)", () => {
    const ids = seed();
    const page = listClaimTable(
      db,
      { sort: { field: "publishedAt", direction: "asc" } },
      analystId,
    );
    expect(page.items.map((r) => r.id)).toEqual([
      ...ids.slice(4, 8),
      ...ids.slice(8, 12),
      ...ids.slice(0, 4),
    ]);
    expect(page.items[0]).toMatchObject({
      publishedAt: null,
      articleTitle: "A1",
      status: "accepted",
    });
  });

  it("pages a search in id order through the FTS index, other facets still applied", () => {
    const ids = seed();
    // The analyst rejects one of their claims (in their own layer).
    updateClaim(db, { id: ids[1] ?? 0, version: 0, patch: { status: "rejected" } }, analystId);
    const pages = (
      filter: Parameters<typeof listClaimTable>[1]["filter"],
      direction: "asc" | "desc",
    ) => {
      const seen: number[] = [];
      let cursor: number | null = 0;
      while (cursor !== null) {
        const page = listClaimTable(
          db,
          { filter, sort: { field: "id", direction }, limit: 5, cursor },
          analystId,
        );
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      }
      return seen;
    };
    expect(pages({ query: "said" }, "desc")).toEqual([...ids].reverse());
    expect(pages({ query: "said", status: ["accepted"] }, "asc")).toEqual(
      ids.filter((_, i) => i !== 1),
    );
    expect(pages({ query: "said b" }, "asc")).toEqual([ids[1], ids[5], ids[9]]);
    expect(pages({ query: "nothing here" }, "desc")).toEqual([]);
  });

  it("counts up to the cap", () => {
    seed();
    expect(countClaimTable(db, { filter: {} }, analystId)).toEqual({ total: 12, capped: false });
    expect(countClaimTable(db, { filter: {}, cap: 12 }, analystId)).toEqual({
      total: 12,
      capped: false,
    });
    expect(countClaimTable(db, { filter: {}, cap: 11 }, analystId)).toEqual({
      total: 11,
      capped: true,
    });
    expect(countClaimTable(db, { filter: { query: "said b" } }, analystId)).toEqual({
      total: 3,
      capped: false,
    });
  });
});

describe("mergeSources", () => {
  it("moves claims, counters and alias rows; earlier merges follow; the importer then matches the kept source", () => {
    const text = "Tehran said a. Iran said b. Persia said c.";
    const article = insertTestArticle(db, { text });
    const tehran = createSource(db, { name: "Tehran" }, analystId);
    const iran = createSource(db, { name: "Iran", aliases: ["Islamic Republic"] }, analystId);
    const persia = createSource(db, { name: "Persia" }, analystId);
    for (const [w, s] of [
      ["a", tehran],
      ["b", iran],
      ["c", persia],
    ] as const)
      createClaim(
        db,
        { articleId: article.id, content: spanOf(text, `said ${w}`), sourceId: s.id },
        analystId,
      );

    mergeSources(db, { keepId: iran.id, mergeId: persia.id }, analystId);
    const result = mergeSources(db, { keepId: tehran.id, mergeId: iran.id }, analystId);
    expect(result.movedClaims).toBe(2);
    expect(result.kept).toMatchObject({
      aliases: ["Iran", "Islamic Republic", "Persia"],
      claimCount: 3,
    });
    expect(
      db
        .select()
        .from(claims)
        .all()
        .map((c) => c.sourceId),
    ).toEqual([tehran.id, tehran.id, tehran.id]);
    expect(db.select().from(sources).where(eq(sources.id, persia.id)).get()?.mergedIntoId).toBe(
      tehran.id,
    );
    expect(
      db.select().from(sourceAliases).where(eq(sourceAliases.sourceId, tehran.id)).all(),
    ).toHaveLength(4);
    expect(matchOrCreateSource(db, { name: "persia" })).toBe(tehran.id);
    expect(listSourceRegistry(db, {}).items.map((s) => [s.id, s.claimCount])).toEqual([
      [tehran.id, 3],
    ]);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "merge")).all()).toHaveLength(
      2,
    );
  });
});

describe("corpusStats and getPropositionOverview", () => {
  it("counts an empty corpus as zeros and refuses a missing proposition", () => {
    expect(corpusStats(db, analystId)).toEqual({
      totalClaims: 0,
      byStatus: [],
      annotated: 0,
      bySourceKind: [],
      byKindAndStance: [],
      byLikelihood: [],
    });
    expect(() => getPropositionOverview(db, 1, analystId)).toThrow("Proposition 1 not found");
  });

  it("counts the analyst's own view: their decisions and hand-made claims, nobody else's", () => {
    const text = TEXT;
    const article = insertTestArticle(db, { text }).id;
    const ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
    const org = createSource(db, { name: "Tehran", kind: "named_organization" }, analystId);
    const off = createSource(db, { name: "An official", kind: "unnamed_official" }, analystId);
    const suggest = (content: string, sourceId: number | null) =>
      insertTestSuggestion(db, { articleId: article, text, content, sourceId });
    const s1 = suggest("said a", org.id);
    const s2 = suggest("said b", org.id);
    const s3 = suggest("said c", null);
    const decide = (id: number, patch: Parameters<typeof updateClaim>[1]["patch"]) =>
      updateClaim(db, { id, version: 0, patch }, analystId);
    decide(s1, { status: "accepted" });
    decide(s2, { status: "rejected" });
    decide(s3, { status: "accepted", sourceId: off.id });
    const own = createClaim(
      db,
      { articleId: article, content: spanOf(text, "said d"), sourceId: off.id },
      analystId,
    );
    upsertAnnotation(db, {
      claimId: s1,
      analystId,
      values: { sourceStance: "support", likelihood: "likely" },
    });
    upsertAnnotation(db, { claimId: own.id, analystId, values: { sourceStance: "deny" } });
    // Ben's drafts: a hand-made claim citing Tehran, a judgement of s2.
    createClaim(db, { articleId: article, content: spanOf(text, "Four"), sourceId: org.id }, ben);
    upsertAnnotation(db, { claimId: s2, analystId: ben, values: { likelihood: "unlikely" } });

    const stats = corpusStats(db, analystId);
    const byKey = <T>(rows: T[], key: (r: T) => string) =>
      [...rows].sort((x, y) => key(x).localeCompare(key(y)));
    expect(stats.totalClaims).toBe(4);
    expect(byKey(stats.byStatus, (r) => r.status)).toEqual([
      { status: "accepted", count: 3 },
      { status: "rejected", count: 1 },
    ]);
    // Tehran: s1, s2 (rejected, still citing it); the official: s3 (re-linked) and own.
    expect(byKey(stats.bySourceKind, (r) => String(r.kind))).toEqual([
      { kind: "named_organization", count: 2 },
      { kind: "unnamed_official", count: 2 },
    ]);
    expect(stats.annotated).toBe(2);
    expect(byKey(stats.byKindAndStance, (r) => String(r.kind))).toEqual([
      { kind: "named_organization", stance: "support", count: 1 },
      { kind: "unnamed_official", stance: "deny", count: 1 },
    ]);
    expect(stats.byLikelihood).toEqual([{ likelihood: "likely", count: 1 }]);
    // Ben's own view: the three suggestions as suggested, his claim, his judgement.
    const benStats = corpusStats(db, ben);
    expect(benStats.byStatus.sort((x, y) => x.status.localeCompare(y.status))).toEqual([
      { status: "accepted", count: 1 },
      { status: "suggested", count: 3 },
    ]);
    expect(benStats.byLikelihood).toEqual([{ likelihood: "unlikely", count: 1 }]);
  });
});
