/**
 * Turns a claim filter (the claims table's view, an export's selection) into one SQL condition
 * over `claims`, so the table, its API and every exporter select exactly the same claims.
 * Joins are avoided: each facet is an indexed column or an EXISTS/IN sub-query.
 */
import type { TClaimFilter } from "@claimdesk/types";
import { and, exists, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { annotations, annotationTags, articles, claims, sources } from "../schema";
import { toFtsQuery } from "./articles";

/** The condition for `filter`, or undefined when it selects every claim. */
export function claimFilterWhere(filter: TClaimFilter): SQL | undefined {
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
  if (annotationConditions.length > 0) {
    parts.push(
      exists(
        sql`(select 1 from ${annotations} where ${annotations.claimId} = ${claims.id} and ${and(...annotationConditions)})`,
      ),
    );
  }
  if (some(filter.tag)) {
    parts.push(
      inArray(
        claims.id,
        sql`(select ${annotationTags.claimId} from ${annotationTags} where ${inArray(annotationTags.tag, filter.tag)})`,
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
