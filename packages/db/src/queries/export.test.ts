import {
  CANONICAL_SCHEMA_VERSION,
  type TCanonicalClaimLine,
  type TCanonicalEntityLine,
} from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { articles, propositions, sources, users } from "../schema";
import { createTestDb, insertTestArticle, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import { createClaim } from "./claims";
import {
  countExportClaims,
  type ExportClaim,
  finishCanonicalImport,
  insertCanonicalLines,
  isUnfilteredSelection,
  iterateExportClaims,
  iterateUnclaimedEntities,
  newCanonicalImportState,
} from "./export";
import { createSource } from "./sources";
import { submitArticle } from "./submissions";

const TEXT =
  'A senior Iraqi security source said the militias answer to Tehran. "We decide on our own," a commander told Reuters.';

let db: Db;
let ana: number;
beforeEach(() => {
  db = createTestDb();
  ana = db.insert(users).values({ name: "Ana" }).returning().get().id;
  const source = createSource(
    db,
    { name: "Kataib Hezbollah", aliases: ["KH"], kind: "named_organization" },
    ana,
  );
  const article = insertTestArticle(db, { text: TEXT, publisher: "Wire" });
  const outer = createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(TEXT, '"We decide on our own,"'),
      cue: spanOf(TEXT, "told"),
      sourceId: source.id,
    },
    ana,
  );
  // Nested in the outer claim, and first in the text: a child before its parent.
  createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(TEXT, "the militias answer to Tehran"),
      cue: spanOf(TEXT, "said"),
      parentClaimId: outer.id,
    },
    ana,
  );
  upsertAnnotation(db, {
    claimId: outer.id,
    analystId: ana,
    values: { verdict: "supported", tags: ["a", "b"] },
  });
  // Exports read the gold layer: Ana's, once she submits the article.
  submitArticle(db, { articleId: article.id, analystId: ana });
});
afterEach(() => db.$client.close());

/** A canonical line built from an exported claim, as the export package writes it. */
function toLine(c: ExportClaim, withText: boolean): TCanonicalClaimLine {
  const span = (s: { start: number; end: number; exact: string } | null) =>
    s === null ? null : { ...s, prefix: "", suffix: "" };
  const { text, ...article } = c.article;
  return {
    schemaVersion: CANONICAL_SCHEMA_VERSION,
    claim: {
      id: c.id,
      status: c.status,
      origin: c.origin,
      score: c.score,
      quoteType: c.quoteType,
      cueLemma: c.cueLemma,
      parentClaimId: c.parentClaimId,
      version: c.version,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    },
    article: withText ? { ...article, text } : article,
    spans: {
      content: { ...c.content, prefix: "", suffix: "" },
      sourceMention: span(c.sourceMention),
      cue: span(c.cue),
    },
    source: c.source,
    proposition: c.proposition,
    annotations: c.annotations,
    adjudicated: null,
    ...(c.layers ? { inGoldLayer: c.inLayer ?? false, layers: c.layers } : {}),
  };
}

describe("iterateExportClaims", () => {
  it("yields claims in text order with source, annotations and one shared article object", () => {
    const out = [...iterateExportClaims(db, {})];
    expect(out.map((c) => c.content.exact)).toEqual([
      "the militias answer to Tehran",
      '"We decide on our own,"',
    ]);
    expect(out[0]?.article).toBe(out[1]?.article);
    expect(out[1]?.source).toMatchObject({ name: "Kataib Hezbollah", aliases: ["KH"] });
    expect(out[1]?.annotations).toEqual([
      expect.objectContaining({
        analyst: { id: ana, name: "Ana" },
        verdict: "supported",
        tags: ["a", "b"],
      }),
    ]);
    expect(out[0]?.parentClaimId).toBe(out[1]?.id);
    expect(countExportClaims(db, {})).toBe(2);
    expect(countExportClaims(db, { tag: ["b"] })).toBe(1);
    expect([...iterateExportClaims(db, { publisher: ["Other"] })]).toEqual([]);
  });
});

