/**
 * The import's writer: buffers processed articles and failed records and commits them in batches,
 * each batch with the job's running counts and its checkpoint in one transaction, so a killed run
 * leaves counts that match what is stored and a rerun resumes exactly after the last batch.
 */
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

  constructor(
    private readonly db: DbExecutor,
    private readonly jobId: number,
    private readonly batchSize: number,
    start?: WriterStart,
  ) {
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
    try {
      written = this.commit(this.articles);
    } catch (batchError) {
      written = this.commitOneByOne(this.articles, batchError);
    }
    const { stored, inserted } = written;
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
    if (this.articles.length + this.errors.length >= this.batchSize) this.flush();
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
