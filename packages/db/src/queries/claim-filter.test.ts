import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { claims } from "../schema";
import {
  createTestDb,
  insertTestArticle,
  insertTestSuggestion,
  insertTestUser,
  spanOf,
} from "../testing";
import { upsertAnnotation } from "./annotations";
import { claimFilterWhere, viewWhere } from "./claim-filter";
import { createClaim, updateClaim } from "./claims";
import { layer, layerJoin, type View } from "./layer-view";
import { createSource } from "./sources";
import { submitArticle } from "./submissions";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

const TEXT =
  "Tehran says it has funded allies. The senior Iraqi security source said the visit was quick.";

function seed() {
  const a = insertTestArticle(db, {
    text: TEXT,
    title: "Quds",
    publisher: "Reuters",
    publishedAt: "2024-02-06T10:00:00Z",
  });
  const b = insertTestArticle(db, {
    text: `${TEXT} Again.`,
    title: "Other",
    publisher: "AP",
    publishedAt: "2024-03-01",
  });
  const tehran = createSource(db, { name: "Tehran", kind: "named_organization" }, analystId);
  const unnamed = createSource(
    db,
    { name: "the senior Iraqi security source", kind: "unnamed_official" },
    analystId,
  );
  const c1 = createClaim(
    db,
    { articleId: a.id, content: spanOf(TEXT, "it has funded allies"), sourceId: tehran.id },
    analystId,
  );
  const c2 = createClaim(
    db,
    { articleId: a.id, content: spanOf(TEXT, "the visit was quick"), sourceId: unnamed.id },
    analystId,
  );
  const c3 = createClaim(
    db,
    { articleId: b.id, content: spanOf(TEXT, "it has funded allies"), sourceId: tehran.id },
    analystId,
  );
  upsertAnnotation(db, {
    claimId: c1.id,
    analystId,
    values: { sourceStance: "deny", likelihood: "likely", tags: ["control"] },
  });
  return { c1, c2, c3, tehran };
}

/** The claims `filter` selects in `view` (the analyst's own layer unless given). */
function ids(filter: Parameters<typeof claimFilterWhere>[0], view?: View): number[] {
  const v: View = view ?? { kind: "analyst", analystId };
  return db
    .select({ id: claims.id })
    .from(claims)
    .leftJoin(layer, layerJoin(v))
    .where(viewWhere(filter, v))
    .orderBy(claims.id)
    .all()
    .map((r) => r.id);
}

describe("claimFilterWhere", () => {
  it("selects everything for an empty filter", () => {
    const { c1, c2, c3 } = seed();
    expect(claimFilterWhere({}, { kind: "analyst", analystId })).toBeUndefined();
    expect(claimFilterWhere({}, { kind: "gold" })).toBeUndefined();
    expect(ids({})).toEqual([c1.id, c2.id, c3.id]);
  });

  it("filters by source, source kind, publisher and date range", () => {
    const { c1, c2, c3, tehran } = seed();
    expect(ids({ sourceId: [tehran.id] })).toEqual([c1.id, c3.id]);
    expect(ids({ sourceKind: ["unnamed_official"] })).toEqual([c2.id]);
    expect(ids({ publisher: ["AP"] })).toEqual([c3.id]);
    expect(ids({ dateFrom: "2024-02-01", dateTo: "2024-02-06" })).toEqual([c1.id, c2.id]);
  });

  it("filters by annotation facets, tags and full text, combined with AND", () => {
    const { c1, c2 } = seed();
    expect(ids({ sourceStance: ["deny"], likelihood: ["likely"] })).toEqual([c1.id]);
    expect(ids({ sourceStance: ["support"] })).toEqual([]);
    expect(ids({ tag: ["control"] })).toEqual([c1.id]);
    expect(ids({ query: "visit quick", status: ["accepted"] })).toEqual([c2.id]);
    expect(ids({ query: '"); DROP TABLE claims;--' })).toEqual([]);
  });
});

describe("claimFilterWhere in views", () => {
  it("matches each analyst's own decisions, and gold's for the gold view", () => {
    const { c1, c2, c3, tehran } = seed();
    const other = insertTestUser(db, { name: "Other", role: "analyst" }).id;
    const article = c1.articleId;
    // A suggestion citing Tehran: the analyst re-links it to another source in their layer.
    const iraqi = createSource(db, { name: "Iraqi source", kind: "unnamed_official" }, analystId);
    const s = insertTestSuggestion(db, {
      articleId: article,
      text: TEXT,
      content: "the visit was quick",
      sourceId: tehran.id,
    });
    updateClaim(
      db,
      { id: s, version: 0, patch: { status: "accepted", sourceId: iraqi.id } },
      analystId,
    );
    const mine: View = { kind: "analyst", analystId };
    const theirs: View = { kind: "analyst", analystId: other };
    const gold: View = { kind: "gold" };
    // Mine: my hand-made claims and my decision on the suggestion.
    expect(ids({ sourceId: [tehran.id] }, mine)).toEqual([c1.id, c3.id]);
    expect(ids({ sourceId: [iraqi.id] }, mine)).toEqual([s]);
    expect(ids({ status: ["accepted"] }, mine)).toEqual([c1.id, c2.id, c3.id, s]);
    // The other analyst: none of my hand-made claims, the suggestion as the rule made it.
    expect(ids({}, theirs)).toEqual([s]);
    expect(ids({ sourceId: [tehran.id] }, theirs)).toEqual([s]);
    expect(ids({ status: ["suggested"] }, theirs)).toEqual([s]);
    expect(ids({ likelihood: ["likely"] }, theirs)).toEqual([]);
    // Gold, before anyone submitted: only the suggestion, as suggested; no judgement yet.
    expect(ids({}, gold)).toEqual([s]);
    expect(ids({ tag: ["control"] }, gold)).toEqual([]);
    expect(ids({ likelihood: ["likely"] }, gold)).toEqual([]);
    // I submit article a: my layer of it is the gold (the other article stays mine alone).
    submitArticle(db, { articleId: article, analystId });
    expect(ids({}, gold)).toEqual([c1.id, c2.id, s]);
    expect(ids({ sourceId: [iraqi.id] }, gold)).toEqual([s]);
    expect(ids({ likelihood: ["likely"], sourceStance: ["deny"] }, gold)).toEqual([c1.id]);
    expect(ids({ tag: ["control"] }, gold)).toEqual([c1.id]);
    // The other analyst's view is unchanged by my submission.
    expect(ids({}, theirs)).toEqual([s]);
  });
});
