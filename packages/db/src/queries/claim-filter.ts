/**
 * Turns a claim filter (the claims table's view, an export's selection) into one SQL condition
 * over `claims`, so the table, its API and every exporter select exactly the same claims.
 * Joins are avoided: each facet is an indexed column or an EXISTS/IN sub-query.
 */
import type { TClaimFilter } from "@claimdesk/types";
import { and, count, eq, exists, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { annotations, annotationTags, articles, claims, sources } from "../schema";
import { submittedByAnalystSql } from "./annotations";
import { toFtsQuery } from "./articles";
import type { DbExecutor } from "./executor";

/**
 * Whose eyes the filter works for. `blindAnalystId` (an analyst, see `isBlindRole`): the
 * annotation facets (stance, likelihood, tag) match only that analyst's own annotation, or
 * another's submitted one on a claim they have submitted their own for, so a filter never reveals another
 * analyst's judgement of a claim the reader is still blind on. Omitted: every annotation counts
 * (adjudicators, admins, viewers, exports, the worker).
 */
export interface ClaimFilterScope {
  blindAnalystId?: number;
}

/** The condition for `filter`, or undefined when it selects every claim. */
export function claimFilterWhere(
  filter: TClaimFilter,
  scope: ClaimFilterScope = {},
): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const some = <T>(values: T[] | undefined): values is T[] =>
    values !== undefined && values.length > 0;

  if (some(filter.status)) parts.push(inArray(claims.status, filter.status));
  if (some(filter.sourceId)) parts.push(inArray(claims.sourceId, filter.sourceId));
  if (some(filter.propositionId)) parts.push(inArray(claims.propositionId, filter.propositionId));
  if (some(filter.articleId)) parts.push(inArray(claims.articleId, filter.articleId));
  if (some(filter.sourceKind)) {
    parts.push(
      inArray(
        claims.sourceId,
        sql`(select ${sources.id} from ${sources} where ${inArray(sources.kind, filter.sourceKind)})`,
      ),
    );
  }
  const articleConditions = [
    some(filter.publisher) ? inArray(articles.publisher, filter.publisher) : undefined,
    filter.dateFrom ? gte(articles.publishedAt, filter.dateFrom) : undefined,
    // An ISO date-time on the last day still counts: compare against the day's end.
    filter.dateTo ? lte(articles.publishedAt, `${filter.dateTo.slice(0, 10)}T99`) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (articleConditions.length > 0) {
    parts.push(
      inArray(
        claims.articleId,
        sql`(select ${articles.id} from ${articles} where ${and(...articleConditions)})`,
      ),
    );
  }
  const annotationConditions = [
    some(filter.sourceStance) ? inArray(annotations.sourceStance, filter.sourceStance) : undefined,
    some(filter.likelihood) ? inArray(annotations.likelihood, filter.likelihood) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const blind = scope.blindAnalystId;
  // For a blind analyst: the annotations they may see — their own, or submitted ones on claims
  // they submitted.
  const visibleAnnotation =
    blind === undefined
      ? undefined
      : sql`(${annotations.analystId} = ${blind} or (${annotations.submittedAt} is not null and ${submittedByAnalystSql(claims.id, blind)}))`;
  if (annotationConditions.length > 0) {
    parts.push(
      exists(
        sql`(select 1 from ${annotations} where ${annotations.claimId} = ${claims.id} and ${and(...annotationConditions, visibleAnnotation)})`,
      ),
    );
  }
  if (some(filter.tag)) {
    parts.push(
      visibleAnnotation === undefined
        ? inArray(
            claims.id,
            sql`(select ${annotationTags.claimId} from ${annotationTags} where ${inArray(annotationTags.tag, filter.tag)})`,
          )
        : exists(
            sql`(select 1 from ${annotationTags} join ${annotations} on ${annotations.id} = ${annotationTags.annotationId} where ${annotationTags.claimId} = ${claims.id} and ${inArray(annotationTags.tag, filter.tag)} and ${visibleAnnotation})`,
          ),
    );
  }
  const fts = filter.query ? toFtsQuery(filter.query) : null;
  if (fts !== null) {
    parts.push(
      inArray(claims.id, sql`(select rowid from claims_fts where claims_fts match ${fts})`),
    );
  }
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}

/** Whether claim `claimId` is selected by `filter` as `scope` sees it. */
export function claimMatchesFilter(
  db: DbExecutor,
  claimId: number,
  filter: TClaimFilter,
  scope: ClaimFilterScope = {},
): boolean {
  const where = claimFilterWhere(filter, scope);
  return (
    db
      .select({ id: claims.id })
      .from(claims)
      .where(where ? and(eq(claims.id, claimId), where) : eq(claims.id, claimId))
      .get() !== undefined
  );
}

/** How many claims `filter` selects as `scope` sees it (the export page's count). */
export function countClaimsMatching(
  db: DbExecutor,
  filter: TClaimFilter,
  scope: ClaimFilterScope = {},
): number {
  return (
    db.select({ n: count() }).from(claims).where(claimFilterWhere(filter, scope)).get()?.n ?? 0
  );
}
