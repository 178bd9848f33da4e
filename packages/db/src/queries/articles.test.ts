import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { articles } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import {
  articleLayers,
  getArticle,
  getArticleWithClaims,
  listArticles,
  toFtsQuery,
} from "./articles";
import { createClaim } from "./claims";
import { NotFoundError } from "./errors";
import { submitArticle } from "./submissions";
import { annotateAsA, seedTwoAnalysts, submit } from "./two-analysts.fixture";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

function seed() {
  const quds = insertTestArticle(db, {
    title: "Quds Force commander visits Baghdad",
    publisher: "Reuters",
    publishedAt: "2024-02-01",
    text: "Iran's Quds Force commander met militia leaders, two Iraqi sources said. ".repeat(5),
  });
  const oil = insertTestArticle(db, {
    title: "Oil exports resume",
    text: "Exports through the northern pipeline resumed on Monday, the ministry said.",
  });
  const drones = insertTestArticle(db, {
    title: "Drone strike near the border",
    text: "A drone struck a convoy; officials blamed militias backed by Tehran.",
  });
  return { quds, oil, drones };
}

describe("toFtsQuery", () => {
  it("quotes every token, doubles inner quotes, and prefix-matches the last", () => {
    expect(toFtsQuery("quds force")).toBe('"quds" "force"*');
    expect(toFtsQuery('say "hi')).toBe('"say" """hi"*');
    expect(toFtsQuery("NEAR(a b) AND -c")).toBe('"NEAR(a" "b)" "AND" "-c"*');
    expect(toFtsQuery('" * - ( )')).toBeNull();
  });
});

describe("listArticles", () => {
  it("lists newest first with claim counts, a 200-character snippet and the total", () => {
    const { quds, oil, drones } = seed();
    const text = quds.text;
    createClaim(
      db,
      { articleId: quds.id, content: spanOf(text, "met militia leaders") },
      analystId,
    );
    createClaim(db, { articleId: quds.id, content: spanOf(text, "Quds Force") }, analystId);

    const page = listArticles(db, {}, analystId);
    expect(page.total).toBe(3);
    expect(page.items.map((a) => a.id)).toEqual([drones.id, oil.id, quds.id]);
    expect(page.items[2]).toEqual({
      id: quds.id,
      title: "Quds Force commander visits Baghdad",
      publisher: "Reuters",
      publishedAt: "2024-02-01",
      createdAt: quds.createdAt,
      claimCount: 2,
      snippet: text.slice(0, 200),
    });
    const second = listArticles(db, { limit: 2, offset: 2 }, analystId);
    expect(second).toEqual({ items: [page.items[2]], total: 3 });
    // The counts are the reader's view: another analyst's drafts are not in them, nor in the
    // gold (the default, a viewer's) until submitted; a search counts the same way.
    const count = (reader?: Parameters<typeof listArticles>[2], query?: string) =>
      listArticles(db, query ? { query } : {}, reader).items.find((a) => a.id === quds.id)
        ?.claimCount;
    const other = insertTestUser(db, { name: "Other", role: "analyst" }).id;
    expect([count(other), count(), count(other, "quds"), count(analystId, "quds")]).toEqual([
      0, 0, 0, 2,
    ]);
    submitArticle(db, { articleId: quds.id, analystId });
    expect([count(other), count(), count({ id: other, role: "viewer" }, "quds")]).toEqual([
      0, 2, 2,
    ]);
  });

  it("finds articles by title words and body words, ranked, with [ ] around hits", () => {
    const { quds, oil, drones } = seed();
    const byTitle = listArticles(db, { query: "baghdad" });
    expect(byTitle.items.map((a) => a.id)).toEqual([quds.id]);
    expect(listArticles(db, { query: "pipeline" }).items.map((a) => a.id)).toEqual([oil.id]);

    const militias = listArticles(db, { query: "tehran militias" });
    expect(militias).toMatchObject({ total: 1, items: [{ id: drones.id }] });
    expect(militias.items[0]?.snippet).toContain("[militias]");
    expect(militias.items[0]?.snippet).toContain("[Tehran]");

    // Accents folded; the last token matches as a prefix (search as you type).
    const french = insertTestArticle(db, {
      title: "Téhéran répond",
      text: "Le ministère a démenti.",
    });
    expect(listArticles(db, { query: "teheran" }).items.map((a) => a.id)).toEqual([french.id]);
    expect(listArticles(db, { query: "pipel" }).items.map((a) => a.id)).toEqual([oil.id]);
    expect(listArticles(db, { query: "said pipel" }).items.map((a) => a.id)).toEqual([oil.id]);

    // A title hit outranks a body hit.
    const both = listArticles(db, { query: "drone" });
    insertTestArticle(db, {
      title: "Other",
      text: "Drone footage was shared by a drone hobbyist.",
    });
    expect(listArticles(db, { query: "drone" }).items[0]?.id).toBe(both.items[0]?.id);
  });

  it("pages search results and counts every match", () => {
    for (let i = 0; i < 5; i++)
      insertTestArticle(db, { title: `Report ${i}`, text: `Ceasefire talks, day ${i}.` });
    const page = listArticles(db, { query: "ceasefire", limit: 2, offset: 4 });
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(1);
  });

  it("pages a word found in many articles in rank order, each row with its own snippet and claim count", () => {
    // The page is chosen on the FTS index first and only its rows are joined to articles: the
    // pages must still be the ranked order (title hits first, then newest), whole and disjoint.
    const ids: number[] = [];
    for (let i = 0; i < 130; i++) {
      const text = `Story ${i}: the market ${"moved ".repeat(i % 7)}on Monday, traders said.`;
      const article = insertTestArticle(db, {
        title: i % 10 === 0 ? `Market report ${i}` : `Report ${i}`,
        text,
      });
      ids.push(article.id);
      for (let c = 0; c < i % 4; c++)
        createClaim(
          db,
          { articleId: article.id, content: spanOf(text, "traders said") },
          analystId,
        );
    }
    const expected = db.$client
      .prepare(
        `select rowid as id from articles_fts where articles_fts match '"market"*'
         order by bm25(articles_fts, 5.0, 1.0), rowid desc`,
      )
      .all() as { id: number }[];
    // The claims are the analyst's own (hand-made drafts): counted in their view.
    const pages = [0, 50, 100].map((offset) =>
      listArticles(db, { query: "market", offset }, analystId),
    );
    const items = pages.flatMap((p) => p.items);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 30]);
    expect(pages.every((p) => p.total === 130)).toBe(true);
    expect(items.map((a) => a.id)).toEqual(expected.map((r) => r.id));
    // Title hits rank first.
    expect(items.slice(0, 13).every((a) => a.title?.startsWith("Market report"))).toBe(true);
    for (const item of items) {
      const i = ids.indexOf(item.id);
      expect(item.claimCount).toBe(i % 4);
      expect(item.snippet).toContain(`Story ${i}: the [market]`);
      expect(item.title).toBe(i % 10 === 0 ? `Market report ${i}` : `Report ${i}`);
    }
  });

  it("survives hostile queries: no syntax error, no injection, the table intact", () => {
    seed();
    for (const query of [
      '"',
      '""',
      "AND",
      "AND(",
      "OR NOT",
      "*",
      "-",
      "^",
      "title:",
      "NEAR(",
      "'); DROP TABLE articles;--",
      "quds AND OR NOT",
      'quds" OR "oil',
      "\\",
      "%_",
    ]) {
      expect(() => listArticles(db, { query }), query).not.toThrow();
    }
    expect(listArticles(db, { query: "'); DROP TABLE articles;--" }).total).toBe(0);
    expect(listArticles(db, { query: "quds AND" }).total).toBe(0);
    // A query with nothing searchable lists everything, as an empty query would.
    expect(listArticles(db, { query: '" * -' }).total).toBe(3);
    expect(db.select().from(articles).all()).toHaveLength(3);
  });
});

