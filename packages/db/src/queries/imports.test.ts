import { createHash } from "node:crypto";
import type { TProcessedArticle, TSpan, TSuggestedClaim } from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { createTestDb } from "../testing";
import {
  claimResumableImportJob,
  createImportJob,
  finishImportJob,
  getImportJob,
  importDisplayPath,
  insertProcessedArticles,
  listImportErrors,
  recordImportError,
  updateImportJobProgress,
  withoutServerPaths,
  writeProcessedArticles,
} from "./imports";

const TEXT =
  'Tehran says it has funded allies. "We will respond," the official said. ' +
  "According to Reuters, the talks resumed.";

function span(text: string, exact: string, from = 0): TSpan {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`"${exact}" not in text`);
  return { start, end: start + exact.length, exact };
}

function claim(
  text: string,
  parts: Partial<Omit<TSuggestedClaim, "content">> & { content: string },
): TSuggestedClaim {
  const { content, ...rest } = parts;
  return {
    content: span(text, content),
    sourceMention: null,
    cue: null,
    cueLemma: null,
    sourceName: null,
    sourceKindGuess: null,
    quoteType: "indirect",
    reportingStanceGuess: "neutral",
    parentIndex: null,
    origin: "rule:test@1",
    score: 0.5,
    ...rest,
  };
}

function article(text: string, claims: TSuggestedClaim[] = []): TProcessedArticle {
  return {
    title: "Quds Force visit",
    byline: null,
    publisher: "Reuters",
    publishedAt: "2024-02-10",
    url: null,
    language: "en",
    text,
    textSha256: createHash("sha256").update(text).digest("hex"),
    extractor: "plain@1",
    sentences: [],
    claims,
  };
}

const withClaims = () =>
  article(TEXT, [
    claim(TEXT, {
      content: "it has funded allies",
      sourceMention: span(TEXT, "Tehran"),
      cue: span(TEXT, "says"),
      cueLemma: "say",
      sourceName: "Tehran",
      sourceKindGuess: "named_organization",
      score: 0.9,
    }),
    // Nested in the claim after it: its parent comes later in the list.
    claim(TEXT, {
      content: "We will respond,",
      sourceMention: span(TEXT, "the official"),
      cue: span(TEXT, "said"),
      cueLemma: "say",
      sourceName: "the official",
      sourceKindGuess: "unnamed_official",
      quoteType: "direct",
      parentIndex: 2,
    }),
    claim(TEXT, {
      content: "the talks resumed",
      sourceMention: span(TEXT, "Reuters"),
      cue: span(TEXT, "According to"),
      cueLemma: "according to",
      sourceName: "Reuters",
      sourceKindGuess: "media_outlet",
    }),
    // Nested in the first claim: its parent is already stored.
    claim(TEXT, { content: "the talks", sourceName: "tehran", parentIndex: 0 }),
  ]);

let db: Db;
beforeEach(() => {
  db = createTestDb();
});
afterEach(() => db.$client.close());