describe("insertCanonicalLines", () => {
  it("imports lines (parent after child too) into an empty database and skips stored articles", () => {
    // With layers: the lossless round trip (the analysts' layers and submissions, then gold).
    const exported = [...iterateExportClaims(db, {}, { layers: true })];
    expect(exported.map((c) => [c.inLayer, c.layers?.map((l) => l.analyst?.name ?? null)])).toEqual(
      [
        [true, [null, "Ana"]],
        [true, [null, "Ana"]],
      ],
    );
    const lines = exported.map((c, i) => toLine(c, i === 0));
    const target = createTestDb();
    const state = newCanonicalImportState();
    const counts = insertCanonicalLines(target, state, lines);
    expect(counts).toMatchObject({ articles: 1, claims: 2, annotations: 1 });
    expect(finishCanonicalImport(target, state)).toBe(1);
    const back = [...iterateExportClaims(target, {})];
    expect(
      back.map((c) => [c.content.exact, c.source?.name ?? null, c.annotations.length]),
    ).toEqual(exported.map((c) => [c.content.exact, c.source?.name ?? null, c.annotations.length]));
    expect(back[0]?.parentClaimId).toBe(back[1]?.id);
    expect(countExportClaims(target, { tag: ["a"] })).toBe(1);
    // Ana's layer and the gold made from it came back (parents as the new ids).
    const layered = [...iterateExportClaims(target, {}, { layers: true })];
    const ana = (c: ExportClaim) => {
      const { parentClaimId: _p, ...rest } = c.layers?.[1] ?? {};
      return [c.status, c.inLayer, rest];
    };
    expect(layered.map(ana)).toEqual(exported.map(ana));
    expect(layered[0]?.layers?.[1]?.parentClaimId).toBe(layered[1]?.id);

    const again = insertCanonicalLines(target, newCanonicalImportState(), lines);
    expect(again).toMatchObject({ articles: 0, duplicateArticles: 1, claims: 0, skippedClaims: 2 });
    target.$client.close();
  });

  it("rolls back a failing batch and forgets what it had mapped", () => {
    const exported = [...iterateExportClaims(db, {})];
    const target = createTestDb();
    const state = newCanonicalImportState();
    // The second article line has no text and is not stored: the batch fails as a whole.
    const good = toLine(exported[0] as ExportClaim, true);
    const orphan = toLine(exported[1] as ExportClaim, false);
    orphan.article = { ...orphan.article, textSha256: "f".repeat(64) };
    expect(() => insertCanonicalLines(target, state, [good, orphan])).toThrow(/has no text/);
    expect(state.newArticles.size).toBe(0);
    expect(state.claimIds.size).toBe(0);
    expect(countExportClaims(target, {})).toBe(0);
    expect(insertCanonicalLines(target, state, [good])).toMatchObject({ articles: 1, claims: 1 });
    target.$client.close();
  });

  it("reads and writes what no claim carries: articles, unused sources and propositions", () => {
    const quiet = insertTestArticle(db, { text: "Nothing quoted here.", title: "Quiet" });
    createSource(db, { name: "Unused Agency", aliases: ["UA"], kind: "named_organization" }, null);
    db.insert(propositions).values({ text: "Nobody claims this" }).run();
    const entities = [...iterateUnclaimedEntities(db)];
    expect(entities).toMatchObject([
      { kind: "article", article: { id: quiet.id, text: "Nothing quoted here." } },
      { kind: "source", source: { name: "Unused Agency", aliases: ["UA"] } },
      { kind: "proposition", proposition: { text: "Nobody claims this" } },
    ]);
    const schemaVersion = CANONICAL_SCHEMA_VERSION;
    const lines = entities.map((e): TCanonicalEntityLine => {
      if (e.kind === "article") return { schemaVersion, kind: e.kind, article: e.article };
      if (e.kind === "source") return { schemaVersion, kind: e.kind, source: e.source };
      return { schemaVersion, kind: e.kind, proposition: e.proposition };
    });
    const target = createTestDb();
    const tally = () => ({
      articles: target.select().from(articles).all().length,
      sources: target.select().from(sources).all().length,
      propositions: target.select().from(propositions).all().length,
    });
    expect(insertCanonicalLines(target, newCanonicalImportState(), lines)).toMatchObject({
      articles: 1,
      claims: 0,
    });
    expect(tally()).toEqual({ articles: 1, sources: 1, propositions: 1 });
    expect(target.select().from(articles).get()).toMatchObject({ title: "Quiet" });
    const again = insertCanonicalLines(target, newCanonicalImportState(), lines);
    expect(again).toMatchObject({ articles: 0, duplicateArticles: 1 });
    expect(tally()).toEqual({ articles: 1, sources: 1, propositions: 1 });
    target.$client.close();
  });

  it("tells an unfiltered selection from a filtered one", () => {
    expect(isUnfilteredSelection({})).toBe(true);
    expect(isUnfilteredSelection({ status: [], query: "" })).toBe(true);
    expect(isUnfilteredSelection({ status: ["accepted"] })).toBe(false);
    expect(isUnfilteredSelection({ dateFrom: "2024-01-01" })).toBe(false);
  });
});
