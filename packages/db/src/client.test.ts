import { describe, expect, it } from "vitest";
import { createTestDb } from "./testing";

describe("createTestDb", () => {
  it("applies every migration, including the FTS5 index and its triggers", () => {
    const db = createTestDb();
    const tables = db.$client
      .prepare("select name from sqlite_master where type in ('table','trigger') order by name")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      expect.arrayContaining([
        "articles",
        "articles_fts",
        "articles_fts_ai",
        "claims",
        "annotations",
      ]),
    );
    db.$client
      .prepare("insert into articles (title, text, text_sha256, extractor) values (?, ?, ?, ?)")
      .run("Quds Force visit", "Tehran says it has funded allies.", "a".repeat(64), "test@1");
    const hits = db.$client
      .prepare("select rowid from articles_fts where articles_fts match ?")
      .pluck()
      .all("funded");
    expect(hits).toEqual([1]);
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    db.$client.close();
  });
});
