/**
 * Submitting an analyst's layer of an article: one action for the whole article. From then on the
 * layer is final (edits are refused), it counts for agreement and gold, and the analyst sees the
 * other analysts' submitted layers of the article.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { annotations, articleSubmissions, articles, claimLayers, claims } from "../schema";
import { writeAuditEvent } from "./audit";
import { ForbiddenError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { rebuildGold } from "./gold";

export interface ArticleSubmission {
  articleId: number;
  analystId: number;
  submittedAt: string;
  /** Suggestions in the article the analyst neither accepted nor rejected (no opinion). */
  undecided: number;
}

/** When `analystId` submitted `articleId`, or null. */
export function articleSubmittedAt(
  db: DbExecutor,
  articleId: number,
  analystId: number,
): string | null {
  const row = db
    .select({ at: articleSubmissions.submittedAt })
    .from(articleSubmissions)
    .where(
      and(eq(articleSubmissions.articleId, articleId), eq(articleSubmissions.analystId, analystId)),
    )
    .get();
  return row ? row.at.toISOString() : null;
}

/** Refuses a change to a layer its analyst has submitted. */
export function assertLayerOpen(db: DbExecutor, articleId: number, analystId: number): void {
  if (articleSubmittedAt(db, articleId, analystId) !== null)
    throw new ForbiddenError(
      `You submitted your annotation of article ${articleId}; it is final. An adjudicator decides where the analysts disagree.`,
    );
}

function undecidedCount(db: DbExecutor, articleId: number, analystId: number): number {
  const row = db.get<{ n: number }>(sql`
    select count(*) as n from ${claims} c
    left join ${claimLayers} l on l.claim_id = c.id and l.analyst_id = ${analystId}
    where c.article_id = ${articleId} and c.origin <> 'analyst'
      and coalesce(l.status, c.status) = 'suggested'`);
  return row?.n ?? 0;
}

/** Submits the analyst's layer of an article (again: nothing changes) and rebuilds its gold. */
export function submitArticle(
  db: DbExecutor,
  params: { articleId: number; analystId: number },
): ArticleSubmission {
  const { articleId, analystId } = params;
  return writeTransaction(db, (tx) => {
    const article = tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.id, articleId))
      .get();
    if (!article) throw new NotFoundError("Article", articleId);
    const existing = articleSubmittedAt(tx, articleId, analystId);
    if (existing === null) {
      const now = new Date();
      tx.insert(articleSubmissions).values({ articleId, analystId, submittedAt: now }).run();
      const claimIds = tx
        .select({ id: claims.id })
        .from(claims)
        .where(eq(claims.articleId, articleId))
        .all()
        .map((c) => c.id);
      for (let i = 0; i < claimIds.length; i += 500)
        tx.update(annotations)
          .set({ submittedAt: now })
          .where(
            and(
              inArray(annotations.claimId, claimIds.slice(i, i + 500)),
              eq(annotations.analystId, analystId),
              isNull(annotations.submittedAt),
            ),
          )
          .run();
      writeAuditEvent(tx, {
        entity: "article",
        entityId: articleId,
        action: "submit",
        actorId: analystId,
        before: null,
        after: { articleId, analystId, submittedAt: now.toISOString() },
      });
      rebuildGold(tx, articleId);
    }
    return {
      articleId,
      analystId,
      submittedAt: articleSubmittedAt(tx, articleId, analystId) as string,
      undecided: undecidedCount(tx, articleId, analystId),
    };
  });
}
