/** Annotations: one analyst's judgement of one claim, saved with optimistic concurrency. */
import type { TAnnotationUpsertInput, TUserRole } from "@claimdesk/types";
import { and, asc, eq, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { annotations, annotationTags, claims, users } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type Annotation, toAnnotation } from "./records";

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
    const claim = tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const existing = tx
      .select()
      .from(annotations)
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .get();

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

/** Who is reading: the blind rule depends on the role. */
export interface AnnotationReader {
  id: number;
  role: TUserRole;
}

/**
 * The blind rule: an analyst sees other analysts' annotations of a claim only once they have
 * submitted their own for it, and then only the submitted ones. Viewers (who annotate nothing)
 * see the submitted annotations; adjudicators and admins see every annotation, drafts included.
 */
export function isBlindRole(role: TUserRole): boolean {
  return role === "analyst";
}

/** Whether `role` sees others' drafts (unsubmitted annotations): adjudicators and admins. */
export function seesDrafts(role: TUserRole): boolean {
  return role === "adjudicator" || role === "admin";
}

/**
 * SQL: "the analyst `analystId` has submitted their annotation of the claim `claimIdColumn`",
 * for use inside other queries (the claims table's filters, the proposition overview, history).
 */
export function submittedByAnalystSql(claimIdColumn: SQL | SQLiteColumn, analystId: number): SQL {
  return sql`exists (select 1 from ${annotations} where ${annotations.claimId} = ${claimIdColumn} and ${annotations.analystId} = ${analystId} and ${annotations.submittedAt} is not null)`;
}

/** Whether `reader` may see other analysts' annotations (and their history) of `claimId`. */
export function canSeeOthersAnnotations(
  db: DbExecutor,
  reader: AnnotationReader,
  claimId: number,
): boolean {
  if (!isBlindRole(reader.role)) return true;
  const own = db
    .select({ id: annotations.id })
    .from(annotations)
    .where(
      and(
        eq(annotations.claimId, claimId),
        eq(annotations.analystId, reader.id),
        isNotNull(annotations.submittedAt),
      ),
    )
    .get();
  return own !== undefined;
}

/**
 * Marks the analyst's annotation of a claim submitted (creating an empty one if there is none),
 * with an audit event. Submitting again keeps the first submission's time and writes nothing.
 * Edits after submitting stay allowed (and audited) through `upsertAnnotation`.
 */
export function submitAnnotation(
  db: DbExecutor,
  params: { claimId: number; analystId: number },
): Annotation {
  const { claimId, analystId } = params;
  return writeTransaction(db, (tx) => {
    const claim = tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const existing = tx
      .select()
      .from(annotations)
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .get();
    const now = new Date();
    if (!existing) {
      const row = tx
        .insert(annotations)
        .values({ claimId, analystId, tags: [], submittedAt: now, version: 0 })
        .returning()
        .get();
      const created = toAnnotation(row);
      writeAuditEvent(tx, {
        entity: "annotation",
        entityId: row.id,
        action: "submit",
        actorId: analystId,
        before: null,
        after: created,
      });
      return created;
    }
    if (existing.submittedAt !== null) return toAnnotation(existing);
    const row = tx
      .update(annotations)
      .set({ submittedAt: now, version: existing.version + 1, updatedAt: now })
      .where(eq(annotations.id, existing.id))
      .returning()
      .get();
    if (!row) throw new NotFoundError("Annotation", existing.id);
    const submitted = toAnnotation(row);
    writeAuditEvent(tx, {
      entity: "annotation",
      entityId: row.id,
      action: "submit",
      actorId: analystId,
      before: toAnnotation(existing),
      after: submitted,
    });
    return submitted;
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
  const claim = db.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).get();
  if (!claim) throw new NotFoundError("Claim", claimId);
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
  const visible = !isBlindRole(reader.role) || own?.submittedAt != null;
  if (!visible) return { own, others: [], othersHidden: true };
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
 * the annotations they may see, and whether they see the others' (and the adjudication) at all.
 * Used where records are loaded unscoped and then narrowed (an analyst's export).
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
  const own = rows.find((r) => r.analystId === reader.id);
  const seesOthers = !isBlindRole(reader.role) || Boolean(own?.submitted);
  const ids = new Set(
    rows
      .filter((r) => r.analystId === reader.id || (seesOthers && Boolean(r.submitted)))
      .map((r) => r.id),
  );
  return { ids, seesOthers };
}
