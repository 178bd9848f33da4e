/**
 * The access rules of the team layers, in one place.
 *
 * Every reader sees a *view*: the proposals (rule suggestions, shared and read-only) overlaid
 * with exactly one layer. Analysts, adjudicators and admins (everyone who annotates) see their own
 * layer; viewers see the gold layer. A hand-made claim is in a view only where that view's layer
 * holds it. Another analyst's layer of an article (decisions, hand-made claims, spans, sources,
 * propositions, judgements, tags, history) is visible to an analyst only after they submitted
 * their own layer of that article, and then only submitted layers; adjudicators and admins see
 * every layer, drafts included; viewers see the gold layer only.
 *
 * Queries that list claims LEFT JOIN `layer` with `layerJoin(view)` and read each decided column
 * through `eff(...)`; `inView(view)` keeps the rows the view holds.
 */
import type { TUserRole } from "@claimdesk/types";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { articleSubmissions, claimLayers, claims } from "../schema";

/** Who is reading: the rules depend on the role. */
export interface Reader {
  id: number;
  role: TUserRole;
}

/** A reader, or a bare user id for an analyst (the worker's local analyst, tests). */
export type ReaderLike = Reader | number;

export function asReader(reader: ReaderLike): Reader {
  return typeof reader === "number" ? { id: reader, role: "analyst" } : reader;
}

/**
 * The layer a view overlays on the proposals. A gold view read `forAnalyst` (an analyst's export)
 * holds gold only on the articles that analyst has submitted: elsewhere gold would show them the
 * other analysts' decisions, so they see the suggestions.
 */
export type View =
  | { kind: "analyst"; analystId: number }
  | { kind: "gold"; forAnalyst?: number | undefined };

/** The claim_layers row of the view, joined beside each `claims` row. */
export const layer = alias(claimLayers, "layer");

/** A reader's own view: their layer, or gold for viewers (who annotate nothing). */
export function viewOf(reader: Reader): View {
  return reader.role === "viewer" ? { kind: "gold" } : { kind: "analyst", analystId: reader.id };
}

/** The LEFT JOIN condition of `layer` for `view`. */
export function layerJoin(view: View): SQL {
  if (view.kind === "analyst")
    return and(eq(layer.claimId, claims.id), eq(layer.analystId, view.analystId)) as SQL;
  return and(
    eq(layer.claimId, claims.id),
    eq(layer.kind, "gold"),
    view.forAnalyst === undefined
      ? undefined
      : submittedArticleSql(claims.articleId, view.forAnalyst),
  ) as SQL;
}

/** The view an export reads for `reader`: gold, held back from an analyst where blind. */
export function exportViewOf(reader: Reader | undefined): View {
  return reader?.role === "analyst" ? { kind: "gold", forAnalyst: reader.id } : { kind: "gold" };
}

/** The rows a view holds: every rule suggestion, and the hand-made claims its layer holds. */
export const inView: SQL = sql`(${claims.origin} <> 'analyst' or ${layer.id} is not null)`;

/** A decided column as the view sees it: the layer's value where it has a row, else the proposal's. */
export function eff<T>(claimColumn: SQLiteColumn, layerColumn: SQLiteColumn): SQL<T> {
  return sql<T>`iif(${layer.id} is null, ${claimColumn}, ${layerColumn})`;
}

/** The decided columns as `view` sees them, for selects (see `eff`). */
export const effColumns = {
  status: eff<(typeof claims.$inferSelect)["status"]>(claims.status, layer.status),
  contentStart: eff<number>(claims.contentStart, layer.contentStart),
  contentEnd: eff<number>(claims.contentEnd, layer.contentEnd),
  contentText: eff<string>(claims.contentText, layer.contentText),
  sourceStart: eff<number | null>(claims.sourceStart, layer.sourceStart),
  sourceEnd: eff<number | null>(claims.sourceEnd, layer.sourceEnd),
  sourceText: eff<string | null>(claims.sourceText, layer.sourceText),
  cueStart: eff<number | null>(claims.cueStart, layer.cueStart),
  cueEnd: eff<number | null>(claims.cueEnd, layer.cueEnd),
  cueText: eff<string | null>(claims.cueText, layer.cueText),
  cueLemma: eff<string | null>(claims.cueLemma, layer.cueLemma),
  sourceId: eff<number | null>(claims.sourceId, layer.sourceId),
  quoteType: eff<(typeof claims.$inferSelect)["quoteType"]>(claims.quoteType, layer.quoteType),
  parentClaimId: eff<number | null>(claims.parentClaimId, layer.parentClaimId),
  propositionId: eff<number | null>(claims.propositionId, layer.propositionId),
  version: eff<number>(claims.version, layer.version),
};

