import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { claims } from "../schema";
import { createTestDb, insertTestArticle, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import { claimFilterWhere } from "./claim-filter";
import { createClaim } from "./claims";
import { createSource } from "./sources";
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

function ids(filter: Parameters<typeof claimFilterWhere>[0]): number[] {
  return db
    .select({ id: claims.id })
    .from(claims)
    .where(claimFilterWhere(filter))
    .orderBy(claims.id)
    .all()
    .map((r) => r.id);
}

describe("claimFilterWhere", () => {
  it("selects everything for an empty filter", () => {
    const { c1, c2, c3 } = seed();
    expect(claimFilterWhere({})).toBeUndefined();
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
