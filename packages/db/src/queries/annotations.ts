/** Annotations: one analyst's judgement of one claim, saved with optimistic concurrency. */
import type { TAnnotationUpsertInput } from "@claimdesk/types";
import { and, eq } from "drizzle-orm";
import { annotations, annotationTags, claims } from "../schema";
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
