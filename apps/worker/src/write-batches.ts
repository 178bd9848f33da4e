/**
 * The import's writer: buffers processed articles and failed records and commits them in batches,
 * each batch with the job's running counts and its checkpoint in one transaction, so a killed run
 * leaves counts that match what is stored and a rerun resumes exactly after the last batch.
 * Batches hold `batchSize` records at most and fewer when writing them would hold the write lock
 * longer than TARGET_COMMIT_MS.
 */

import { performance } from "node:perf_hooks";
import {
  type Db,
  type DbExecutor,
  type ImportCounts,
  type ImportErrorInput,
  type InsertedArticles,
  insertProcessedArticles,
  recordImportError,
  updateImportJobProgress,
  writeProcessedArticles,
  writeTransaction,
} from "@claimdesk/db";
import type { TProcessedArticle } from "@claimdesk/types";

/** How many failed records the summary lists; the rest stay in import_errors. */
export const LISTED_FAILURES = 20;

/**
 * How long one batch's write transaction should hold the database's write lock. While it does,
 * an analyst's edit waits, and better-sqlite3 waits synchronously: the web server answers no
 * other request meanwhile. 500 Reuters articles took 185 ms (600 ms on a loaded machine; the
 * edits during an import had p95 583 ms), and 500 long HTML pages take seconds.
 */
export const TARGET_COMMIT_MS = 100;
/** A batch never shrinks below this many records (or the configured batch size if smaller):
 * each commit has a fixed cost (the job row, FTS segments). */
export const MIN_ADAPTIVE_BATCH = 20;
/** The first batch's size (or the configured one if smaller), before any commit was timed. */
export const FIRST_BATCH = 50;

/**
 * Connection settings for the import's write load (this connection only; the database file and
 * other connections are unchanged):
 * - temp_store=MEMORY: each INSERT that fires triggers keeps a statement journal (the pages it
 *   changes, to undo it alone on error); by default one that outgrows 64 KiB spills to a temporary
 *   file for the rest of the transaction, and then every claim's insert costs a write system call
 *   per page it touches (Reuters: about 1 M of them, a third of the write time).
 * - wal_autocheckpoint=10000 pages (40 MB of WAL) instead of 1000: a batch is about 1,000–3,000
 *   pages, so the default checkpointed after every commit, copying pages (the FTS and index pages
 *   most of all) back to the database again and again; now once per several batches.
 */
export function tuneForBulkWrites(db: Db): void {
  db.$client.pragma("temp_store = MEMORY");
  db.$client.pragma("wal_autocheckpoint = 10000");
}

/** Where a resumed run picks up: input events consumed (in read order) and the last record's place. */
export interface ImportCheckpoint {
  events: number;
  file: string | null;
  line: number | null;
  /** The process writing the job: a rerun takes the job over only once this one is gone. */
  pid: number;
  /** New versions imported so far (import_jobs has no column for them). */
  versions: number;
}

/** Where a resumed job's writer starts from. */
export interface WriterStart {
  counts: ImportCounts;
  versions: number;
  events: number;
  failures: readonly ImportErrorInput[];
}

interface PendingArticle {
  file: string;
  line: number | null;
  article: TProcessedArticle;
}

