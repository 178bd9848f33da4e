/** Import jobs: their row, failed records, and the batched writer of processed articles and claims. */
import type { TImportJobStatus, TProcessedArticle, TSuggestedClaim } from "@claimdesk/types";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { articles, claims, importErrors, importJobs } from "../schema";
import { type DbExecutor, writeTransaction } from "./executor";
import { matchOrCreateSource } from "./sources";

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
  /** Of `imported`: changed texts of a document already stored (same externalId or url). */
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

/** The statements of one batch, prepared once: the write path runs them per article and claim. */
function prepareWriter(db: DbExecutor) {
  const p = sql.placeholder;
  return {
    // ON CONFLICT on the dedupe key only: a duplicate changes nothing; any other violation throws.
    // run() and lastInsertRowid rather than RETURNING: measurably faster on this bulk path.
    insertArticle: db
      .insert(articles)
      .values({
        title: p("title"),
        byline: p("byline"),
        publisher: p("publisher"),
        publishedAt: p("publishedAt"),
        url: p("url"),
        externalId: p("externalId"),
        previousVersionId: p("previousVersionId"),
        language: p("language"),
        text: p("text"),
        textSha256: p("textSha256"),
        extractor: p("extractor"),
        importJobId: p("importJobId"),
      })
      .onConflictDoNothing({ target: articles.textSha256 })
      .prepare(),
    // The newest stored version of a document, by its corpus id or else its url (both indexed).
    latestByExternalId: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.externalId, p("key")))
      .orderBy(desc(articles.id))
      .limit(1)
      .prepare(),
    latestByUrl: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.url, p("key")))
      .orderBy(desc(articles.id))
      .limit(1)
      .prepare(),
    insertClaim: db
      .insert(claims)
      .values({
        articleId: p("articleId"),
        contentStart: p("contentStart"),
        contentEnd: p("contentEnd"),
        contentText: p("contentText"),
        sourceStart: p("sourceStart"),
        sourceEnd: p("sourceEnd"),
        sourceText: p("sourceText"),
        cueStart: p("cueStart"),
        cueEnd: p("cueEnd"),
        cueText: p("cueText"),
        cueLemma: p("cueLemma"),
        sourceId: p("sourceId"),
        quoteType: p("quoteType"),
        parentClaimId: p("parentClaimId"),
        status: "suggested",
        origin: p("origin"),
        score: p("score"),
      })
      .prepare(),
    setParent: db
      .update(claims)
      .set({ parentClaimId: sql`${p("parentClaimId")}` })
      .where(eq(claims.id, p("id")))
      .prepare(),
  };
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
  return writeTransaction(db, (tx) => {
    const writer = prepareWriter(tx);
    // One registry lookup per distinct name and kind in the batch, not per claim.
    const sourceIds = new Map<string, number>();
    const resolveSource = (claim: TSuggestedClaim): number | null => {
      // A blank name is no name: the registry refuses it, and it must not sink the whole batch.
      if (claim.sourceName === null || claim.sourceName.trim() === "") return null;
      const key = `${claim.sourceKindGuess ?? ""}\u0000${claim.sourceName}`;
      let id = sourceIds.get(key);
      if (id === undefined) {
        id = matchOrCreateSource(tx, { name: claim.sourceName, kindGuess: claim.sourceKindGuess });
        sourceIds.set(key, id);
      }
      return id;
    };

    const result: InsertedArticles = { imported: 0, duplicates: 0, claims: 0, versions: 0 };
    for (const article of batch) {
      const previousVersionId = findLatestVersion(writer, article);
      const inserted = writer.insertArticle.run({
        title: article.title,
        byline: article.byline,
        publisher: article.publisher,
        publishedAt: article.publishedAt,
        url: article.url,
        externalId: article.externalId ?? null,
        previousVersionId,
        language: article.language,
        text: article.text,
        textSha256: article.textSha256,
        extractor: article.extractor,
        importJobId: jobId,
      });
      if (inserted.changes === 0) {
        result.duplicates++;
        continue;
      }
      result.imported++;
      if (previousVersionId !== null) result.versions++;
      const articleId = Number(inserted.lastInsertRowid);
      result.claims += insertSuggestedClaims(writer, articleId, article.claims, resolveSource);
    }
    return result;
  });
}

function findLatestVersion(
  writer: ReturnType<typeof prepareWriter>,
  article: TProcessedArticle,
): number | null {
  const externalId = article.externalId ?? null;
  if (externalId !== null) {
    const byId = writer.latestByExternalId.get({ key: externalId });
    if (byId !== undefined) return byId.id;
  }
  if (article.url === null) return null;
  return writer.latestByUrl.get({ key: article.url })?.id ?? null;
}

function insertSuggestedClaims(
  writer: ReturnType<typeof prepareWriter>,
  articleId: number,
  suggestions: readonly TSuggestedClaim[],
  resolveSource: (claim: TSuggestedClaim) => number | null,
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
    const inserted = writer.insertClaim.run({
      articleId,
      contentStart: claim.content.start,
      contentEnd: claim.content.end,
      contentText: claim.content.exact,
      sourceStart: claim.sourceMention?.start ?? null,
      sourceEnd: claim.sourceMention?.end ?? null,
      sourceText: claim.sourceMention?.exact ?? null,
      cueStart: claim.cue?.start ?? null,
      cueEnd: claim.cue?.end ?? null,
      cueText: claim.cue?.exact ?? null,
      cueLemma: claim.cueLemma,
      sourceId: resolveSource(claim),
      quoteType: claim.quoteType,
      parentClaimId,
      origin: claim.origin,
      score: claim.score,
    });
    ids.push(Number(inserted.lastInsertRowid));
  });
  for (const { index, parentIndex } of forwardParents) {
    writer.setParent.run({ id: ids[index], parentClaimId: ids[parentIndex] });
  }
  return ids.length;
}
