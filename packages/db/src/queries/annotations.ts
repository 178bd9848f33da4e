/** Annotations: one analyst's judgement of one claim, saved with optimistic concurrency. */
import type { TAnnotationUpsertInput } from "@claimdesk/types";
import { and, asc, eq, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { annotations, annotationTags, claimLayers, claims, users } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import {
  isBlindRole,
  type Reader,
  seesDrafts,
  seesTeamWorkSql,
  submittedArticleSql,
  visibleOwnerSql,
} from "./layer-view";
import { type Annotation, toAnnotation } from "./records";
import { articleSubmittedAt, assertLayerOpen, submitArticle } from "./submissions";

export type UpsertAnnotationParams = TAnnotationUpsertInput & { analystId: number };

/**
 * Creates the analyst's annotation of a claim (`version` null/omitted) or updates it (`version` the
 * one the editor saw). Values left out are kept; on create they start empty. A stale or missing
 * version is a ConflictError carrying the annotation as it is now.
 */
export function upsertAnnotation(db: DbExecutor, params: UpsertAnnotationParams): Annotation {
  const { claimId, analystId, values } = params;
  const version = params.version ?? null;
  // Tags are a set: keep the first occurrence of each.
  const tags = values.tags ? [...new Set(values.tags)] : undefined;
  return writeTransaction(db, (tx) => {
    const claim = tx
      .select({ id: claims.id, articleId: claims.articleId, origin: claims.origin })
      .from(claims)
      .where(eq(claims.id, claimId))
      .get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const existing = tx
      .select()
      .from(annotations)
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .get();
    // Another analyst's hand-made claim is not in this analyst's layer.
    if (claim.origin === "analyst" && !existing && !inOwnLayer(tx, claimId, analystId))
      throw new NotFoundError("Claim", claimId);
    assertLayerOpen(tx, claim.articleId, analystId);

    if (!existing) {
      if (version !== null)
        throw new ConflictError(
          `Your annotation of claim ${claimId} no longer exists (you had version ${version})`,
          { entity: "annotation", record: null },
        );
      const row = tx
        .insert(annotations)
        .values({ ...values, tags: tags ?? [], claimId, analystId, version: 0 })
        .returning()
        .get();
      const created = toAnnotation(row);
      replaceTagIndex(tx, row.id, claimId, row.tags);
      writeAuditEvent(tx, {
        entity: "annotation",
        entityId: row.id,
        action: "create",
        actorId: analystId,
        before: null,
        after: created,
      });
      return created;
    }

    const current = toAnnotation(existing);
    const stale = () =>
      new ConflictError(
        version === null
          ? `Your annotation of claim ${claimId} already exists (version ${current.version}); reload it before saving`
          : `Annotation ${current.id} was changed elsewhere (version ${current.version}, you had ${version})`,
        { entity: "annotation", record: current },
      );
    if (version !== existing.version) throw stale();
    const row = tx
      .update(annotations)
      .set({
        ...values,
        ...(tags ? { tags } : {}),
        version: existing.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(annotations.id, existing.id), eq(annotations.version, version)))
      .returning()
      .get();
    if (!row) throw stale();
    const updated = toAnnotation(row);
    if (tags) replaceTagIndex(tx, row.id, claimId, row.tags);
    writeAuditEvent(tx, {
      entity: "annotation",
      entityId: row.id,
      action: "update",
      actorId: analystId,
      before: current,
      after: updated,
    });
    return updated;
  });
}

function inOwnLayer(db: DbExecutor, claimId: number, analystId: number): boolean {
  return (
    db
      .select({ id: claimLayers.id })
      .from(claimLayers)
      .where(and(eq(claimLayers.claimId, claimId), eq(claimLayers.analystId, analystId)))
      .get() !== undefined
  );
}

/** Mirrors an annotation's tags into annotation_tags, the index the claims table filters on. */
function replaceTagIndex(
  tx: DbExecutor,
  annotationId: number,
  claimId: number,
  tags: string[],
): void {
  tx.delete(annotationTags).where(eq(annotationTags.annotationId, annotationId)).run();
  if (tags.length > 0) {
    tx.insert(annotationTags)
      .values(tags.map((tag) => ({ annotationId, claimId, tag })))
      .run();
  }
}

/** Who is reading (see layer-view.ts for the rules). */
export type AnnotationReader = Reader;

/** SQL: "analyst `analystId` has submitted their layer of the article of claim `claimIdColumn`". */
export function submittedByAnalystSql(claimIdColumn: SQL | SQLiteColumn, analystId: number): SQL {
  return submittedArticleSql(
    sql`(select ${claims.articleId} from ${claims} where ${claims.id} = ${claimIdColumn})`,
    analystId,
  );
}

/** Whether `reader` may see other analysts' layers, annotations and history of `claimId`. */
export function canSeeOthersAnnotations(
  db: DbExecutor,
  reader: AnnotationReader,
  claimId: number,
): boolean {
  if (!isBlindRole(reader.role)) return reader.role !== "viewer";
  const claim = db
    .select({ articleId: claims.articleId })
    .from(claims)
    .where(eq(claims.id, claimId))
    .get();
  return claim !== undefined && articleSubmittedAt(db, claim.articleId, reader.id) !== null;
}

const held = alias(claimLayers, "held");

/**
 * Whether `reader` may know that claim `claimId` exists (false when there is no such claim): a
 * rule suggestion, or a hand-made claim that a layer they may see holds (their own; another
 * analyst's once both submitted; gold where they see gold). Adjudicators and admins know every
 * claim. Elsewhere another analyst's draft hand-made claim is "not found", like a missing id.
 */
export function claimKnownTo(db: DbExecutor, claimId: number, reader: Reader): boolean {
  const claim = db
    .select({ origin: claims.origin })
    .from(claims)
    .where(eq(claims.id, claimId))
    .get();
  if (!claim) return false;
  if (claim.origin !== "analyst" || seesDrafts(reader.role)) return true;
  const goldVisible = reader.role === "viewer" ? sql`1` : seesTeamWorkSql(reader, held.articleId);
  return (
    db
      .select({ id: held.id })
      .from(held)
      .where(
        and(
          eq(held.claimId, claimId),
          sql`((${held.kind} = 'analyst' and ${visibleOwnerSql(reader, held.analystId, held.articleId)}) or (${held.kind} = 'gold' and ${goldVisible}))`,
        ),
      )
      .get() !== undefined
  );
}

/**
 * Submits the analyst's layer of the claim's article (one action for the whole article, see
 * submissions.ts) and returns their annotation of the claim (an empty one is created if none).
 */
export function submitAnnotation(
  db: DbExecutor,
  params: { claimId: number; analystId: number },
): Annotation {
  const { claimId, analystId } = params;
  return writeTransaction(db, (tx) => {
    const claim = tx
      .select({ id: claims.id, articleId: claims.articleId, origin: claims.origin })
      .from(claims)
      .where(eq(claims.id, claimId))
      .get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const existing = tx
      .select()
      .from(annotations)
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .get();
    // Another analyst's hand-made claim is not in this analyst's layer (as in upsertAnnotation).
    if (claim.origin === "analyst" && !existing && !inOwnLayer(tx, claimId, analystId))
      throw new NotFoundError("Claim", claimId);
    if (!existing && articleSubmittedAt(tx, claim.articleId, analystId) === null)
      tx.insert(annotations).values({ claimId, analystId, tags: [], version: 0 }).run();
    submitArticle(tx, { articleId: claim.articleId, analystId });
    const row = tx
      .select()
      .from(annotations)
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .get();
    if (!row) throw new NotFoundError("Annotation of claim", claimId);
    return toAnnotation(row);
  });
}

export type AnnotationWithAnalyst = Annotation & { analystName: string };

export interface ClaimAnnotations {
  /** The reader's own annotation, if any. */
  own: AnnotationWithAnalyst | null;
  /** Other analysts' annotations (submitted ones, unless the reader sees drafts), by analyst
   * name: empty while `othersHidden`. */
  others: AnnotationWithAnalyst[];
  /** True when the blind rule hides others' annotations from the reader (they have not submitted). */
  othersHidden: boolean;
}

/**
 * The annotations of a claim that `reader` may see: their own always; the others' only once the
 * reader (when an analyst) has submitted their own, and then (as for viewers) only the submitted
 * ones; adjudicators and admins see drafts too. NotFoundError if the claim does not exist.
 */
export function listAnnotationsForClaim(
  db: DbExecutor,
  claimId: number,
  reader: AnnotationReader,
): ClaimAnnotations {
  if (!claimKnownTo(db, claimId, reader)) throw new NotFoundError("Claim", claimId);
  const select = () =>
    db
      .select({ annotation: annotations, analystName: users.name })
      .from(annotations)
      .innerJoin(users, eq(users.id, annotations.analystId));
  const withName = (r: {
    annotation: typeof annotations.$inferSelect;
    analystName: string;
  }): AnnotationWithAnalyst => ({ ...toAnnotation(r.annotation), analystName: r.analystName });
  const ownRow = select()
    .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, reader.id)))
    .get();
  const own = ownRow ? withName(ownRow) : null;
  if (!canSeeOthersAnnotations(db, reader, claimId)) return { own, others: [], othersHidden: true };
  const others = select()
    .where(
      and(
        eq(annotations.claimId, claimId),
        ne(annotations.analystId, reader.id),
        seesDrafts(reader.role) ? undefined : isNotNull(annotations.submittedAt),
      ),
    )
    .orderBy(asc(users.name), asc(annotations.id))
    .all()
    .map(withName);
  return { own, others, othersHidden: false };
}

/**
 * For one claim, what `reader` may see of other analysts' work under the blind rule: the ids of
 * the annotations they may see, and whether they see the others' at all. Used where records are
 * loaded unscoped and then narrowed (an export).
 */
export function visibleAnnotationsOf(
  db: DbExecutor,
  claimId: number,
  reader: AnnotationReader,
): { ids: Set<number>; seesOthers: boolean } {
  const rows = db
    .select({
      id: annotations.id,
      analystId: annotations.analystId,
      submitted: isNotNull(annotations.submittedAt),
    })
    .from(annotations)
    .where(eq(annotations.claimId, claimId))
    .all();
  if (seesDrafts(reader.role)) return { ids: new Set(rows.map((r) => r.id)), seesOthers: true };
  // Viewers read the gold layer: in an export, the submitted annotations behind it and the decision.
  if (reader.role === "viewer")
    return { ids: new Set(rows.filter((r) => r.submitted).map((r) => r.id)), seesOthers: true };
  const seesOthers = canSeeOthersAnnotations(db, reader, claimId);
  const ids = new Set(
    rows
      .filter((r) => r.analystId === reader.id || (seesOthers && Boolean(r.submitted)))
      .map((r) => r.id),
  );
  return { ids, seesOthers };
}
