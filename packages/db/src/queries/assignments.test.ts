import type { TAssignmentSetCreateInput } from "@claimdesk/types";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { assignments, auditEvents } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import { upsertAnnotation } from "./annotations";
import {
  assignedArticleIds,
  assignmentSetDetail,
  createAssignmentSet,
  dealAssignments,
  listAssignmentSets,
  myAssignmentSets,
  previewAssignmentSet,
} from "./assignments";
import { createClaim, updateClaim } from "./claims";
import { InvalidInputError } from "./errors";
import { submitArticle } from "./submissions";

const TEXT = "Tehran says it has funded allies. Baghdad says talks resumed. Critics say nothing.";

let db: Db;
let admin: number;
beforeEach(() => {
  db = createTestDb();
  admin = insertTestUser(db, { name: "Ada", role: "admin" }).id;
});
afterEach(() => db.$client.close());

function articlesN(n: number, publisher = "Daily"): number[] {
  return Array.from(
    { length: n },
    (_, i) =>
      insertTestArticle(db, {
        title: `${publisher} ${i}`,
        publisher,
        text: `${TEXT} ${publisher} ${i}`,
      }).id,
  );
}

/** A rule's suggestion in the article (every article's text starts with TEXT). */
function suggestion(articleId: number, content: string) {
  return insertTestSuggestion(db, { articleId, text: TEXT, content });
}

/** The analyst accepts or rejects a suggestion in their own layer. */
function decide(claimId: number, analystId: number, status: "accepted" | "rejected") {
  updateClaim(db, { id: claimId, version: 0, patch: { status } }, analystId);
}

function analysts(n: number): number[] {
  return Array.from(
    { length: n },
    (_, i) => insertTestUser(db, { name: `Analyst ${i}`, role: "analyst" }).id,
  );
}

/** Articles per analyst, and per article the analysts it went to. */
function tally(rows: { articleId: number; analystId: number }[]) {
  const perAnalyst = new Map<number, number>();
  const perArticle = new Map<number, number[]>();
  for (const r of rows) {
    perAnalyst.set(r.analystId, (perAnalyst.get(r.analystId) ?? 0) + 1);
    perArticle.set(r.articleId, [...(perArticle.get(r.articleId) ?? []), r.analystId]);
  }
  return { perAnalyst, perArticle };
}

