import type { TAdjudicationValues, TDisputeField } from "@claimdesk/types";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { claimDisputes, claimLayers } from "../schema";
import { createTestDb, spanOf } from "../testing";
import { adjudicate, adjudicationQueue } from "./adjudications";
import { listClaimsForArticle } from "./claims";
import {
  annotateAsA,
  annotateAsB,
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
  annotateAsB(db, s);
});
afterEach(() => db.$client.close());

const EMPTY: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

/** The gold rows of the article: [claim, status, registry source, likelihood, basis]. */
const gold = () =>
  db
    .select()
    .from(claimLayers)
    .where(eq(claimLayers.kind, "gold"))
    .orderBy(asc(claimLayers.claimId))
    .all()
    .map((g) => [g.claimId, g.status, g.sourceId, g.likelihood, g.basis]);

const disputes = () =>
  db
    .select({
      claimId: claimDisputes.claimId,
      fields: claimDisputes.fields,
      open: claimDisputes.open,
    })
    .from(claimDisputes)
    .orderBy(asc(claimDisputes.claimId))
    .all()
    .map((d) => [d.claimId, d.fields, d.open]);

function decide(
  claimId: number,
  fields: TDisputeField[],
  attribution = {},
  version: number | null = null,
) {
  return adjudicate(
    db,
    { claimId, values: EMPTY, attribution, decidedFields: fields, note: null, version },
    s.adjudicator.id,
  );
}

