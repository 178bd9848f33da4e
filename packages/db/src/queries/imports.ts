/** Import jobs: their row, failed records, and the batched writer of processed articles and claims. */
import type { TImportJobStatus, TProcessedArticle, TSuggestedClaim } from "@claimdesk/types";
import { eq, sql } from "drizzle-orm";
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
}

export type ImportJob = typeof importJobs.$inferSelect;

/** Creates a running job with the paths and options it was started with; returns its id. */
export function createImportJob(db: DbExecutor, input: Record<string, unknown>): number {
  return db
    .insert(importJobs)
    .values({ input, status: "running", startedAt: new Date() })
    .returning({ id: importJobs.id })
    .get().id;
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
        language: p("language"),
        text: p("text"),
        textSha256: p("textSha256"),
        extractor: p("extractor"),
        importJobId: p("importJobId"),
      })
      .onConflictDoNothing({ target: articles.textSha256 })
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
 * claims: the text hash is the dedupe key, so re-running an import adds nothing.
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

    const result: InsertedArticles = { imported: 0, duplicates: 0, claims: 0 };
    for (const article of batch) {
      const inserted = writer.insertArticle.run({
        title: article.title,
        byline: article.byline,
        publisher: article.publisher,
        publishedAt: article.publishedAt,
        url: article.url,
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
      const articleId = Number(inserted.lastInsertRowid);
      result.claims += insertSuggestedClaims(writer, articleId, article.claims, resolveSource);
    }
    return result;
  });
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
