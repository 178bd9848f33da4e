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

describe("migration 0003", () => {
  it("keeps claims_fts and sources.claim_count in step with claims", () => {
    const db = createTestDb();
    const sql = db.$client;
    sql
      .prepare("insert into articles (title, text, text_sha256, extractor) values (?, ?, ?, ?)")
      .run("t", "Tehran says it funded allies.", "b".repeat(64), "test@1");
    sql
      .prepare(
        "insert into sources (name, name_key) values ('Tehran', 'tehran'), ('Baghdad', 'baghdad')",
      )
      .run();
    sql
      .prepare(
        "insert into claims (article_id, content_start, content_end, content_text, source_id, origin) values (1, 12, 28, 'it funded allies', 1, 'analyst')",
      )
      .run();
    const count = (id: number) =>
      sql.prepare("select claim_count from sources where id = ?").pluck().get(id);
    expect(count(1)).toBe(1);
    expect(
      sql.prepare("select rowid from claims_fts where claims_fts match 'funded'").pluck().all(),
    ).toEqual([1]);
    sql.prepare("update claims set source_id = 2 where id = 1").run();
    expect([count(1), count(2)]).toEqual([0, 1]);
    sql.prepare("delete from claims where id = 1").run();
    expect(count(2)).toBe(0);
    expect(
      sql.prepare("select count(*) from claims_fts where claims_fts match 'funded'").pluck().get(),
    ).toBe(0);
    sql.close();
  });
});