const count = (table: string) =>
  db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe("insertProcessedArticles", () => {
  it("stores the article, its claims with spans, sources and nesting", () => {
    const jobId = createImportJob(db, { paths: ["/in"] });
    expect(insertProcessedArticles(db, jobId, [withClaims()])).toEqual({
      imported: 1,
      duplicates: 0,
      claims: 4,
      versions: 0,
    });

    const stored = db.$client.prepare("select * from articles").get() as Record<string, unknown>;
    expect(stored).toMatchObject({ text: TEXT, publisher: "Reuters", import_job_id: jobId });
    const rows = db.$client
      .prepare(
        `select c.*, s.name as source_name, s.kind as source_kind
         from claims c left join sources s on s.id = c.source_id order by c.id`,
      )
      .all() as Record<string, string | number | null>[];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(TEXT.slice(Number(row.content_start), Number(row.content_end))).toBe(row.content_text);
      expect(row.status).toBe("suggested");
      expect(row.article_id).toBe(stored.id);
    }
    const [tehran, official, reuters, nested] = rows;
    expect(tehran).toMatchObject({
      source_name: "Tehran",
      source_kind: "named_organization",
      source_text: "Tehran",
      cue_text: "says",
      cue_lemma: "say",
      origin: "rule:test@1",
      score: 0.9,
      quote_type: "indirect",
      parent_claim_id: null,
    });
    expect(official).toMatchObject({ quote_type: "direct", parent_claim_id: reuters?.id });
    expect(reuters).toMatchObject({ source_name: "Reuters", source_kind: "media_outlet" });
    // "tehran" matches the registry entry "Tehran" instead of adding a second source.
    expect(nested).toMatchObject({ source_id: tehran?.source_id, parent_claim_id: tehran?.id });
    expect(nested?.source_start).toBeNull();
    expect(count("sources")).toBe(3);

    const hits = db.$client
      .prepare("select rowid from articles_fts where articles_fts match 'funded'")
      .pluck()
      .all();
    expect(hits).toEqual([stored.id]);
  });

  it("indexes the batch's claims for search once, and leaves later inserts to the trigger", () => {
    insertProcessedArticles(db, null, [withClaims(), article("Another text.")]);
    const search = (match: string) =>
      db.$client
        .prepare(
          "select c.content_text from claims_fts f join claims c on c.id = f.rowid where claims_fts match ? order by c.id",
        )
        .pluck()
        .all(match);
    expect(search("funded")).toEqual(["it has funded allies"]);
    expect(search("source_text:official")).toEqual(["We will respond,"]);
    expect(search('"according to"')).toEqual(["the talks resumed"]);
    expect(count("claims_fts_deferred")).toBe(0);
    // Every claim indexed exactly once: FTS5's own consistency check passes.
    db.$client
      .prepare("insert into claims_fts (claims_fts, rank) values ('integrity-check', 1)")
      .run();
    // A claim added outside the importer (as the web does) is indexed by the trigger.
    const articleId = db.$client.prepare("select min(id) from articles").pluck().get();
    db.$client
      .prepare(
        `insert into claims (article_id, content_start, content_end, content_text, origin)
         values (?, 0, 8, 'Zanzibar', 'analyst')`,
      )
      .run(articleId);
    expect(search("zanzibar")).toEqual(["Zanzibar"]);
    db.$client
      .prepare("insert into claims_fts (claims_fts, rank) values ('integrity-check', 1)")
      .run();
  });

  it("keeps the search index in step when a batch rolls back", () => {
    insertProcessedArticles(db, null, [withClaims()]);
    const broken = article("Broken text.", [claim("Broken text.", { content: "Broken" })]);
    (broken.claims[0] as { content: unknown }).content = { start: null, end: null, exact: "x" };
    const second = article("Second text says more.", [
      claim("Second text says more.", { content: "more" }),
    ]);
    expect(() => insertProcessedArticles(db, null, [second, broken])).toThrow();
    expect(count("claims")).toBe(4);
    expect(count("claims_fts_deferred")).toBe(0);
    db.$client
      .prepare("insert into claims_fts (claims_fts, rank) values ('integrity-check', 1)")
      .run();
  });

  it("writeProcessedArticles needs the caller's write transaction", () => {
    expect(() => writeProcessedArticles(db, null, [withClaims()])).toThrow(
      /inside a write transaction/,
    );
    db.transaction(() => writeProcessedArticles(db, null, [withClaims()]), {
      behavior: "immediate",
    });
    expect(count("claims")).toBe(4);
  });

  it("skips an article whose text is already stored, with its claims", () => {
    const first = insertProcessedArticles(db, null, [withClaims(), article("Another text.")]);
    expect(first).toEqual({ imported: 2, duplicates: 0, claims: 4, versions: 0 });
    const again = insertProcessedArticles(db, null, [withClaims(), withClaims()]);
    expect(again).toEqual({ imported: 0, duplicates: 2, claims: 0, versions: 0 });
    expect(count("articles")).toBe(2);
    expect(count("claims")).toBe(4);
  });

  it("counts a repeat inside one batch as a duplicate", () => {
    expect(insertProcessedArticles(db, null, [withClaims(), withClaims()])).toEqual({
      imported: 1,
      duplicates: 1,
      claims: 4,
      versions: 0,
    });
  });

  it("stores nothing of a batch in which one article fails", () => {
    const broken = article("Broken text.", [claim("Broken text.", { content: "Broken" })]);
    // A claim without offsets violates NOT NULL: the whole batch must roll back.
    (broken.claims[0] as { content: unknown }).content = { start: null, end: null, exact: "x" };
    expect(() => insertProcessedArticles(db, null, [withClaims(), broken])).toThrow();
    expect(count("articles")).toBe(0);
    expect(count("claims")).toBe(0);
    expect(count("sources")).toBe(0);
  });

  it("ignores a blank source name instead of failing the batch", () => {
    const a = article(TEXT, [claim(TEXT, { content: "it has funded allies", sourceName: "  " })]);
    expect(insertProcessedArticles(db, null, [a]).claims).toBe(1);
    expect(count("sources")).toBe(0);
  });

  it("creates no registry source for a description, but cites one an analyst registered", () => {
    const described = () =>
      claim(TEXT, {
        content: "it has funded allies",
        sourceName: "the company",
        sourceKindGuess: "unnamed_official",
        sourceIsDescription: true,
      });
    expect(insertProcessedArticles(db, null, [article(TEXT, [described()])]).claims).toBe(1);
    expect(count("sources")).toBe(0);
    const registered = db.$client
      .prepare(
        "insert into sources (name, name_key, kind) values ('The company', 'company', 'generic') returning id",
      )
      .pluck()
      .get() as number;
    db.$client
      .prepare("insert into source_aliases (source_id, alias_key) values (?, 'company')")
      .run(registered);
    // Made by an importer (no audit event): not registered by an analyst, so not cited.
    insertProcessedArticles(db, null, [
      article(`${TEXT} Once.`, [
        claim(`${TEXT} Once.`, {
          content: "it has funded allies",
          sourceName: "the company",
          sourceIsDescription: true,
        }),
      ]),
    ]);
    db.$client
      .prepare(
        "insert into audit_events (entity, entity_id, action, before, after) values ('source', ?, 'create', null, '{}')",
      )
      .run(registered);
    const other = `${TEXT} Again.`;
    const a = {
      ...article(other, [
        claim(other, {
          content: "it has funded allies",
          sourceName: "The Company",
          sourceIsDescription: true,
        }),
      ]),
    };
    insertProcessedArticles(db, null, [a]);
    expect(count("sources")).toBe(1);
    const cited = db.$client.prepare("select source_id from claims order by id").pluck().all();
    expect(cited).toEqual([null, null, registered]);
  });

  it("stores a changed text of a known document as a new version of the latest one", () => {
    const v1 = { ...article("Version one."), externalId: "reuters:7", url: "https://x.test/a" };
    const v2 = { ...article("Version two."), externalId: "reuters:7", url: "https://x.test/b" };
    // No externalId: recognised by its url.
    const v3 = { ...article("Version three."), externalId: null, url: "https://x.test/b" };
    const other = { ...article("Another document."), externalId: "reuters:8" };
    expect(insertProcessedArticles(db, null, [v1, other])).toMatchObject({ versions: 0 });
    expect(insertProcessedArticles(db, null, [v2, v1, v3])).toEqual({
      imported: 2,
      duplicates: 1,
      claims: 0,
      versions: 2,
    });
    const rows = db.$client
      .prepare(
        `select a.text, a.external_id, p.text as previous
         from articles a left join articles p on p.id = a.previous_version_id order by a.id`,
      )
      .all();
    expect(rows).toEqual([
      { text: "Version one.", external_id: "reuters:7", previous: null },
      { text: "Another document.", external_id: "reuters:8", previous: null },
      { text: "Version two.", external_id: "reuters:7", previous: "Version one." },
      { text: "Version three.", external_id: null, previous: "Version two." },
    ]);
  });

  it("runs as a savepoint inside a caller's transaction", () => {
    db.transaction(() => {
      insertProcessedArticles(db, null, [withClaims()]);
    });
    expect(count("claims")).toBe(4);
    expect(() =>
      db.transaction(() => {
        insertProcessedArticles(db, null, [article("Rolled back.")]);
        throw new Error("caller fails after the batch");
      }),
    ).toThrow("caller fails");
    expect(count("articles")).toBe(1);
  });
});

