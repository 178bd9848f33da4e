import { articles } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

function seed() {
  const quds = insertTestArticle(api.db, {
    title: "Quds Force commander visits Baghdad",
    publisher: "Reuters",
    text: "Iran's Quds Force commander met militia leaders, two Iraqi sources said.",
  });
  const oil = insertTestArticle(api.db, {
    title: "Oil exports resume",
    text: "Exports through the northern pipeline resumed on Monday, the ministry said.",
  });
  return { quds, oil };
}

describe("article.list", () => {
  it("lists newest first with the contract's item shape and total", async () => {
    const { quds, oil } = seed();
    const result = await api.caller.article.list({});
    expect(result.total).toBe(2);
    expect(result.items.map((a) => a.id)).toEqual([oil.id, quds.id]);
    expect(result.items[1]).toEqual({
      id: quds.id,
      title: quds.title,
      publisher: "Reuters",
      publishedAt: null,
      createdAt: quds.createdAt,
      claimCount: 0,
      snippet: quds.text,
    });
  });

  it("searches title and body words with FTS5 and marks hits in the snippet", async () => {
    const { quds, oil } = seed();
    const byTitle = await api.caller.article.list({ query: "Baghdad" });
    expect(byTitle.items).toEqual([
      {
        id: quds.id,
        title: quds.title,
        publisher: "Reuters",
        publishedAt: null,
        createdAt: quds.createdAt,
        claimCount: 0,
        snippet: expect.stringContaining("Quds Force commander met"),
      },
    ]);
    const byBody = await api.caller.article.list({ query: "northern pipel" });
    expect(byBody).toMatchObject({ total: 1, items: [{ id: oil.id }] });
    expect(byBody.items[0]?.snippet).toContain("[northern] [pipeline]");
  });

  it("answers hostile queries without an error and leaves the table in place", async () => {
    seed();
    for (const query of ['"', "AND", "*", "'); DROP TABLE articles;--", "NEAR(", "a OR", "-x"]) {
      const result = await api.caller.article.list({ query });
      expect(result.total, query).toBeGreaterThanOrEqual(0);
    }
    expect((await api.caller.article.list({ query: "'); DROP TABLE articles;--" })).total).toBe(0);
    expect(api.db.select().from(articles).all()).toHaveLength(2);
  });

  it("rejects invalid input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(api.caller.article.list({ limit: 0 }), "BAD_REQUEST");
    await expectFieldError(api.http.query("article.list", { limit: 1000 }), "limit");
    await expectFieldError(api.http.query("article.list", { offset: -1 }), "offset");
    await expectFieldError(api.http.query("article.list", { query: "x".repeat(501) }), "query");
  });
});

describe("article.byId", () => {
  it("returns the article with its claims and the caller's annotations", async () => {
    const { oil } = seed();
    const claim = await api.caller.claim.create({
      articleId: oil.id,
      content: spanOf(oil.text, "resumed on Monday"),
    });
    await api.caller.annotation.upsert({ claimId: claim.id, values: { likelihood: "likely" } });
    const result = await api.caller.article.byId({ id: oil.id });
    expect(result.article).toEqual(oil);
    expect(result.claims).toEqual([
      { ...claim, annotation: expect.objectContaining({ likelihood: "likely", version: 0 }) },
    ]);
  });

  it("answers NOT_FOUND for a missing article and BAD_REQUEST for a bad id", async () => {
    const error = await expectTRPCError(api.caller.article.byId({ id: 404 }), "NOT_FOUND");
    expect(error.message).toBe("Article 404 not found");
    const http = await api.http.query("article.byId", { id: 404 });
    expect(http.status).toBe(404);
    expect((http.body as HttpErrorBody).error.message).toBe("Article 404 not found");
    await expectFieldError(api.http.query("article.byId", { id: -1 }), "id");
    await expectFieldError(api.http.query("article.byId", { id: "1" }), "id");
  });
});
