/**
 * An export reads one snapshot: rows another connection commits while the export streams (the web
 * app's edits, an import's batches) are not in it, not even in the parts read after the commit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type Db, openDb } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { insertTestArticle, insertTestSuggestion } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportChunks, writeExport } from "./write-export";

const FILLER = " The committee met again on Tuesday and reviewed the figures in detail.".repeat(30);

let dir: string;
let path: string;
let reader: Db;
let writer: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-snapshot-"));
  path = join(dir, "claimdesk.db");
  writer = openDb({ path });
  migrateDb(writer);
  // Enough claims (each article's ~2 KB text on its first line) for several 256 KB chunks: rule
  // suggestions, which every export view holds.
  for (let i = 0; i < 200; i++) {
    const text = `Officials said prices would fall ${i}.${FILLER}`;
    const article = insertTestArticle(writer, { text, title: `Article ${i}` });
    insertTestSuggestion(writer, {
      articleId: article.id,
      text,
      content: `prices would fall ${i}`,
      source: "Officials",
      cue: "said",
    });
  }
  reader = openDb({ path, readonly: true });
});

afterEach(() => {
  reader.$client.close();
  writer.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An article without claims: the canonical export lists it after every claim. */
const commitLateArticle = (n: number) =>
  insertTestArticle(writer, { text: `Committed mid-export ${n}.`, title: `Late ${n}` });

describe("an export's snapshot", () => {
  it("leaves out rows committed after the export started", () => {
    const chunks = exportChunks(reader, { format: "jsonl", filter: {} });
    const first = chunks.next();
    expect(first.done).toBe(false);
    // The export is under way (one chunk out, claims still to read): another connection commits.
    commitLateArticle(1);
    const rest = [...chunks].join("");
    const output = `${first.value}${rest}`;
    expect(output).toContain('"Article 199"');
    expect(output).not.toContain("Committed mid-export");
    const lines = output.trimEnd().split("\n");
    expect(lines).toHaveLength(200);
    // The connection is free again: the next export sees the new article.
    expect(reader.$client.inTransaction).toBe(false);
    expect([...exportChunks(reader, { format: "jsonl", filter: {} })].join("")).toContain(
      "Committed mid-export 1",
    );
  });

  it("also when written to a stream that waits between chunks", async () => {
    const written: string[] = [];
    let committed = false;
    const stdout = new Writable({
      write(chunk, _encoding, callback) {
        written.push(String(chunk));
        if (!committed) {
          committed = true;
          commitLateArticle(2);
        }
        callback();
      },
      highWaterMark: 1,
    });
    await writeExport(reader, {
      format: "jsonl",
      filter: {},
      out: "-",
      stdout,
      claimdeskVersion: "test",
    });
    expect(written.join("")).not.toContain("Committed mid-export 2");
    expect(written.join("")).toContain('"Article 199"');
    expect(reader.$client.inTransaction).toBe(false);
  });
});