describe("import jobs", () => {
  it("records the job's input, progress, errors and outcome", () => {
    const id = createImportJob(db, { paths: ["/in/a.txt"], options: { batchSize: 2 } });
    const started = getImportJob(db, id);
    expect(started).toMatchObject({
      status: "running",
      input: { paths: ["/in/a.txt"], options: { batchSize: 2 } },
      read: 0,
      finishedAt: null,
    });
    expect(started?.startedAt).toBeInstanceOf(Date);

    recordImportError(db, id, { file: "/in/b.txt", line: null, reason: "empty file" });
    recordImportError(db, id, { file: "/in/c.jsonl", line: 3, reason: "invalid JSON" });
    const counts = { read: 3, imported: 1, duplicates: 0, failed: 2, claims: 5 };
    updateImportJobProgress(db, id, counts, { file: "/in/c.jsonl", line: 3 });
    expect(getImportJob(db, id)).toMatchObject({
      ...counts,
      checkpoint: { file: "/in/c.jsonl", line: 3 },
    });

    finishImportJob(db, id, { counts: { ...counts, read: 4, imported: 2 }, status: "completed" });
    const done = getImportJob(db, id);
    expect(done).toMatchObject({ status: "completed", read: 4, imported: 2, error: null });
    expect(done?.finishedAt).toBeInstanceOf(Date);
    expect(listImportErrors(db, id)).toEqual([
      { file: "/in/b.txt", line: null, reason: "empty file" },
      { file: "/in/c.jsonl", line: 3, reason: "invalid JSON" },
    ]);
  });

  it("hands an unfinished job of the same input to a rerun once its owner is gone", () => {
    const input = { paths: ["/in"], options: { batchSize: 2 } };
    const alive = createImportJob(db, input, { pid: 1, events: 0 });
    const dead = (checkpoint: Record<string, unknown> | null) => checkpoint?.pid === 1;
    const takeOver = (job: { checkpoint: Record<string, unknown> | null }) => ({
      ...job.checkpoint,
      pid: 2,
    });
    // The owner (pid 1) is still running: nothing to resume.
    expect(claimResumableImportJob(db, input, dead, takeOver)).toBeUndefined();
    expect(claimResumableImportJob(db, input, () => false, takeOver)).toMatchObject({
      id: alive,
      status: "running",
      checkpoint: { pid: 2, events: 0 },
    });
    expect(getImportJob(db, alive)?.checkpoint).toEqual({ pid: 2, events: 0 });
    // Another input never matches.
    expect(
      claimResumableImportJob(db, { paths: ["/other"] }, () => false, takeOver),
    ).toBeUndefined();

    // A failed job resumes only if it had consumed input; a completed one never.
    const counts = { read: 4, imported: 4, duplicates: 0, failed: 0, claims: 0 };
    updateImportJobProgress(db, alive, counts, { pid: 2, events: 4 });
    finishImportJob(db, alive, { counts, status: "failed", error: "disk full" });
    expect(claimResumableImportJob(db, input, () => true, takeOver)).toMatchObject({
      id: alive,
      status: "running",
      error: null,
      read: 4,
    });
    finishImportJob(db, alive, { counts, status: "completed" });
    expect(claimResumableImportJob(db, input, () => false, takeOver)).toBeUndefined();
  });

  it("keeps the reason a job failed", () => {
    const id = createImportJob(db, { paths: [] });
    const zero = { read: 0, imported: 0, duplicates: 0, failed: 0, claims: 0 };
    finishImportJob(db, id, { counts: zero, status: "failed", error: "nothing could be read" });
    expect(getImportJob(db, id)).toMatchObject({
      status: "failed",
      error: "nothing could be read",
    });
  });
});

describe("importDisplayPath", () => {
  const upload = "/srv/data/uploads/5d1c/notes.txt";
  it("names an uploaded file by its own name and a file inside an input folder below it", () => {
    expect(importDisplayPath(upload, [upload])).toBe("notes.txt");
    expect(importDisplayPath("/c/reuters/2024/a.html", ["/c", "/c/reuters/"])).toBe(
      "reuters/2024/a.html",
    );
    // A sibling whose name merely starts like an input is not inside it.
    expect(importDisplayPath("/c/reutersX/a.html", ["/c/reuters"])).toBe("a.html");
    // Outside every input (or an input of "/"): the file's name only.
    expect(importDisplayPath("/elsewhere/b.txt", ["/c", "/"])).toBe("b.txt");
  });
  it("takes every input's path out of a message", () => {
    expect(
      withoutServerPaths(`ENOENT: no such file, open '${upload}' (from ${upload})`, [upload]),
    ).toBe("ENOENT: no such file, open 'notes.txt' (from notes.txt)");
    expect(withoutServerPaths("invalid JSON / bad", ["/"])).toBe("invalid JSON / bad");
  });
});