describe("getArticle / getArticleWithClaims", () => {
  it("returns the article row without importJobId, or null", () => {
    const { oil } = seed();
    expect(getArticle(db, oil.id)).toEqual(oil);
    expect(oil).not.toHaveProperty("importJobId");
    expect(oil.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(getArticle(db, 999)).toBeNull();
  });

  it("returns the article with its claims, or throws NotFoundError", () => {
    const { oil } = seed();
    const claim = createClaim(
      db,
      { articleId: oil.id, content: spanOf(oil.text, "resumed on Monday") },
      analystId,
    );
    expect(getArticleWithClaims(db, oil.id, analystId)).toEqual({
      article: oil,
      claims: [claim],
      submittedAt: null,
    });
    expect(claim).toMatchObject({ layer: "analyst", gold: null });
    expect(() => getArticleWithClaims(db, 999, analystId)).toThrow(NotFoundError);
  });

  it("keeps the FTS index in step when an article is deleted", () => {
    const { oil } = seed();
    db.delete(articles).where(eq(articles.id, oil.id)).run();
    expect(listArticles(db, { query: "pipeline" }).total).toBe(0);
  });
});

describe("articleLayers", () => {
  it("shows another analyst's submitted layer, judgements only included, once the reader submitted", () => {
    const s = seedTwoAnalysts(db);
    annotateAsA(db, s);
    // B decides nothing: he only judges W (no layer row of his own), then submits.
    upsertAnnotation(db, { claimId: s.w, analystId: s.b.id, values: { likelihood: "unlikely" } });
    submit(db, s, s.b);
    expect(articleLayers(db, s.articleId, s.a)).toEqual({ hidden: true, layers: [] });
    // Admins see every layer, drafts too.
    const forAdmin = articleLayers(db, s.articleId, s.admin).layers;
    expect(forAdmin.map((l) => [l.analyst?.name ?? "gold", l.submittedAt !== null])).toEqual([
      ["Ana", false],
      ["Ben", true],
      ["gold", false],
    ]);
    submit(db, s, s.a);
    const layers = articleLayers(db, s.articleId, s.a).layers;
    expect(layers.map((l) => l.analyst?.name ?? "gold")).toEqual(["Ben", "gold"]);
    expect(
      layers[0]?.claims.map((c) => [c.id, c.layer, c.status, c.annotation?.likelihood]),
    ).toEqual([[s.w, "proposal", "suggested", "unlikely"]]);
  });
});
