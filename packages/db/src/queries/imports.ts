/** Import jobs: their row, failed records, and the batched writer of processed articles and claims. */

import { basename, sep } from "node:path";
import type {
  TImportJobStatus,
  TProcessedArticle,
  TSourceKind,
  TSuggestedClaim,
} from "@claimdesk/types";
import type Database from "better-sqlite3";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { importErrors, importJobs } from "../schema";
import { type DbExecutor, writeTransaction } from "./executor";
import type { ImportJobDetail, ImportJobSummary } from "./import-queue";
import { normaliseSourceKey } from "./sources";

/** Running totals of one import job; `read = imported + duplicates + failed`. */
export interface ImportCounts {
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
  claims: number;
}

export interface ImportErrorInput {
  file: string;
  /** Line or record number inside the file; null when the whole file is the record. */
  line: number | null;
  reason: string;
}

export interface InsertedArticles {
  imported: number;
  duplicates: number;
  claims: number;
  /** Of `imported`: changed texts of a document already stored (same collection and externalId,
   * or same url). */
  versions: number;
}

export type ImportJob = typeof importJobs.$inferSelect;

/** Creates a running job with the paths and options it was started with; returns its id. */
export function createImportJob(
  db: DbExecutor,
  input: Record<string, unknown>,
  checkpoint?: Record<string, unknown>,
): number {
  return db
    .insert(importJobs)
    .values({ input, status: "running", startedAt: new Date(), checkpoint })
    .returning({ id: importJobs.id })
    .get().id;
}

/**
 * The latest unfinished job started with exactly this input, if the run that owned it is gone:
 * status `running` while `isOwnerAlive` says no, or `failed` after it had consumed input. Its row
 * is taken over (status running, new checkpoint) in the same transaction, so two reruns started
 * together cannot both resume it.
 */
export function claimResumableImportJob(
  db: DbExecutor,
  input: Record<string, unknown>,
  isOwnerAlive: (checkpoint: Record<string, unknown> | null) => boolean,
  takeOver: (job: ImportJob) => Record<string, unknown>,
): ImportJob | undefined {
  return writeTransaction(db, (tx) => {
    // The column holds JSON.stringify(input); the same command builds the same object, key order too.
    const candidates = tx
      .select()
      .from(importJobs)
      .where(
        and(
          inArray(importJobs.status, ["running", "failed"]),
          sql`${importJobs.input} = ${JSON.stringify(input)}`,
        ),
      )
      .orderBy(desc(importJobs.id))
      .limit(1)
      .all();
    const job = candidates[0];
    if (job === undefined) return undefined;
    const resumable =
      job.status === "running"
        ? !isOwnerAlive(job.checkpoint)
        : Number(job.checkpoint?.events ?? 0) > 0 && job.read > 0;
    if (!resumable) return undefined;
    const checkpoint = takeOver(job);
    tx.update(importJobs)
      .set({ status: "running", error: null, finishedAt: null, checkpoint, updatedAt: new Date() })
      .where(eq(importJobs.id, job.id))
      .run();
    return { ...job, status: "running", error: null, finishedAt: null, checkpoint };
  });
}

/** Saves the counts (and where a resumed run would pick up) after a batch was written. */
export function updateImportJobProgress(
  db: DbExecutor,
  id: number,
  counts: ImportCounts,
  checkpoint?: Record<string, unknown>,
): void {
  db.update(importJobs)
    .set({ ...counts, ...(checkpoint ? { checkpoint } : {}), updatedAt: new Date() })
    .where(eq(importJobs.id, id))
    .run();
}