describe("dealAssignments", () => {
  it("splits evenly (±1), doubles exactly round(n × %) articles with a different second analyst", () => {
    const cases: [number, number, number][] = [
      [101, 5, 15],
      [40, 6, 100],
      [3, 2, 100],
    ];
    for (let n = 1; n <= 24; n++)
      for (let k = 1; k <= 5; k++)
        for (const percent of [0, 10, 33, 50, 67, 100]) cases.push([n, k, percent]);
    for (const [n, k, percent] of cases) {
      const articleIds = Array.from({ length: n }, (_, i) => 1000 + i);
      const analystIds = Array.from({ length: k }, (_, i) => 1 + i);
      const deal = dealAssignments(articleIds, analystIds, percent, 42);
      const expectedDoubled = k < 2 ? 0 : Math.round((n * percent) / 100);
      expect(deal.doubled, `${n}/${k}/${percent}`).toBe(expectedDoubled);
      expect(deal.rows).toHaveLength(n + expectedDoubled);

      const { perAnalyst, perArticle } = tally(deal.rows);
      // Every article dealt; the doubled ones to two different analysts.
      expect([...perArticle.keys()].sort((a, b) => a - b)).toEqual(articleIds);
      const doubled = [...perArticle.values()].filter((who) => who.length === 2);
      expect(doubled).toHaveLength(expectedDoubled);
      for (const who of perArticle.values()) {
        expect(who.length).toBeLessThanOrEqual(2);
        expect(new Set(who).size).toBe(who.length);
      }
      // Everyone's total (doubled articles included) differs by at most one.
      const loads = analystIds.map((a) => perAnalyst.get(a) ?? 0);
      expect(Math.max(...loads) - Math.min(...loads), `${n}/${k}/${percent}`).toBeLessThanOrEqual(
        1,
      );
    }
  });

  it("spreads the doubled articles over every pair of analysts", () => {
    const deal = dealAssignments(
      Array.from({ length: 60 }, (_, i) => i + 1),
      [1, 2, 3, 4],
      100,
      7,
    );
    const pairs = new Map<string, number>();
    for (const who of tally(deal.rows).perArticle.values()) {
      const key = [...who].sort().join("-");
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    // 60 doubled articles over the 6 pairs of 4 analysts: 10 each, give or take one.
    expect(pairs.size).toBe(6);
    expect(Math.min(...pairs.values())).toBeGreaterThanOrEqual(9);
    expect(Math.max(...pairs.values())).toBeLessThanOrEqual(11);
  });

  it("deals the same way for the same seed, and differently for another", () => {
    const ids = Array.from({ length: 30 }, (_, i) => i + 1);
    const a = dealAssignments(ids, [5, 6, 7], 40, 123);
    expect(dealAssignments([...ids].reverse(), [7, 5, 6], 40, 123)).toEqual(a);
    expect(dealAssignments(ids, [5, 6, 7], 40, 124)).not.toEqual(a);
  });
});

describe("createAssignmentSet", () => {
  it("saves the deal, audits it, and reports per-analyst progress", () => {
    const ids = articlesN(6);
    const [ana, ben] = analysts(2) as [number, number];
    const input: TAssignmentSetCreateInput = {
      label: "Week 1",
      articleIds: ids,
      analystIds: [ana, ben],
      overlapPercent: 50,
      seed: 9,
    };
    const preview = previewAssignmentSet(db, input);
    expect(db.select().from(assignments).all()).toHaveLength(0);
    const set = createAssignmentSet(db, input, admin);
    expect(set).toEqual({ id: set.id, ...preview });
    expect(set).toMatchObject({ articles: 6, doubleAnnotated: 3, seed: 9 });
    expect(set.analysts.map((a) => a.articles).sort()).toEqual([4, 5]);
    expect(set.analysts.reduce((s, a) => s + a.articles, 0)).toBe(9);
    expect(set.analysts.every((a) => a.shared === 3)).toBe(true);
    expect(db.select().from(assignments).where(eq(assignments.setId, set.id)).all()).toHaveLength(
      9,
    );

    const audit = db.select().from(auditEvents).where(eq(auditEvents.entity, "assignment")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: set.id, action: "create", actorId: admin });
    expect(audit[0]?.after).toMatchObject({ label: "Week 1", seed: 9, overlapPercent: 50 });

    // Progress: in one of her articles Ana accepts and annotates one suggestion, leaves one and
    // rejects one (in her own layer), then submits the article.
    const anaArticles = assignedArticleIds(db, ana);
    const first = anaArticles[0] as number;
    const c1 = suggestion(first, "talks resumed");
    suggestion(first, "nothing");
    const critics = suggestion(first, "Critics");
    decide(c1, ana, "accepted");
    decide(critics, ana, "rejected");
    upsertAnnotation(db, { claimId: c1, analystId: ana, values: { likelihood: "likely" } });
    // Ben's decisions and his hand-made claim in the same article are his: not Ana's progress.
    decide(critics, ben, "accepted");
    createClaim(db, { articleId: first, content: spanOf(TEXT, "Tehran says") }, ben);
    submitArticle(db, { articleId: first, analystId: ana });

    const [listed] = listAssignmentSets(db);
    expect(listed).toMatchObject({
      id: set.id,
      label: "Week 1",
      filter: null,
      overlapPercent: 50,
      createdBy: "Ada",
      articles: 6,
      doubleAnnotated: 3,
    });
    const anaRow = listed?.analysts.find((a) => a.analystId === ana);
    expect(anaRow).toMatchObject({ claims: 2, annotated: 1, submitted: 1, pending: 1 });
    expect(anaRow?.articles).toBe(anaArticles.length);

    const detail = assignmentSetDetail(db, set.id);
    expect(detail.articleList).toHaveLength(6);
    expect(detail.articleList.filter((a) => a.analystIds.length === 2)).toHaveLength(3);
    expect(myAssignmentSets(db, ana)).toEqual([
      expect.objectContaining({
        setId: set.id,
        label: "Week 1",
        claims: 2,
        annotated: 1,
        submitted: 1,
      }),
    ]);
  });

  it("selects by a claims-table filter: every article with a matching claim", () => {
    const daily = articlesN(3, "Daily");
    const weekly = articlesN(2, "Weekly");
    const [ana, ben] = analysts(2) as [number, number];
    // The team's (gold) view decides: accepted in a submitted layer (daily 0, weekly 0); a
    // suggestion nobody decided (daily 1) and a draft acceptance (daily 2) are not.
    for (const articleId of [daily[0], weekly[0]] as number[]) {
      decide(suggestion(articleId, "talks resumed"), ben, "accepted");
      submitArticle(db, { articleId, analystId: ben });
    }
    suggestion(daily[1] as number, "talks resumed");
    decide(suggestion(daily[2] as number, "talks resumed"), ben, "accepted");
    const set = createAssignmentSet(
      db,
      {
        label: "Accepted at Daily",
        filter: { status: ["accepted"], publisher: ["Daily"] },
        filterSearch: "?status=accepted&publisher=Daily",
        analystIds: [ana],
        overlapPercent: 0,
      },
      admin,
    );
    expect(assignedArticleIds(db, ana)).toEqual([daily[0]]);
    expect(listAssignmentSets(db)[0]?.filter).toBe("status=accepted&publisher=Daily");
    expect(set.articles).toBe(1);
    expect(() =>
      createAssignmentSet(
        db,
        {
          label: "None",
          filter: { publisher: ["Nobody"] },
          filterSearch: "publisher=Nobody",
          analystIds: [ana],
          overlapPercent: 0,
        },
        admin,
      ),
    ).toThrow(InvalidInputError);
  });

  it("refuses viewers, disabled users and missing articles with a field error", () => {
    const ids = articlesN(2);
    const [ana] = analysts(1) as [number];
    const vic = insertTestUser(db, { name: "Vic", role: "viewer" }).id;
    const gone = insertTestUser(db, { name: "Gone", role: "analyst", disabled: true }).id;
    const judy = insertTestUser(db, { name: "Judy", role: "adjudicator" }).id;
    const attempt = (analystIds: number[], articleIds = ids) => {
      try {
        createAssignmentSet(db, { label: "x", articleIds, analystIds, overlapPercent: 0 }, admin);
        return null;
      } catch (e) {
        return e;
      }
    };
    expect(attempt([ana, vic])).toMatchObject({
      field: "analystIds",
      message: expect.stringContaining("viewer"),
    });
    expect(attempt([gone])).toMatchObject({
      field: "analystIds",
      message: expect.stringContaining("disabled"),
    });
    expect(attempt([999])).toMatchObject({ field: "analystIds" });
    expect(attempt([ana], [...ids, 9999])).toMatchObject({ field: "articleIds" });
    // Nothing half-written by the refused attempts.
    expect(db.select().from(assignments).all()).toHaveLength(0);
    // Adjudicators (and admins) can take assignments.
    expect(attempt([judy, admin])).toBeNull();
  });
});
