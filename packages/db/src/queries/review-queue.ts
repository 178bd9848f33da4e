/**
 * The review queue: claims that need one analyst's attention in their own layer — still
 * `suggested`, or `accepted` but not yet annotated (rejected claims need nothing), in articles they
 * have not submitted yet — grouped by article,
 * oldest article first (import order, i.e. by id). An analyst with assignments (any role) sees only
 * the claims in their assigned articles; one without sees every article.
 */
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { annotations, articles, assignments, claims } from "../schema";
import { hasAssignments } from "./assignments";
import type { DbExecutor } from "./executor";
import { effColumns, inView, layer, layerJoin, submittedArticleSql } from "./layer-view";

/** How many of the queue's articles the summary lists, in queue order. */
export const QUEUE_UPCOMING_LIMIT = 10;

export interface QueueArticle {
  articleId: number;
  title: string | null;
  /** Claims in it that need attention. */
  pending: number;
  /** The first of them in reading order. */
  firstClaimId: number;
}

export interface QueueSummary {
  /** Articles with at least one pending claim. */
  articles: number;
  /** Pending claims in all. */
  claims: number;
  suggested: number;
  unannotated: number;
  /** True when the queue follows the analyst's assignments (only assigned articles). */
  assigned: boolean;
}

function pendingWhere(
  db: DbExecutor,
  analystId: number,
): { join: SQL; where: SQL; assigned: boolean } {
  const needsMe = and(
    inView,
    or(
      eq(effColumns.status, "suggested"),
      and(eq(effColumns.status, "accepted"), isNull(annotations.id)),
    ),
    sql`not ${submittedArticleSql(claims.articleId, analystId)}`,
  ) as SQL;
  const assigned = hasAssignments(db, analystId);
  return {
    join: and(eq(annotations.claimId, claims.id), eq(annotations.analystId, analystId)) as SQL,
    where: assigned
      ? (and(
          needsMe,
          inArray(
            claims.articleId,
            db
              .select({ id: assignments.articleId })
              .from(assignments)
              .where(eq(assignments.analystId, analystId)),
          ),
        ) as SQL)
      : needsMe,
    assigned,
  };
}

/** Every article with pending claims, oldest first, with counts and its first pending claim. */
function pendingArticles(db: DbExecutor, analystId: number): QueueArticle[] {
  const { join, where } = pendingWhere(db, analystId);
  // min() over (contentStart, id) packed in one integer picks the first claim in reading order.
  const first = sql<number>`min(${effColumns.contentStart} * 4294967296 + ${claims.id}) % 4294967296`;
  return db
    .select({
      articleId: claims.articleId,
      title: articles.title,
      pending: count(),
      firstClaimId: first.mapWith(Number),
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(layer, layerJoin({ kind: "analyst", analystId }))
    .leftJoin(annotations, join)
    .where(where)
    .groupBy(claims.articleId)
    .orderBy(asc(claims.articleId))
    .all();
}

export function reviewQueueSummary(
  db: DbExecutor,
  analystId: number,
): QueueSummary & { next: QueueArticle | null; upcoming: QueueArticle[] } {
  const { join, where, assigned } = pendingWhere(db, analystId);
  const byStatus = db
    .select({ status: effColumns.status, n: count() })
    .from(claims)
    .leftJoin(layer, layerJoin({ kind: "analyst", analystId }))
    .leftJoin(annotations, join)
    .where(where)
    .groupBy(effColumns.status)
    .all();
  const suggested = byStatus.find((r) => r.status === "suggested")?.n ?? 0;
  const unannotated = byStatus.find((r) => r.status === "accepted")?.n ?? 0;
  const list = pendingArticles(db, analystId);
  return {
    articles: list.length,
    claims: suggested + unannotated,
    suggested,
    unannotated,
    assigned,
    next: list[0] ?? null,
    upcoming: list.slice(0, QUEUE_UPCOMING_LIMIT),
  };
}

/**
 * The next article needing attention after `afterArticleId` (the next older-to-newer one, wrapping
 * around to the oldest; the given article itself only when it is the sole one left), and how much
 * remains in the whole queue.
 */
export function nextInQueue(
  db: DbExecutor,
  params: { analystId: number; afterArticleId?: number | undefined },
): { next: QueueArticle | null; remainingArticles: number; remainingClaims: number } {
  const list = pendingArticles(db, params.analystId);
  const after = params.afterArticleId;
  const next =
    after === undefined
      ? list[0]
      : (list.find((a) => a.articleId > after) ??
        list.find((a) => a.articleId !== after) ??
        list[0]);
  return {
    next: next ?? null,
    remainingArticles: list.length,
    remainingClaims: list.reduce((sum, a) => sum + a.pending, 0),
  };
}