/** Marks the job finished with its final counts. */
export function finishImportJob(
  db: DbExecutor,
  id: number,
  result: {
    counts: ImportCounts;
    status: Extract<TImportJobStatus, "completed" | "failed">;
    error?: string | null;
  },
): void {
  const now = new Date();
  db.update(importJobs)
    .set({
      ...result.counts,
      status: result.status,
      error: result.error ?? null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(eq(importJobs.id, id))
    .run();
}

export function getImportJob(db: DbExecutor, id: number): ImportJob | undefined {
  return db.select().from(importJobs).where(eq(importJobs.id, id)).get();
}

/**
 * A file of an import as the web app shows it, without the server's folders: an uploaded file's
 * own name (it is stored as `<uploads>/<uuid>/<name>`), a command-line input's name, and for a file
 * found inside an input folder that folder's name and the path below it (`articles/2024/a.html`).
 * The worker's own output keeps full paths; this is for the API only.
 */
export function importDisplayPath(file: string, inputs: readonly string[]): string {
  const input = containingInput(file, inputs);
  if (input === undefined) return basename(file);
  const name = basename(input);
  return file === input ? name : `${name}/${file.slice(input.length).replace(/^[\\/]+/, "")}`;
}

/** The longest input that is `file` or a folder holding it. */
function containingInput(file: string, inputs: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const raw of inputs) {
    const input = raw.length > 1 ? raw.replace(/[\\/]+$/, "") : raw;
    if (input === "" || input === sep) continue;
    const inside = file === input || file.startsWith(`${input}/`) || file.startsWith(`${input}\\`);
    if (inside && (best === undefined || input.length > best.length)) best = input;
  }
  return best;
}

/** A message (a job's error, a record's reason) with every input's path shown as importDisplayPath. */
export function withoutServerPaths(text: string, inputs: readonly string[]): string {
  let out = text;
  const longestFirst = [...inputs]
    .filter((input) => input.length > 1)
    .sort((a, b) => b.length - a.length);
  for (const input of longestFirst) out = out.split(input).join(importDisplayPath(input, inputs));
  return out;
}

/** An import job for the API: inputs by their names, no server folders in its error. */
export function publicImportJob(job: ImportJobSummary): ImportJobSummary {
  return {
    ...job,
    paths: job.paths.map((path) => importDisplayPath(path, job.paths)),
    error: job.error === null ? null : withoutServerPaths(job.error, job.paths),
  };
}

/** An import job and its failed records for the API (see publicImportJob, importDisplayPath). */
export function publicImportJobDetail(detail: ImportJobDetail): ImportJobDetail {
  const inputs = detail.job.paths;
  return {
    job: publicImportJob(detail.job),
    errors: {
      total: detail.errors.total,
      items: detail.errors.items.map((item) => ({
        ...item,
        file: importDisplayPath(item.file, inputs),
        reason: withoutServerPaths(item.reason, inputs),
      })),
    },
  };
}

export function recordImportError(db: DbExecutor, jobId: number, error: ImportErrorInput): void {
  db.insert(importErrors)
    .values({ jobId, ...error })
    .run();
}

export function listImportErrors(db: DbExecutor, jobId: number): ImportErrorInput[] {
  return db
    .select({ file: importErrors.file, line: importErrors.line, reason: importErrors.reason })
    .from(importErrors)
    .where(eq(importErrors.jobId, jobId))
    .orderBy(importErrors.id)
    .all();
}

/** better-sqlite3 underneath a Drizzle handle: the database's `$client`, or a transaction's session. */
function rawClient(db: DbExecutor): Database.Database {
  const direct = (db as { $client?: Database.Database }).$client;
  if (direct !== undefined) return direct;
  const viaSession = (db as unknown as { session?: { client?: Database.Database } }).session
    ?.client;
  if (viaSession === undefined) throw new Error("insertProcessedArticles: no SQLite connection");
  return viaSession;
}

/**
 * The bulk path's statements, prepared once per connection and reused by every batch: plain
 * better-sqlite3 statements with positional parameters, since Drizzle's prepared queries map every
 * parameter and result row through its column objects, which cost more than SQLite on this path.
 */
function prepareWriter(client: Database.Database) {
  return {
    // ON CONFLICT on the dedupe key only: a duplicate changes nothing; any other violation throws.
    insertArticle: client.prepare(
      `insert into articles (title, byline, publisher, published_at, url, external_id,
         collection, previous_version_id, language, text, text_sha256, extractor, import_job_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (text_sha256) do nothing`,
    ),
    // The newest stored version of a document, by its corpus id within its collection or else its
    // url (both indexed).
    latestByExternalId: client
      .prepare(
        "select id from articles where collection is ? and external_id = ? order by id desc limit 1",
      )
      .pluck(),
    latestByUrl: client
      .prepare("select id from articles where url = ? order by id desc limit 1")
      .pluck(),
    insertClaim: client.prepare(
      `insert into claims (article_id, content_start, content_end, content_text, source_start,
         source_end, source_text, cue_start, cue_end, cue_text, cue_lemma, source_id, quote_type,
         parent_claim_id, status, origin, score)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'suggested', ?, ?)`,
    ),
    setParent: client.prepare("update claims set parent_claim_id = ? where id = ?"),
    // matchOrCreateSource's lookup (a merged-away source stands for the one it was merged into).
    sourceByKey: client
      .prepare(
        `select coalesce(s.merged_into_id, s.id) from source_aliases a
         join sources s on s.id = a.source_id where a.alias_key = ?`,
      )
      .pluck(),
    // The same, only for a source an analyst registered or edited (it has audit events): what a
    // description ("the company") may cite; an importer-made source never qualifies.
    registeredSourceByKey: client
      .prepare(
        `select coalesce(s.merged_into_id, s.id) from source_aliases a
         join sources s on s.id = a.source_id where a.alias_key = ?
         and exists (select 1 from audit_events e where e.entity = 'source' and e.entity_id = s.id)`,
      )
      .pluck(),
    insertSource: client
      .prepare("insert into sources (name, name_key, kind) values (?, ?, ?) returning id")
      .pluck(),
    insertAlias: client.prepare("insert into source_aliases (source_id, alias_key) values (?, ?)"),
    // Migration 0005: while this row exists (only inside the importer's transaction) the claims
    // insert trigger leaves claims_fts alone, and the batch's claims are indexed in one statement.
    deferFts: client.prepare("insert or ignore into claims_fts_deferred (id) values (1)"),
    undeferFts: client.prepare("delete from claims_fts_deferred"),
    indexClaims: client.prepare(
      `insert into claims_fts (rowid, content_text, source_text, cue_text)
       select id, content_text, source_text, cue_text from claims where id between ? and ?`,
    ),
  };
}

type Writer = ReturnType<typeof prepareWriter>;
const writers = new WeakMap<Database.Database, Writer>();

function writerFor(client: Database.Database): Writer {
  let writer = writers.get(client);
  if (writer === undefined) {
    writer = prepareWriter(client);
    writers.set(client, writer);
  }
  return writer;
}

/**
 * Stores a batch of processed articles with their suggested claims in one transaction (a savepoint
 * when the caller already opened one). Articles whose text is already stored are skipped with their
 * claims: the text hash is the dedupe key, so re-running an import adds nothing. A new text of a
 * document already stored (same externalId, else same url) is a new version linked to the latest
 * one: annotated text is never rewritten.
 */
export function insertProcessedArticles(
  db: DbExecutor,
  jobId: number | null,
  batch: readonly TProcessedArticle[],
): InsertedArticles {
  return writeTransaction(db, (tx) => writeProcessedArticles(tx, jobId, batch));
}

/**
 * insertProcessedArticles without its own transaction or savepoint, for a caller that already
 * holds the write transaction and rolls all of it back if this throws (the import's batch
 * writer). No savepoint matters for speed: while one is open SQLite copies every page a
 * statement changes into its sub-journal, and a batch-long savepoint makes that journal spill to
 * a temporary file, a write system call per page per statement (about 3 of the 4 seconds this
 * took per Reuters corpus before).
 */
export function writeProcessedArticles(
  db: DbExecutor,
  jobId: number | null,
  batch: readonly TProcessedArticle[],
): InsertedArticles {
  const client = rawClient(db);
  if (!client.inTransaction) {
    throw new Error("writeProcessedArticles must run inside a write transaction");
  }
  const writer = writerFor(client);
  // One registry lookup per distinct name and kind in the batch, not per claim.
  const sourceIds = new Map<string, number>();
  const resolveSource = (claim: TSuggestedClaim): number | null => {
    // A blank name is no name: the registry refuses it, and it must not sink the whole batch.
    if (claim.sourceName === null || claim.sourceName.trim() === "") return null;
    // A description ("the company", "officials") stays a mention of its article: it cites a
    // registry source only if an analyst registered that description, and creates none.
    if (claim.sourceIsDescription) {
      const found = writer.registeredSourceByKey.get(
        normaliseSourceKey(claim.sourceName.replace(/\s+/g, " ").trim()),
      ) as number | undefined;
      return found ?? null;
    }
    const key = `${claim.sourceKindGuess ?? ""}\u0000${claim.sourceName}`;
    let id = sourceIds.get(key);
    if (id === undefined) {
      id = matchOrCreate(writer, claim.sourceName, claim.sourceKindGuess);
      sourceIds.set(key, id);
    }
    return id;
  };

  const result: InsertedArticles = { imported: 0, duplicates: 0, claims: 0, versions: 0 };
  const claimIds = { first: Number.POSITIVE_INFINITY, last: 0 };
  writer.deferFts.run();
  try {
    for (const article of batch) {
      const previousVersionId = findLatestVersion(writer, article);
      const inserted = writer.insertArticle.run(
        article.title,
        article.byline,
        article.publisher,
        article.publishedAt,
        article.url,
        article.externalId ?? null,
        article.collection ?? null,
        previousVersionId,
        article.language,
        article.text,
        article.textSha256,
        article.extractor,
        jobId,
      );
      if (inserted.changes === 0) {
        result.duplicates++;
        continue;
      }
      result.imported++;
      if (previousVersionId !== null) result.versions++;
      const articleId = Number(inserted.lastInsertRowid);
      result.claims += insertSuggestedClaims(
        writer,
        articleId,
        article.claims,
        resolveSource,
        claimIds,
      );
    }
  } finally {
    // Also after a throw: whatever the caller then does, claims and their index stay in step.
    if (claimIds.last > 0) writer.indexClaims.run(claimIds.first, claimIds.last);
    writer.undeferFts.run();
  }
  return result;
}

/**
 * matchOrCreateSource on the bulk path's own statements (the caller holds the write transaction):
 * the mention's key in source_aliases, following a merge, else a new source of `kindGuess`.
 */
function matchOrCreate(writer: Writer, sourceName: string, kindGuess: TSourceKind | null): number {
  const name = sourceName.replace(/\s+/g, " ").trim();
  const key = normaliseSourceKey(name);
  const found = writer.sourceByKey.get(key) as number | undefined;
  if (found !== undefined) return found;
  const id = writer.insertSource.get(name, key, kindGuess ?? "generic") as number;
  writer.insertAlias.run(id, key);
  return id;
}

function findLatestVersion(writer: Writer, article: TProcessedArticle): number | null {
  const externalId = article.externalId ?? null;
  if (externalId !== null) {
    const collection = article.collection ?? null;
    const byId = writer.latestByExternalId.get(collection, externalId) as number | undefined;
    if (byId !== undefined) return byId;
  }
  if (article.url === null) return null;
  return (writer.latestByUrl.get(article.url) as number | undefined) ?? null;
}

function insertSuggestedClaims(
  writer: Writer,
  articleId: number,
  suggestions: readonly TSuggestedClaim[],
  resolveSource: (claim: TSuggestedClaim) => number | null,
  claimIds: { first: number; last: number },
): number {
  const ids: number[] = [];
  const forwardParents: { index: number; parentIndex: number }[] = [];
  suggestions.forEach((claim, index) => {
    const parentIndex = claim.parentIndex;
    const parentClaimId =
      parentIndex !== null && parentIndex < index ? (ids[parentIndex] ?? null) : null;
    // A parent listed after its child is linked once every claim of the article has an id.
    if (parentIndex !== null && parentIndex > index && parentIndex < suggestions.length) {
      forwardParents.push({ index, parentIndex });
    }
    const source = claim.sourceMention;
    const cue = claim.cue;
    const inserted = writer.insertClaim.run(
      articleId,
      claim.content.start,
      claim.content.end,
      claim.content.exact,
      source?.start ?? null,
      source?.end ?? null,
      source?.exact ?? null,
      cue?.start ?? null,
      cue?.end ?? null,
      cue?.exact ?? null,
      claim.cueLemma,
      resolveSource(claim),
      claim.quoteType,
      parentClaimId,
      claim.origin,
      claim.score,
    );
    const id = Number(inserted.lastInsertRowid);
    ids.push(id);
    if (id < claimIds.first) claimIds.first = id;
    if (id > claimIds.last) claimIds.last = id;
  });
  for (const { index, parentIndex } of forwardParents) {
    writer.setParent.run(ids[parentIndex], ids[index]);
  }
  return ids.length;
}