/** Whether `role` sees other analysts' unsubmitted layers (adjudicators and admins). */
export function seesDrafts(role: TUserRole): boolean {
  return role === "adjudicator" || role === "admin";
}

/** The blind rule applies to analysts only. */
export function isBlindRole(role: TUserRole): boolean {
  return role === "analyst";
}

/** SQL: "analyst `analystId` has submitted their layer of the article `articleIdColumn`". */
export function submittedArticleSql(articleIdColumn: SQL | SQLiteColumn, analystId: number): SQL {
  return sql`exists (select 1 from ${articleSubmissions} where ${articleSubmissions.articleId} = ${articleIdColumn} and ${articleSubmissions.analystId} = ${analystId})`;
}

/**
 * SQL over an analyst-owned row (a layer, an annotation, an audit event) of article
 * `articleIdColumn` owned by `ownerColumn`: whether `reader` may see it. Their own always; the
 * others' once the reader submitted the article and the owner did too (adjudicators and admins:
 * all; viewers: none — they read gold).
 */
export function visibleOwnerSql(
  reader: Reader,
  ownerColumn: SQL | SQLiteColumn,
  articleIdColumn: SQL | SQLiteColumn,
): SQL {
  if (seesDrafts(reader.role)) return sql`1`;
  if (reader.role === "viewer") return sql`0`;
  return sql`(${ownerColumn} = ${reader.id} or (${submittedArticleSql(articleIdColumn, reader.id)} and exists (select 1 from ${articleSubmissions} s2 where s2.article_id = ${articleIdColumn} and s2.analyst_id = ${ownerColumn})))`;
}

/** Whether `reader` sees the team's work on an article beyond their own (others' layers, gold). */
export function seesTeamWorkSql(reader: Reader, articleIdColumn: SQL | SQLiteColumn): SQL {
  if (reader.role !== "analyst") return sql`1`;
  return submittedArticleSql(articleIdColumn, reader.id);
}

/**
 * SQL: whether `reader` may see the annotation in alias `a` (annotations) of a claim in the
 * article `articleIdColumn`: their own; another's once it and the reader's layer of the article
 * are both submitted; viewers see submitted ones (gold is made of them); adjudicators and admins
 * see all.
 */
export function visibleAnnotationSql(
  reader: Reader,
  analystIdColumn: SQL | SQLiteColumn,
  submittedAtColumn: SQL | SQLiteColumn,
  articleIdColumn: SQL | SQLiteColumn,
): SQL {
  if (seesDrafts(reader.role)) return sql`1`;
  if (reader.role === "viewer") return sql`(${submittedAtColumn} is not null)`;
  return sql`(${analystIdColumn} = ${reader.id} or (${submittedAtColumn} is not null and ${submittedArticleSql(articleIdColumn, reader.id)}))`;
}

/**
 * The view for raw SQL over `claims c`: the LEFT JOIN of `claim_layers l`, the rows it holds,
 * and a decided column as it sees it (`eff("source_id")`).
 */
export function rawView(view: View) {
  return {
    join:
      view.kind === "gold"
        ? sql`left join claim_layers l on l.claim_id = c.id and l.kind = 'gold' ${
            view.forAnalyst === undefined
              ? sql``
              : sql`and ${submittedArticleSql(sql`c.article_id`, view.forAnalyst)}`
          }`
        : sql`left join claim_layers l on l.claim_id = c.id and l.analyst_id = ${view.analystId}`,
    inView: sql`(c.origin <> 'analyst' or l.id is not null)`,
    eff: (column: string) => sql`iif(l.id is null, c.${sql.raw(column)}, l.${sql.raw(column)})`,
  };
}
