/**
 * Turns a claim filter (the claims table's view, an export's selection) into one SQL condition
 * over `claims` as a view sees them (layer-view.ts: the query LEFT JOINs `layer` with
 * `layerJoin(view)`), so the table, its API and every exporter select exactly the same claims.
 * Decided facets (status, source, proposition) read the view's layer over the proposal; the
 * judgement facets read the view's own judgement: the analyst's annotation, or gold's.
 */
import type { TClaimFilter } from "@claimdesk/types";
import { and, count, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { annotations, annotationTags, articles, claims, sources } from "../schema";
import { toFtsQuery } from "./articles";
import type { DbExecutor } from "./executor";
import {
  asReader,
  effColumns,
  inView,
  layer,
  layerJoin,
  type ReaderLike,
  type View,
  viewOf,
} from "./layer-view";

/** The condition for `filter` in `view` (without `inView`), or undefined when it selects all. */
export function claimFilterWhere(filter: TClaimFilter, view: View): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const some = <T>(values: T[] | undefined): values is T[] =>
    values !== undefined && values.length > 0;

  if (some(filter.status)) parts.push(inArray(effColumns.status, filter.status));
  if (some(filter.sourceId)) parts.push(inArray(effColumns.sourceId, filter.sourceId));
  if (some(filter.propositionId))
    parts.push(inArray(effColumns.propositionId, filter.propositionId));
  if (some(filter.articleId)) parts.push(inArray(claims.articleId, filter.articleId));
  if (some(filter.sourceKind)) {
    parts.push(
      inArray(
        effColumns.sourceId,
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
  if (view.kind === "gold") {
    if (some(filter.sourceStance)) parts.push(inArray(layer.sourceStance, filter.sourceStance));
    if (some(filter.likelihood)) parts.push(inArray(layer.likelihood, filter.likelihood));
    if (some(filter.tag))
      // Gold has no tags of its own: the submitted annotations' tags of claims gold holds.
      parts.push(
        sql`${layer.id} is not null and exists (select 1 from ${annotationTags} join ${annotations} on ${annotations.id} = ${annotationTags.annotationId} where ${annotationTags.claimId} = ${claims.id} and ${inArray(annotationTags.tag, filter.tag)} and ${annotations.submittedAt} is not null)`,
      );
  } else {
    const own = view.analystId;
    const annotationConditions = [
      some(filter.sourceStance)
        ? inArray(annotations.sourceStance, filter.sourceStance)
        : undefined,
      some(filter.likelihood) ? inArray(annotations.likelihood, filter.likelihood) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    // As rowid IN (…): the plan starts from the analyst's own matching annotations, so its cost
    // is bounded by their work, not by the corpus (an EXISTS per claim walked every claim when
    // few matched: 515 ms at 1M claims, bench/results/web.md).
    if (annotationConditions.length > 0)
      parts.push(
        sql`${claims.id} in (select ${annotations.claimId} from ${annotations} where ${annotations.analystId} = ${own} and ${and(...annotationConditions)})`,
      );
    if (some(filter.tag))
      parts.push(
        sql`${claims.id} in (select ${annotationTags.claimId} from ${annotationTags} join ${annotations} on ${annotations.id} = ${annotationTags.annotationId} where ${inArray(annotationTags.tag, filter.tag)} and ${annotations.analystId} = ${own})`,
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

/** `inView` and the filter, for a view's claim queries. */
export function viewWhere(filter: TClaimFilter, view: View): SQL {
  const where = claimFilterWhere(filter, view);
  return where ? (and(inView, where) as SQL) : inView;
}

/** Whether claim `claimId` is selected by `filter` as `reader` sees it. */
export function claimMatchesFilter(
  db: DbExecutor,
  claimId: number,
  filter: TClaimFilter,
  reader: ReaderLike,
): boolean {
  const view = viewOf(asReader(reader));
  return (
    db
      .select({ id: claims.id })
      .from(claims)
      .leftJoin(layer, layerJoin(view))
      .where(and(eq(claims.id, claimId), viewWhere(filter, view)))
      .get() !== undefined
  );
}

/** How many claims `filter` selects in `view` (the export page's count). */
export function countClaimsMatching(db: DbExecutor, filter: TClaimFilter, view: View): number {
  return (
    db
      .select({ n: count() })
      .from(claims)
      .leftJoin(layer, layerJoin(view))
      .where(viewWhere(filter, view))
      .get()?.n ?? 0
  );
}
