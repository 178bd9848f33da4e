/**
 * The source registry page: listing sources with their maintained claim counters, and merging
 * one source into another (its claims and aliases move to the source kept).
 */
import type { TMergeSourcesInput, TSourceRegistryInput } from "@claimdesk/types";
import { and, asc, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { claims, sourceAliases, sources } from "../schema";
import { writeAuditEvent } from "./audit";
import { InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type Source, toSource } from "./records";
import { normaliseSourceKey } from "./sources";

/** Sources (merged-away ones left out) whose name or alias contains `query`, most-cited first. */
export function listSourceRegistry(
  db: DbExecutor,
  input: TSourceRegistryInput = {},
): { items: Source[]; total: number } {
  const key = input.query ? normaliseSourceKey(input.query) : "";
  const where = and(
    isNull(sources.mergedIntoId),
    input.kind && input.kind.length > 0 ? inArray(sources.kind, input.kind) : undefined,
    key
      ? or(
          sql`instr(${sources.nameKey}, ${key}) > 0`,
          inArray(
            sources.id,
            db
              .select({ id: sourceAliases.sourceId })
              .from(sourceAliases)
              .where(sql`instr(${sourceAliases.aliasKey}, ${key}) > 0`),
          ),
        )
      : undefined,
  );
  const rows = db
    .select()
    .from(sources)
    .where(where)
    .orderBy(desc(sources.claimCount), asc(sources.name), asc(sources.id))
    .limit(input.limit ?? 50)
    .offset(input.offset ?? 0)
    .all();
  const total = db.select({ n: count() }).from(sources).where(where).get()?.n ?? 0;
  return { items: rows.map((r) => toSource(r, r.claimCount)), total };
}

/**
 * Merges `mergeId` into `keepId` in one transaction: its claims point at the kept source (each
 * claim's version bumped, so an editor holding the old one gets a conflict), its name and aliases
 * become the kept source's aliases, and it is marked `mergedIntoId` (kept for history). Sources
 * merged into it earlier follow it. Audited as a "merge" of the merged source and an "update"
 * of the kept one.
 */
export function mergeSources(
  db: DbExecutor,
  input: TMergeSourcesInput,
  actorId: number,
): { kept: Source; movedClaims: number } {
  const { keepId, mergeId } = input;
  if (keepId === mergeId)
    throw new InvalidInputError("mergeId", "A source cannot be merged into itself");
  return writeTransaction(db, (tx) => {
    const keep = tx.select().from(sources).where(eq(sources.id, keepId)).get();
    if (!keep) throw new NotFoundError("Source", keepId);
    const merge = tx.select().from(sources).where(eq(sources.id, mergeId)).get();
    if (!merge) throw new NotFoundError("Source", mergeId);
    if (keep.mergedIntoId !== null)
      throw new InvalidInputError(
        "keepId",
        `Source ${keepId} was already merged into source ${keep.mergedIntoId}`,
      );
    if (merge.mergedIntoId !== null)
      throw new InvalidInputError(
        "mergeId",
        `Source ${mergeId} was already merged into source ${merge.mergedIntoId}`,
      );

    const moved = tx
      .update(claims)
      .set({
        sourceId: keepId,
        version: sql`${claims.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(claims.sourceId, mergeId))
      .run().changes;

    const keys = new Set([keep.nameKey, ...keep.aliases.map(normaliseSourceKey)]);
    const aliases = [...keep.aliases];
    for (const name of [merge.name, ...merge.aliases]) {
      const k = normaliseSourceKey(name);
      if (keys.has(k)) continue;
      keys.add(k);
      aliases.push(name);
    }
    tx.update(sourceAliases)
      .set({ sourceId: keepId })
      .where(eq(sourceAliases.sourceId, mergeId))
      .run();
    const keptRow = tx
      .update(sources)
      .set({ aliases, version: sql`${sources.version} + 1`, updatedAt: new Date() })
      .where(eq(sources.id, keepId))
      .returning()
      .get();
    const mergedRow = tx
      .update(sources)
      .set({ mergedIntoId: keepId, version: sql`${sources.version} + 1`, updatedAt: new Date() })
      .where(eq(sources.id, mergeId))
      .returning()
      .get();
    tx.update(sources).set({ mergedIntoId: keepId }).where(eq(sources.mergedIntoId, mergeId)).run();

    writeAuditEvent(tx, {
      entity: "source",
      entityId: mergeId,
      action: "merge",
      actorId,
      before: toSource(merge, merge.claimCount),
      after: {
        ...toSource(mergedRow, mergedRow.claimCount),
        mergedIntoId: keepId,
        movedClaims: moved,
      },
    });
    writeAuditEvent(tx, {
      entity: "source",
      entityId: keepId,
      action: "update",
      actorId,
      before: toSource(keep, keep.claimCount),
      after: toSource(keptRow, keptRow.claimCount),
    });
    return { kept: toSource(keptRow, keptRow.claimCount), movedClaims: moved };
  });
}