export class BatchWriter {
  readonly counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, failed: 0, claims: 0 };
  /** The first LISTED_FAILURES failed records, for the summary. */
  readonly failures: ImportErrorInput[] = [];
  private articles: PendingArticle[] = [];
  private errors: ImportErrorInput[] = [];
  /** Of `counts.imported`: new versions of documents already stored. */
  versions = 0;
  /** Batches committed by this writer. */
  commits = 0;
  /**
   * Input events consumed so far, this one included; the caller advances it before adding what an
   * event produced, so a batch's checkpoint never counts an event whose record is not in it.
   */
  events = 0;
  private pendingFailed = 0;
  private place: { file: string | null; line: number | null } = { file: null, line: null };
  /**
   * Records per batch now: `batchSize` at most, fewer when the last commits took longer than
   * `targetCommitMs` (the write time per article, measured at each commit, sets it).
   */
  limit: number;
  /** Milliseconds of write transaction per stored record, smoothed over the commits so far. */
  private msPerRecord: number | null = null;

  constructor(
    private readonly db: DbExecutor,
    private readonly jobId: number,
    private readonly batchSize: number,
    start?: WriterStart,
    private readonly targetCommitMs = TARGET_COMMIT_MS,
  ) {
    this.limit = Math.min(batchSize, FIRST_BATCH);
    if (start !== undefined) {
      Object.assign(this.counts, start.counts);
      this.versions = start.versions;
      this.events = start.events;
      this.failures.push(...start.failures.slice(0, LISTED_FAILURES));
    }
  }

  /** The checkpoint a batch committed now would save. */
  get checkpoint(): ImportCheckpoint {
    return { events: this.events, ...this.place, pid: process.pid, versions: this.versions };
  }

  addArticle(file: string, line: number | null, article: TProcessedArticle): void {
    this.articles.push({ file, line, article });
    this.place = { file, line };
    this.flushIfFull();
  }

  /** A record that was read but cannot be imported. */
  addFailure(error: ImportErrorInput): void {
    this.pendingFailed++;
    this.pushError(error);
    this.place = { file: error.file, line: error.line };
    this.flushIfFull();
  }

  /** An input that could not be opened: reported with the job, but no record was read. */
  addUnreadable(error: ImportErrorInput): void {
    this.errors.push(error);
    this.flushIfFull();
  }

  flush(): void {
    if (this.articles.length === 0 && this.errors.length === 0) return;
    let written: { stored: number; inserted: InsertedArticles };
    const started = performance.now();
    try {
      written = this.commit(this.articles);
    } catch (batchError) {
      written = this.commitOneByOne(this.articles, batchError);
    }
    const { stored, inserted } = written;
    this.adapt(this.articles.length + this.errors.length, performance.now() - started);
    this.counts.read += stored + this.pendingFailed;
    this.counts.failed += this.pendingFailed;
    this.counts.imported += inserted.imported;
    this.counts.duplicates += inserted.duplicates;
    this.counts.claims += inserted.claims;
    this.versions += inserted.versions;
    this.articles = [];
    this.errors = [];
    this.pendingFailed = 0;
    this.commits++;
  }

  private flushIfFull(): void {
    if (this.articles.length + this.errors.length >= this.limit) this.flush();
  }

  /** Sizes the next batch so that its transaction takes about `targetCommitMs`. */
  private adapt(records: number, ms: number): void {
    if (records === 0) return;
    const perRecord = ms / records;
    this.msPerRecord =
      this.msPerRecord === null ? perRecord : 0.5 * this.msPerRecord + 0.5 * perRecord;
    const floor = Math.min(this.batchSize, MIN_ADAPTIVE_BATCH);
    const fits = Math.floor(this.targetCommitMs / Math.max(this.msPerRecord, 1e-3));
    this.limit = Math.max(floor, Math.min(this.batchSize, fits));
  }

  private commit(articles: readonly PendingArticle[]) {
    return writeTransaction(this.db, (tx) => {
      // No savepoint of its own inside this transaction (see writeProcessedArticles): a throw
      // rolls the whole transaction back, and commitOneByOne takes over.
      const inserted = writeProcessedArticles(
        tx,
        this.jobId,
        articles.map((a) => a.article),
      );
      this.writeErrorsAndProgress(tx, articles.length, inserted);
      return { stored: articles.length, inserted };
    });
  }

  /**
   * A batch that threw is retried an article at a time (each in a savepoint of one transaction),
   * so one bad record is reported and skipped instead of losing its neighbours. If every article
   * fails the cause is not the data (disk full, database locked): the batch's error is rethrown.
   */
  private commitOneByOne(articles: readonly PendingArticle[], batchError: unknown) {
    return writeTransaction(this.db, (tx) => {
      const inserted: InsertedArticles = { imported: 0, duplicates: 0, claims: 0, versions: 0 };
      let stored = 0;
      for (const { file, line, article } of articles) {
        try {
          const one = insertProcessedArticles(tx, this.jobId, [article]);
          inserted.imported += one.imported;
          inserted.duplicates += one.duplicates;
          inserted.claims += one.claims;
          inserted.versions += one.versions;
          stored++;
        } catch (error) {
          this.pendingFailed++;
          this.pushError({ file, line, reason: `cannot store: ${messageOf(error)}` });
        }
      }
      if (articles.length > 0 && stored === 0) throw batchError;
      this.writeErrorsAndProgress(tx, stored, inserted);
      return { stored, inserted };
    });
  }

  private writeErrorsAndProgress(
    tx: DbExecutor,
    storedArticles: number,
    inserted: InsertedArticles,
  ): void {
    for (const error of this.errors) recordImportError(tx, this.jobId, error);
    const failed = this.counts.failed + this.pendingFailed;
    const counts: ImportCounts = {
      read: this.counts.read + storedArticles + this.pendingFailed,
      imported: this.counts.imported + inserted.imported,
      duplicates: this.counts.duplicates + inserted.duplicates,
      failed,
      claims: this.counts.claims + inserted.claims,
    };
    const checkpoint = { ...this.checkpoint, versions: this.versions + inserted.versions };
    updateImportJobProgress(tx, this.jobId, counts, { ...checkpoint });
  }

  private pushError(error: ImportErrorInput): void {
    this.errors.push(error);
    if (this.failures.length < LISTED_FAILURES) this.failures.push(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