describe("gold", () => {
  it("is nothing while nobody submitted: drafts never make gold", () => {
    expect(gold()).toEqual([]);
    expect(disputes()).toEqual([]);
  });

  it("is the only submitted analyst's layer (basis single)", () => {
    submit(db, s, s.a);
    expect(gold()).toEqual([
      [s.x, "rejected", null, null, "single"],
      [s.y, "accepted", s.tehran, null, "single"],
      [s.w, "accepted", null, "likely", "single"],
      // U: untouched, no gold row. Z: A's hand-made claim.
      [s.z, "accepted", null, null, "single"],
    ]);
    expect(disputes()).toEqual([]);
    // Viewers read gold over the suggestions: A's decisions, her claim Z.
    const seen = listClaimsForArticle(db, s.articleId, s.viewer).map((c) => [
      c.id,
      c.layer,
      c.status,
      c.sourceId,
    ]);
    expect(seen).toEqual([
      [s.x, "gold", "rejected", null],
      [s.y, "gold", "accepted", s.tehran],
      [s.z, "gold", "accepted", null],
      [s.w, "gold", "accepted", null],
      [s.u, "proposal", "suggested", null],
    ]);
  });

  it("merges what both agree on (unanimous) and holds back each disputed unit", () => {
    submit(db, s, s.a);
    submit(db, s, s.b);
    expect(gold()).toEqual([[s.w, "accepted", null, "likely", "unanimous"]]);
    expect(disputes()).toEqual([
      [s.x, ["existence"], true],
      [s.y, ["sourceId"], true],
      [s.z, ["existence"], true],
    ]);
    const queue = adjudicationQueue(db, { status: "open", page: 1 });
    expect(queue.counts).toEqual({ open: 3, resolved: 0 });
    expect(queue.items.map((i) => [i.claim.id, i.disputedFields, i.claim.handMade])).toEqual([
      [s.x, ["existence"], false],
      [s.y, ["sourceId"], false],
      [s.z, ["existence"], true],
    ]);
    const y = queue.items[1];
    expect(y?.analysts.map((a) => [a.analyst.name, a.existence, a.sourceName])).toEqual([
      ["Ana", "yes", "Tehran"],
      ["Ben", "yes", "A spokesman"],
    ]);
    // The viewer sees the disputed suggestions as suggested and no Z until decided.
    expect(
      listClaimsForArticle(db, s.articleId, s.viewer).map((c) => [c.id, c.layer, c.status]),
    ).toEqual([
      [s.x, "proposal", "suggested"],
      [s.y, "proposal", "suggested"],
      [s.w, "gold", "accepted"],
      [s.u, "proposal", "suggested"],
    ]);
  });

  it("takes the adjudicator's decision on each disputed field (basis adjudicated), resolving them", () => {
    submit(db, s, s.a);
    submit(db, s, s.b);
    decide(s.x, ["existence"], { status: "accepted" });
    decide(s.y, ["sourceId"], { sourceId: s.tehran });
    decide(s.z, ["existence"], { status: "rejected" });
    expect(gold()).toEqual(
      [
        [s.x, "accepted", null, null, "adjudicated"],
        [s.y, "accepted", s.tehran, null, "adjudicated"],
        [s.z, "rejected", null, null, "adjudicated"],
        [s.w, "accepted", null, "likely", "unanimous"],
      ].sort((p, q) => (p[0] as number) - (q[0] as number)),
    );
    expect(disputes()).toEqual([
      [s.x, ["existence"], false],
      [s.y, ["sourceId"], false],
      [s.z, ["existence"], false],
    ]);
    expect(adjudicationQueue(db, { status: "open", page: 1 }).counts).toEqual({
      open: 0,
      resolved: 3,
    });
    // X's gold takes the spans of the analyst who said it exists (B, as suggested).
    const x = db.select().from(claimLayers).where(eq(claimLayers.claimId, s.x)).all();
    expect(x.find((l) => l.kind === "gold")).toMatchObject({
      contentText: "the talks resumed on Monday",
      sourceText: "Officials in Baghdad",
      cueText: "said",
    });
    const viewer = listClaimsForArticle(db, s.articleId, s.viewer);
    expect(viewer.map((c) => [c.id, c.status, c.sourceId, c.gold?.basis])).toEqual([
      [s.x, "accepted", null, "adjudicated"],
      [s.y, "accepted", s.tehran, "adjudicated"],
      [s.z, "rejected", null, "adjudicated"],
      [s.w, "accepted", null, "unanimous"],
      [s.u, "suggested", null, undefined],
    ]);
  });

  it("takes decided spans and keeps a dispute open while a disputed field is undecided", () => {
    submit(db, s, s.a);
    submit(db, s, s.b);
    // Judgement only (the default decided fields): X's existence stays undecided.
    const first = adjudicate(
      db,
      { claimId: s.x, values: { ...EMPTY, likelihood: "likely" }, note: "later", version: null },
      s.adjudicator.id,
    );
    expect(first.decidedFields).not.toContain("existence");
    // A field nobody disputes (quote type) does not settle Y's source either.
    decide(s.y, ["quoteType"], { quoteType: "direct" });
    expect(disputes()).toEqual([
      [s.x, ["existence"], true],
      [s.y, ["sourceId"], true],
      [s.z, ["existence"], true],
    ]);
    expect(gold()).toEqual([[s.w, "accepted", null, "likely", "unanimous"]]);
    expect(adjudicationQueue(db, { status: "open", page: 1 }).counts).toEqual({
      open: 3,
      resolved: 0,
    });
    // Deciding existence resolves X; the content span the adjudicator edited (undisputed) is
    // the gold's too.
    decide(
      s.x,
      ["existence", "content"],
      { status: "accepted", content: spanOf(TEXT, "the talks resumed") },
      first.version,
    );
    expect(disputes()[0]).toEqual([s.x, ["existence"], false]);
    const x = db.select().from(claimLayers).where(eq(claimLayers.kind, "gold")).all()[0];
    expect(x).toMatchObject({
      claimId: s.x,
      status: "accepted",
      contentText: "the talks resumed",
      contentStart: TEXT.indexOf("the talks resumed"),
      sourceText: "Officials in Baghdad",
      basis: "adjudicated",
    });
  });

  it("keeps agreed judgement values over a decision's defaults, takes an explicit attribution", () => {
    submit(db, s, s.a);
    submit(db, s, s.b);
    // W is unanimous (likely). A decision with judgement values only (decided by default) does
    // not override what the analysts agree on.
    const first = adjudicate(
      db,
      { claimId: s.w, values: { ...EMPTY, likelihood: "unlikely" }, note: null, version: null },
      s.adjudicator.id,
    );
    expect(gold().find((g) => g[0] === s.w)).toEqual([
      s.w,
      "accepted",
      null,
      "likely",
      "unanimous",
    ]);
    // An attribution field the adjudicator sets explicitly is the gold's.
    decide(s.w, ["quoteType"], { quoteType: "direct" }, first.version);
    const w = db.select().from(claimLayers).where(eq(claimLayers.kind, "gold")).all();
    expect(w.find((g) => g.claimId === s.w)).toMatchObject({
      quoteType: "direct",
      likelihood: "likely",
      basis: "adjudicated",
    });
  });
});
