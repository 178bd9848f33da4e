/**
 * The claims table across the corpus: one page of claims selected by the shared claim filter
 * (`claimFilterWhere`), sorted, with what each row shows; a capped count; the filter pickers'
 * facets; and bulk edits (accept, reject, set proposition) with a result per claim.
 */
import type {
  TBulkUpdateInput,
  TClaimFilter,
  TClaimSort,
  TCorpusClaimsInput,
  TCorpusCountInput,
} from "@claimdesk/types";
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { annotations, annotationTags, articles, claims, propositions, sources } from "../schema";
import { toFtsQuery } from "./articles";
import { viewWhere } from "./claim-filter";
import { updateClaim } from "./claims";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";
import {
  asReader,
  effColumns,
  layer,
  layerJoin,
  type ReaderLike,
  type View,
  viewOf,
} from "./layer-view";

/** One row of the claims table, as the reader's view has it (their layer, or gold for viewers);
 * `sourceStance`/`likelihood` are the reader's own (gold's for viewers). */
export interface ClaimTableRow {
  id: number;
  articleId: number;
  articleTitle: string | null;
  publisher: string | null;
  publishedAt: string | null;
  contentText: string;
  sourceText: string | null;
  cueText: string | null;
  sourceId: number | null;
  sourceName: string | null;
  sourceKind: (typeof sources.$inferSelect)["kind"] | null;
  status: (typeof claims.$inferSelect)["status"];
  quoteType: (typeof claims.$inferSelect)["quoteType"];
  propositionId: number | null;
  propositionText: string | null;
  sourceStance: (typeof annotations.$inferSelect)["sourceStance"];
  likelihood: (typeof annotations.$inferSelect)["likelihood"];
  version: number;
  updatedAt: string;
}

