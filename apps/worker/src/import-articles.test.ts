import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Db, findRepoRoot, getImportJob, listImportErrors, openDb } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importArticles } from "./import-articles";

const repoRoot = findRepoRoot(import.meta.dirname);
const SAMPLE = join(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt");
const DEMO_DIR = join(repoRoot, "demo/articles");
const demoFiles = readdirSync(DEMO_DIR).filter((f) => /\.(txt|md)$/i.test(f));

const GOOD_TEXT =
  "Iraq's prime minister said on Monday that foreign forces would leave the country soon.\n\n" +
  '"We will not accept attacks on our soil," a government spokesman told reporters in Baghdad.\n';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-import-"));
  db = openDb({ path: join(dir, "claimdesk.db") });
  migrateDb(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Uint8Array): string {
  const file = join(dir, "in", name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const count = (table: string) =>
  db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

interface StoredSpans {
  text: string;
  content_start: number;
  content_end: number;
  content_text: string;
  source_start: number | null;
  source_end: number | null;
  source_text: string | null;
  cue_start: number | null;
  cue_end: number | null;
  cue_text: string | null;
}

/** Every stored span must be the exact text at its offsets in its article. */
function expectAllSpansAnchored(): number {
  const rows = db.$client
    .prepare("select a.text, c.* from claims c join articles a on a.id = c.article_id")
    .all() as StoredSpans[];
  for (const r of rows) {
    expect(r.text.slice(r.content_start, r.content_end)).toBe(r.content_text);
    if (r.source_start !== null && r.source_end !== null) {
      expect(r.text.slice(r.source_start, r.source_end)).toBe(r.source_text);
    }
    if (r.cue_start !== null && r.cue_end !== null) {
      expect(r.text.slice(r.cue_start, r.cue_end)).toBe(r.cue_text);
    }
  }
  return rows.length;
}

describe("importArticles", () => {
  it("imports the sample article: boilerplate gone, claims anchored, Tehran registered", async () => {
    const summary = await importArticles(db, [SAMPLE]);
    expect(summary).toMatchObject({
      status: "completed",
      error: null,
      files: 1,
      read: 1,
      imported: 1,
      duplicates: 0,
      failed: 0,
      unreadable: [],
      dbPath: join(dir, "claimdesk.db"),
    });
    expect(summary.claims).toBeGreaterThan(0);

    const text = db.$client.prepare("select text from articles").pluck().get() as string;
    expect(text).toContain("Tehran says it has funded, advised and trained allies");
    for (const boilerplate of ["Advertisement", "Must Read", "spot_img", "HomeWorld"]) {
      expect(text).not.toContain(boilerplate);
    }
    expect(expectAllSpansAnchored()).toBe(summary.claims);
    const tehran = db.$client
      .prepare("select count(*) from sources where name = 'Tehran'")
      .pluck()
      .get();
    expect(tehran).toBe(1);

    expect(getImportJob(db, summary.jobId)).toMatchObject({
      status: "completed",
      input: { paths: [SAMPLE], options: { batchSize: 500 } },
      read: 1,
      imported: 1,
      duplicates: 0,
      failed: 0,
      claims: summary.claims,
      error: null,
    });
    expect(getImportJob(db, summary.jobId)?.finishedAt).toBeInstanceOf(Date);
  });

  it("imports nothing new when run twice", async () => {
    const first = await importArticles(db, [SAMPLE]);
    const claims = count("claims");
    const sources = count("sources");
    const second = await importArticles(db, [SAMPLE]);
    expect(second).toMatchObject({ read: 1, imported: 0, duplicates: 1, failed: 0, claims: 0 });
    expect(second.jobId).not.toBe(first.jobId);
    expect(count("articles")).toBe(1);
    expect(count("claims")).toBe(claims);
    expect(count("sources")).toBe(sources);
    expect(getImportJob(db, second.jobId)).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it("reports bad files with file and reason and imports the good ones of the same run", async () => {
    fixture("a-good.txt", GOOD_TEXT);
    // UTF-8 ("é"), then 0xC3 starting a two-byte sequence that 0x28 cannot continue: corrupt
    // UTF-8 (undeclared bytes with no UTF-8 in them would be read as a detected legacy charset).
    const invalid = fixture(
      "b-invalid.txt",
      Buffer.from([...Buffer.from("Café said"), 0xc3, 0x28, 0x0a]),
    );
    const empty = fixture("c-empty.txt", "");
    const onlyBoilerplate = fixture(
      "d-ads.txt",
      "- Advertisement -\n\nMust Read\n\nspot_imgspot_img\n",
    );
    fixture("e-notes.pdf", "%PDF-1.4");
    const alsoGood = fixture("sub/f-good.md", `${GOOD_TEXT}\nA second story, told differently.\n`);

    // A batch of two records, so errors and articles land in several transactions.
    const summary = await importArticles(db, [join(dir, "in")], { batchSize: 2 });
    expect(summary).toMatchObject({
      status: "completed",
      files: 5,
      read: 5,
      imported: 2,
      duplicates: 0,
      failed: 3,
      skipped: { ".pdf": 1 },
    });
    const errors = listImportErrors(db, summary.jobId);
    expect(errors.map((e) => e.file)).toEqual([invalid, empty, onlyBoilerplate]);
    expect(errors.every((e) => e.line === null && e.reason.length > 0)).toBe(true);
    expect(errors[1]?.reason).toBe("empty file");
    expect(summary.failures).toEqual(errors);
    expect(getImportJob(db, summary.jobId)).toMatchObject({
      status: "completed",
      read: 5,
      imported: 2,
      failed: 3,
      checkpoint: { file: alsoGood, line: null },
    });
    expect(count("articles")).toBe(2);
    expectAllSpansAnchored();
  });

  it("fails the job with a clear reason when nothing could be read", async () => {
    const missing = join(dir, "missing.txt");
    const summary = await importArticles(db, [missing]);
    expect(summary).toMatchObject({ status: "failed", read: 0, imported: 0 });
    expect(summary.error).toContain(`No such file or directory: ${missing}`);
    expect(getImportJob(db, summary.jobId)).toMatchObject({
      status: "failed",
      error: summary.error,
    });
    expect(listImportErrors(db, summary.jobId)).toEqual([
      { file: missing, line: null, reason: "No such file or directory" },
    ]);
  });

  it("fails the job when a directory holds nothing it can import", async () => {
    fixture("scan.pdf", "%PDF-1.4");
    const summary = await importArticles(db, [join(dir, "in")]);
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/1 file skipped: only .*\.txt, .*\.md.* can be imported/);
  });

  it("imports what it can read when another path is missing", async () => {
    const missing = join(dir, "missing");
    const summary = await importArticles(db, [missing, fixture("a.txt", GOOD_TEXT)]);
    expect(summary).toMatchObject({
      status: "completed",
      imported: 1,
      unreadable: [{ path: missing, reason: "No such file or directory" }],
    });
  });

  it("reports a whole file its processing thread cannot read as unreadable; alone, the job fails", async () => {
    const bad = fixture("bad.txt.gz", "not gzip");
    const good = fixture("a.txt", GOOD_TEXT);
    const reason = "Not valid gzip data (corrupt or not compressed)";
    const summary = await importArticles(db, [bad, good], { jobs: 1 });
    expect(summary).toMatchObject({
      status: "completed",
      files: 1,
      read: 1,
      imported: 1,
      failed: 0,
      unreadable: [{ path: bad, reason }],
    });
    expect(listImportErrors(db, summary.jobId)).toEqual([{ file: bad, line: null, reason }]);
    const alone = await importArticles(db, [bad]);
    expect(alone).toMatchObject({ status: "failed", read: 0, files: 0 });
    expect(alone.error).toContain(`${reason}: ${bad}`);
  });

  it("imports the demo articles with anchored claims", async () => {
    expect(demoFiles.length).toBeGreaterThanOrEqual(3);
    const summary = await importArticles(db, [DEMO_DIR, SAMPLE]);
    expect(summary).toMatchObject({ status: "completed", failed: 0, read: demoFiles.length + 1 });
    expect(summary.imported + summary.duplicates).toBe(demoFiles.length + 1);
    expect(expectAllSpansAnchored()).toBe(summary.claims);
    const again = await importArticles(db, [DEMO_DIR, SAMPLE]);
    expect(again).toMatchObject({ imported: 0, claims: 0, duplicates: demoFiles.length + 1 });
  });

  it("writes the same database with a pool of worker threads as on the main thread", async () => {
    for (let i = 0; i < 40; i++) {
      fixture(`batch/${String(i).padStart(2, "0")}.txt`, `${GOOD_TEXT}\nStory number ${i % 30}.\n`);
    }
    fixture("batch/zz-empty.txt", "");
    const inputs = [join(dir, "in"), DEMO_DIR];
    const snapshot = () =>
      db.$client
        .prepare(
          `select a.id, a.text_sha256, c.content_start, c.content_end, c.origin, s.name
           from articles a left join claims c on c.article_id = a.id
           left join sources s on s.id = c.source_id order by a.id, c.id`,
        )
        .all();
    const single = await importArticles(db, inputs, { batchSize: 7, jobs: 1 });
    const expected = snapshot();
    db.$client.close();

    db = openDb({ path: join(dir, "pooled.db") });
    migrateDb(db);
    const pooled = await importArticles(db, inputs, { batchSize: 7, jobs: 2 });
    expect(snapshot()).toEqual(expected);
    const counts = ({ read, imported, duplicates, failed, claims, files }: typeof single) => ({
      read,
      imported,
      duplicates,
      failed,
      claims,
      files,
    });
    expect(counts(pooled)).toEqual(counts(single));
    expect(pooled).toMatchObject({ jobs: 2, duplicates: 10, failed: 1 });
    expect(pooled.failures).toEqual([
      { file: join(dir, "in/batch/zz-empty.txt"), line: null, reason: "empty file" },
    ]);
  });

  it("imports a changed text of a known document as a new version", async () => {
    const line = (id: string, body: string) => `${JSON.stringify({ id, title: id, body })}\n`;
    const first = fixture("v1.jsonl", line("r-1", GOOD_TEXT) + line("r-2", "Second story."));
    const changed = `${GOOD_TEXT}\nThe spokesman later said the talks had resumed.\n`;
    const second = fixture("v2.jsonl", line("r-1", changed) + line("r-2", "Second story."));
    // Two dumps of one feed: their ids are one collection.
    const collection = "wire";
    expect(await importArticles(db, [first], { collection })).toMatchObject({
      imported: 2,
      versions: 0,
    });
    const summary = await importArticles(db, [second], { jobs: 2, collection });
    expect(summary).toMatchObject({ imported: 1, versions: 1, duplicates: 1, failed: 0 });
    const rows = db.$client
      .prepare(
        `select a.external_id, a.text, p.text as previous
         from articles a left join articles p on p.id = a.previous_version_id order by a.id`,
      )
      .all() as { external_id: string; text: string; previous: string | null }[];
    expect(rows.map((r) => [r.external_id, r.previous === null ? null : "v1"])).toEqual([
      ["r-1", null],
      ["r-2", null],
      ["r-1", "v1"],
    ]);
    expect(rows[2]?.previous).toBe(rows[0]?.text);
    expect(rows[2]?.text).toContain("talks had resumed");
  });

  it("never takes a record of another corpus file with the same id for a new version", async () => {
    // Reuters' NEWID 1 and FNC-1's Body ID 1 are different documents.
    const reuters = fixture(
      "reuters.jsonl",
      `${JSON.stringify({ newid: "1", body: GOOD_TEXT })}\n`,
    );
    const fnc = fixture(
      "bodies.csv.gz",
      gzipSync('Body ID,articleBody\n1,"Second story, told plainly."\n'),
    );
    const changed = `${GOOD_TEXT}\nThe spokesman later said the talks had resumed.\n`;
    const reutersAgain = fixture(
      "more/reuters.jsonl.gz",
      gzipSync(`${JSON.stringify({ newid: "1", body: changed })}\n`),
    );
    expect(await importArticles(db, [reuters])).toMatchObject({ imported: 1, versions: 0 });
    expect(await importArticles(db, [fnc])).toMatchObject({ imported: 1, versions: 0 });
    // The same corpus file, found elsewhere and gzipped, is the same collection.
    expect(await importArticles(db, [reutersAgain])).toMatchObject({ imported: 1, versions: 1 });
    const rows = db.$client
      .prepare(
        `select a.collection, a.external_id, p.collection as previous
         from articles a left join articles p on p.id = a.previous_version_id order by a.id`,
      )
      .all();
    expect(rows).toEqual([
      { collection: "reuters", external_id: "1", previous: null },
      { collection: "bodies", external_id: "1", previous: null },
      { collection: "reuters", external_id: "1", previous: "reuters" },
    ]);
  });

  it("reports a record broken at read time with its line and keeps its neighbours", async () => {
    const feed = fixture(
      "feed.jsonl",
      `${JSON.stringify({ id: "a", body: GOOD_TEXT })}\n{"id": "b", "body": \n${JSON.stringify({ id: "c", body: "Third story, told plainly." })}\n`,
    );
    const summary = await importArticles(db, [feed], { jobs: 2, batchSize: 2 });
    expect(summary).toMatchObject({ status: "completed", read: 3, imported: 2, failed: 1 });
    const errors = listImportErrors(db, summary.jobId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: feed, line: 2 });
    expect(errors[0]?.reason.length).toBeGreaterThan(0);
  });
});
