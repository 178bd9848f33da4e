import { createHash } from "node:crypto";
import { createImportJob, type Db, getImportJob, listImportErrors } from "@claimdesk/db";
import { createTestDb } from "@claimdesk/db/testing";
import type { TProcessedArticle } from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BatchWriter, FIRST_BATCH, MIN_ADAPTIVE_BATCH } from "./write-batches";

function article(text: string): TProcessedArticle {
  return {
    title: null,
    byline: null,
    publisher: null,
    publishedAt: null,
    url: null,
    language: "en",
    text,
    textSha256: createHash("sha256").update(text).digest("hex"),
    extractor: "plain@1",
    sentences: [],
    claims: [],
  };
}

/** An article the database refuses: a claim without offsets violates NOT NULL. */
function unstorable(text: string): TProcessedArticle {
  const broken = article(text);
  broken.claims = [
    {
      content: { start: null, end: null, exact: "x" } as never,
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
    },
  ];
  return broken;
}

let db: Db;
let jobId: number;
beforeEach(() => {
  db = createTestDb();
  jobId = createImportJob(db, { paths: [] });
});
afterEach(() => db.$client.close());

const articleCount = () => db.$client.prepare("select count(*) from articles").pluck().get();

describe("BatchWriter", () => {
  it("writes a batch when it is full and the job's counts with it", () => {
    const writer = new BatchWriter(db, jobId, 2);
    writer.addArticle("/in/a.txt", null, article("A."));
    expect(articleCount()).toBe(0);
    writer.addFailure({ file: "/in/b.txt", line: null, reason: "empty file" });
    expect(articleCount()).toBe(1);
    expect(getImportJob(db, jobId)).toMatchObject({
      read: 2,
      imported: 1,
      failed: 1,
      checkpoint: { file: "/in/b.txt", line: null },
    });
    writer.addArticle("/in/c.txt", null, article("A."));
    writer.flush();
    expect(writer.counts).toEqual({ read: 3, imported: 1, duplicates: 1, failed: 1, claims: 0 });
    expect(getImportJob(db, jobId)).toMatchObject(writer.counts);
  });

  it("isolates an article the database refuses and keeps its neighbours", () => {
    const writer = new BatchWriter(db, jobId, 10);
    writer.addArticle("/in/a.txt", null, article("A."));
    writer.addArticle("/in/b.txt", null, unstorable("B."));
    writer.addArticle("/in/c.txt", null, article("C."));
    writer.flush();
    expect(articleCount()).toBe(2);
    expect(writer.counts).toEqual({ read: 3, imported: 2, duplicates: 0, failed: 1, claims: 0 });
    expect(getImportJob(db, jobId)).toMatchObject(writer.counts);
    const errors = listImportErrors(db, jobId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "/in/b.txt", line: null });
    expect(errors[0]?.reason).toMatch(/^cannot store: .*NOT NULL/);
    expect(writer.failures).toEqual(errors);
  });

  it("fails loudly when no article of a batch can be stored", () => {
    const writer = new BatchWriter(db, jobId, 10);
    writer.addArticle("/in/a.txt", null, unstorable("A."));
    expect(() => writer.flush()).toThrow(/NOT NULL/);
    expect(listImportErrors(db, jobId)).toEqual([]);
  });

  it("saves a resumable checkpoint with each batch and starts from a resumed job's counts", () => {
    const writer = new BatchWriter(db, jobId, 2);
    writer.events = 1;
    writer.addArticle("/in/a.txt", null, article("A."));
    // Event 2 was a skipped file: nothing to write, but a checkpoint taken after it counts it.
    writer.events = 3;
    writer.addArticle("/in/c.txt", null, article("C."));
    expect(getImportJob(db, jobId)?.checkpoint).toEqual({
      events: 3,
      file: "/in/c.txt",
      line: null,
      pid: process.pid,
      versions: 0,
    });

    const job = getImportJob(db, jobId);
    if (job === undefined) throw new Error("job vanished");
    const resumed = new BatchWriter(db, jobId, 2, {
      counts: { read: job.read, imported: job.imported, duplicates: 0, failed: 0, claims: 0 },
      versions: 0,
      events: 3,
      failures: [],
    });
    resumed.events = 4;
    resumed.addArticle("/in/d.txt", null, article("D."));
    resumed.flush();
    expect(getImportJob(db, jobId)).toMatchObject({
      read: 3,
      imported: 3,
      checkpoint: { events: 4, file: "/in/d.txt" },
    });
  });

  it("shrinks its batches when a commit holds the write lock longer than the target", () => {
    // A target no commit can meet: after the first commit, batches fall to the floor, so an
    // analyst's edit never waits behind a 500-article transaction.
    const writer = new BatchWriter(db, jobId, 500, undefined, 0.001);
    expect(writer.limit).toBe(FIRST_BATCH);
    for (let i = 0; i < 30; i++) writer.addArticle(`/in/${i}.txt`, null, article(`Slow ${i}.`));
    expect(articleCount()).toBe(0);
    writer.flush();
    expect(articleCount()).toBe(30);
    expect(writer.limit).toBe(MIN_ADAPTIVE_BATCH);
    for (let i = 0; i < MIN_ADAPTIVE_BATCH - 1; i++)
      writer.addArticle(`/in/b${i}.txt`, null, article(`Next ${i}.`));
    expect(articleCount()).toBe(30);
    writer.addArticle("/in/last.txt", null, article("Last."));
    expect(articleCount()).toBe(30 + MIN_ADAPTIVE_BATCH);
    expect(getImportJob(db, jobId)).toMatchObject({ read: 30 + MIN_ADAPTIVE_BATCH });
  });

  it("starts small and grows to its configured batch size while commits are quick", () => {
    const writer = new BatchWriter(db, jobId, 500, undefined, 60_000);
    expect(writer.limit).toBe(FIRST_BATCH);
    for (let i = 0; i < FIRST_BATCH; i++)
      writer.addArticle(`/in/${i}.txt`, null, article(`Quick ${i}.`));
    expect(articleCount()).toBe(FIRST_BATCH);
    expect(writer.limit).toBe(500);
    for (let i = 0; i < 499; i++) writer.addArticle(`/in/b${i}.txt`, null, article(`More ${i}.`));
    expect(articleCount()).toBe(FIRST_BATCH);
    writer.addArticle("/in/last.txt", null, article("Last."));
    expect(articleCount()).toBe(FIRST_BATCH + 500);
  });

  it("never shrinks a batch size below the floor it was given", () => {
    const writer = new BatchWriter(db, jobId, 2, undefined, 0.001);
    writer.addArticle("/in/a.txt", null, article("A."));
    writer.addArticle("/in/b.txt", null, article("B."));
    expect(articleCount()).toBe(2);
    expect(writer.limit).toBe(2);
  });
});