export interface ClaimTablePage {
  items: ClaimTableRow[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: number | null;
}

/**
 * ORDER BY terms for a sort. Every order ends in a unique key so pages never overlap, and each
 * is written so an index can deliver it (all terms in one direction): id → the rowid,
 * article → claims_article_idx, status → claims_status_idx, publishedAt → articles_published_at_idx
 * as the outer loop with claims_article_idx inside.
 */
function orderTerms(sort: TClaimSort): SQL[] {
  const dir = sort.direction === "asc" ? asc : desc;
  switch (sort.field) {
    case "article":
      return [dir(claims.articleId), dir(claims.contentStart), dir(claims.id)];
    case "status":
      return [dir(effColumns.status), dir(claims.id)];
    case "publishedAt":
      return [
        dir(articles.publishedAt),
        dir(articles.id),
        dir(claims.contentStart),
        dir(claims.id),
      ];
    case "source":
      return [dir(sources.nameKey), dir(claims.id)];
    case "updatedAt":
      return [dir(sql`coalesce(${layer.updatedAt}, ${claims.updatedAt})`), dir(claims.id)];
    default:
      return [dir(claims.id)];
  }
}

/**
 * With a search alone and the default order (by id), the page's ids come from walking the FTS index in
 * rowid order (CROSS JOIN keeps claims_fts the outer loop), stopping at the page's end: a word in
 * most claims ("said") then costs a page, not a set of every match. The other facets are still
 * `claimFilterWhere`'s, so the selection is the same.
 */
function searchPageIds(
  db: DbExecutor,
  filter: TClaimFilter,
  fts: string,
  direction: "asc" | "desc",
  limit: number,
  offset: number,
  view: View,
): number[] {
  const rest = viewWhere({ ...filter, query: undefined }, view);
  const rows = db.all<{ id: number }>(sql`
    select claims.id as id from claims_fts cross join claims on claims.id = claims_fts.rowid
    left join claim_layers layer on ${layerJoin(view)}
    where claims_fts match ${fts} and ${rest}
    order by claims_fts.rowid ${direction === "asc" ? sql`asc` : sql`desc`}
    limit ${limit} offset ${offset}`);
  return rows.map((r) => r.id);
}

/**
 * Sorted by the article's date: the page walks articles in date order (articles_published_at_idx)
 * and each article's claims (claims_article_idx), stopping at the page's end. CROSS JOIN keeps
 * articles the outer loop: left to choose, SQLite walked every matching claim and sorted them all
 * (115–223 ms at 100k claims with a status filter, bench/results/web.md).
 */
function datePageIds(
  db: DbExecutor,
  filter: TClaimFilter,
  direction: "asc" | "desc",
  limit: number,
  offset: number,
  view: View,
): number[] {
  const d = direction === "asc" ? sql`asc` : sql`desc`;
  const rows = db.all<{ id: number }>(sql`
    select claims.id as id from articles cross join claims on claims.article_id = articles.id
    left join claim_layers layer on ${layerJoin(view)}
    where ${viewWhere(filter, view)}
    order by articles.published_at ${d}, articles.id ${d}, claims.content_start ${d}, claims.id ${d}
    limit ${limit} offset ${offset}`);
  return rows.map((r) => r.id);
}

/**
 * One page of the claims the filter selects in `reader`'s view (layer-view.ts), in the requested
 * order.
 */
export function listClaimTable(
  db: DbExecutor,
  input: TCorpusClaimsInput,
  readerLike: ReaderLike,
): ClaimTablePage {
  const reader = asReader(readerLike);
  const view = viewOf(reader);
  const filter: TClaimFilter = input.filter ?? {};
  const sort: TClaimSort = { field: "id", direction: "desc", ...input.sort };
  const limit = input.limit ?? 100;
  const offset = input.cursor ?? 0;
  const fts = filter.query ? toFtsQuery(filter.query) : null;
  // Only for a search alone: with other facets too, a common word would walk many matches that
  // the facets then refuse, and the set of matches (claimFilterWhere) is the cheaper plan.
  const searchOnly = Object.entries(filter).every(
    ([key, value]) =>
      key === "query" || value === undefined || (Array.isArray(value) && value.length === 0),
  );
  const ids =
    fts !== null && searchOnly && sort.field === "id"
      ? searchPageIds(db, filter, fts, sort.direction, limit + 1, offset, view)
      : sort.field === "publishedAt"
        ? datePageIds(db, filter, sort.direction, limit + 1, offset, view)
        : null;
  if (ids !== null && ids.length === 0) return { items: [], nextCursor: null };
  const rows = db
    .select({
      id: claims.id,
      articleId: claims.articleId,
      articleTitle: articles.title,
      publisher: articles.publisher,
      publishedAt: articles.publishedAt,
      contentText: effColumns.contentText,
      sourceText: effColumns.sourceText,
      cueText: effColumns.cueText,
      sourceId: effColumns.sourceId,
      sourceName: sources.name,
      sourceKind: sources.kind,
      status: effColumns.status,
      quoteType: effColumns.quoteType,
      propositionId: effColumns.propositionId,
      propositionText: propositions.text,
      sourceStance: view.kind === "gold" ? layer.sourceStance : annotations.sourceStance,
      likelihood: view.kind === "gold" ? layer.likelihood : annotations.likelihood,
      version: effColumns.version,
      updatedAt: sql<number>`coalesce(${layer.updatedAt}, ${claims.updatedAt})`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(layer, layerJoin(view))
    .leftJoin(sources, eq(sources.id, effColumns.sourceId))
    .leftJoin(propositions, eq(propositions.id, effColumns.propositionId))
    .leftJoin(
      annotations,
      and(eq(annotations.claimId, claims.id), eq(annotations.analystId, reader.id)),
    )
    .where(ids !== null ? inArray(claims.id, ids) : viewWhere(filter, view))
    .orderBy(...orderTerms(sort))
    .limit(limit + 1)
    .offset(ids !== null ? 0 : offset)
    .all();
  const hasMore = rows.length > limit;
  return {
    items: rows
      .slice(0, limit)
      .map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
    nextCursor: hasMore ? offset + limit : null,
  };
}

/**
 * How many claims the filter selects, counting no further than `cap` (a count over a million
 * claims would cost more than the page itself): `capped` says the true number is larger.
 */
export function countClaimTable(
  db: DbExecutor,
  input: TCorpusCountInput,
  reader: ReaderLike,
): { total: number; capped: boolean } {
  const cap = input.cap ?? 10_000;
  const view = viewOf(asReader(reader));
  const limited = db
    .select({ one: sql`1` })
    .from(claims)
    .leftJoin(layer, layerJoin(view))
    .where(viewWhere(input.filter ?? {}, view))
    .limit(cap + 1)
    .as("limited");
  const n = db.select({ n: count() }).from(limited).get()?.n ?? 0;
  return { total: Math.min(n, cap), capped: n > cap };
}

/**
 * The values the filter pickers offer: publishers, tags, propositions and the most-cited sources.
 * Tags (and their counts) are those the tag filter matches in `reader`'s view: their own, or the
 * submitted ones behind gold for viewers.
 */
export function claimFacets(db: DbExecutor, readerLike: ReaderLike) {
  const view = viewOf(asReader(readerLike));
  const publishers = db
    .select({ value: articles.publisher, n: count() })
    .from(articles)
    .where(isNotNull(articles.publisher))
    .groupBy(articles.publisher)
    .orderBy(asc(articles.publisher))
    .limit(500)
    .all()
    .flatMap((r) => (r.value === null ? [] : [{ value: r.value, count: r.n }]));
  const tags = db
    .select({
      value: annotationTags.tag,
      n: sql<number>`count(distinct ${annotationTags.claimId})`,
    })
    .from(annotationTags)
    .where(
      sql`exists (select 1 from ${annotations} where ${annotations.id} = ${annotationTags.annotationId} and ${
        view.kind === "gold"
          ? sql`${annotations.submittedAt} is not null`
          : sql`${annotations.analystId} = ${view.analystId}`
      })`,
    )
    .groupBy(annotationTags.tag)
    .orderBy(asc(annotationTags.tag))
    .limit(500)
    .all()
    .map((r) => ({ value: r.value, count: r.n }));
  const topSources = db
    .select({ id: sources.id, name: sources.name, kind: sources.kind, count: sources.claimCount })
    .from(sources)
    .where(sql`${sources.mergedIntoId} is null`)
    .orderBy(desc(sources.claimCount), asc(sources.name))
    .limit(200)
    .all();
  const propositionRows = db
    .select({ id: propositions.id, text: propositions.text })
    .from(propositions)
    .orderBy(asc(propositions.text))
    .limit(500)
    .all();
  return { publishers, tags, sources: topSources, propositions: propositionRows };
}

/** What happened to one claim of a bulk edit. */
export type BulkClaimResult =
  | { id: number; ok: true; version: number }
  | { id: number; ok: false; reason: "conflict" | "not_found"; message: string };

/**
 * Applies one action to each selected claim through `updateClaim`, so every claim keeps its own
 * optimistic-concurrency check and audit event: a claim changed since the table loaded it is
 * reported as a conflict and left alone, while the others are updated.
 */
export function bulkUpdateClaims(
  db: DbExecutor,
  input: TBulkUpdateInput,
  actor: ReaderLike,
): { results: BulkClaimResult[]; updated: number; failed: number } {
  const { action } = input;
  if (action.type === "setProposition" && action.propositionId !== null) {
    const found = db
      .select({ id: propositions.id })
      .from(propositions)
      .where(eq(propositions.id, action.propositionId))
      .get();
    if (!found)
      throw new InvalidInputError("action", `Proposition ${action.propositionId} does not exist`);
  }
  const patch =
    action.type === "accept"
      ? { status: "accepted" as const }
      : action.type === "reject"
        ? { status: "rejected" as const }
        : { propositionId: action.propositionId };
  const results: BulkClaimResult[] = [];
  for (const { id, version } of input.claims) {
    try {
      const claim = updateClaim(db, { id, version, patch }, actor);
      results.push({ id, ok: true, version: claim.version });
    } catch (error) {
      if (error instanceof ConflictError)
        results.push({ id, ok: false, reason: "conflict", message: error.message });
      else if (error instanceof NotFoundError)
        results.push({ id, ok: false, reason: "not_found", message: error.message });
      else throw error;
    }
  }
  const updated = results.filter((r) => r.ok).length;
  return { results, updated, failed: results.length - updated };
}
