/**
 * The source registry page: listing sources with their maintained claim counters, merging several
 * sources into one (their claims and aliases move to the source kept), and undoing a merge.
 *
 * A merge's audit event (entity "source", action "merge", on the source merged away) records what
 * moved: the claims, the alias keys, the aliases added to the kept source and the sources that
 * had been merged into it earlier. Undo reads that event back, so no schema holds merge state
 * beyond `sources.mergedIntoId`.
 */
import type {
  TMergeSourcesInput,
  TSourceRecentMergesInput,
  TSourceRegistryInput,
  TSourcesMergeInput,
} from "@claimdesk/types";
import { and, asc, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  adjudications,
  auditEvents,
  claimLayers,
  claims,
  sourceAliases,
  sources,
  users,
} from "../schema";
import { writeAuditEvent } from "./audit";
import { InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type Source, toSource } from "./records";
import { normaliseSourceKey } from "./sources";

type SourceRow = typeof sources.$inferSelect;

/** A registry row as the registry page shows and edits it: with its version for concurrency. */
export type RegistrySource = Source & { version: number };

export function toRegistrySource(row: SourceRow): RegistrySource {
  return { ...toSource(row, row.claimCount), version: row.version };
}

/** Sources (merged-away ones left out) whose name or alias contains `query`, most-cited first. */
export function listSourceRegistry(
  db: DbExecutor,
  input: TSourceRegistryInput = {},
): { items: RegistrySource[]; total: number } {
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
  return { items: rows.map(toRegistrySource), total };
}

/** What a merge's audit event records beside the merged source (its `after`). */
export interface MergeRecord {
  mergedIntoId: number;
  movedClaims: number;
  /** The claims that cited the merged source and now cite the kept one. */
  movedClaimIds: number[];
  /** The claim layers (analysts' and gold) and adjudications that did likewise. */
  movedLayerIds: number[];
  movedAdjudicationIds: number[];
  /** The alias keys (source_aliases rows) that moved to the kept source. */
  movedAliasKeys: string[];
  /** The names appended to the kept source's aliases. */
  addedAliases: string[];
  /** Sources merged into the merged one earlier, which now point at the kept one. */
  followerIds: number[];
}

function readMergeRecord(after: Record<string, unknown> | null): MergeRecord | null {
  if (!after || typeof after.mergedIntoId !== "number") return null;
  const ids = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : [];
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  return {
    mergedIntoId: after.mergedIntoId,
    movedClaims: typeof after.movedClaims === "number" ? after.movedClaims : 0,
    movedClaimIds: ids(after.movedClaimIds),
    movedLayerIds: ids(after.movedLayerIds),
    movedAdjudicationIds: ids(after.movedAdjudicationIds),
    movedAliasKeys: strings(after.movedAliasKeys),
    addedAliases: strings(after.addedAliases),
    followerIds: ids(after.followerIds),
  };
}

function activeSource(tx: DbExecutor, id: number, field: string): SourceRow {
  const row = tx.select().from(sources).where(eq(sources.id, id)).get();
  if (!row) throw new NotFoundError("Source", id);
  if (row.mergedIntoId !== null)
    throw new InvalidInputError(
      field,
      `Source ${id} ("${row.name}") was already merged into source ${row.mergedIntoId}`,
    );
  return row;
}

/** The rows that cite a registry source: proposals, layers (analysts' and gold), decisions. */
interface CitingRows {
  claims: number[];
  layers: number[];
  decisions: number[];
}

/**
 * Re-points every row citing source `from` at source `to` (only the listed rows, when `only` is
 * given) and returns the ids it moved. Claims and layers get a new version, so an editor holding
 * the old one gets a conflict rather than writing the old source back.
 */
function repointSource(
  tx: DbExecutor,
  from: number,
  to: number,
  now: Date,
  only?: CitingRows,
): CitingRows {
  const moved: CitingRows = { claims: [], layers: [], decisions: [] };
  const slices = (ids: number[] | undefined) => {
    if (!ids) return [undefined];
    const out: number[][] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(ids.slice(i, i + 500));
    return out;
  };
  for (const ids of slices(only?.claims))
    moved.claims.push(
      ...tx
        .update(claims)
        .set({ sourceId: to, version: sql`${claims.version} + 1`, updatedAt: now })
        .where(and(eq(claims.sourceId, from), ids ? inArray(claims.id, ids) : undefined))
        .returning({ id: claims.id })
        .all()
        .map((r) => r.id),
    );
  for (const ids of slices(only?.layers))
    moved.layers.push(
      ...tx
        .update(claimLayers)
        .set({ sourceId: to, version: sql`${claimLayers.version} + 1`, updatedAt: now })
        .where(and(eq(claimLayers.sourceId, from), ids ? inArray(claimLayers.id, ids) : undefined))
        .returning({ id: claimLayers.id })
        .all()
        .map((r) => r.id),
    );
  for (const ids of slices(only?.decisions))
    moved.decisions.push(
      ...tx
        .update(adjudications)
        .set({ sourceId: to })
        .where(
          and(eq(adjudications.sourceId, from), ids ? inArray(adjudications.id, ids) : undefined),
        )
        .returning({ id: adjudications.id })
        .all()
        .map((r) => r.id),
    );
  return moved;
}

/**
 * Merges every source of `mergeIds` into `keepId` in one transaction: their claims point at the
 * kept source (each claim's version bumped, so an editor holding the old one gets a conflict),
 * their names and aliases become the kept source's aliases, and each is marked `mergedIntoId`
 * (kept for history). Sources merged into one of them earlier follow it. Audited as one "merge"
 * per merged source (recording what moved, for undo) and one "update" of the kept source.
 */
export function mergeManySources(
  db: DbExecutor,
  input: TSourcesMergeInput,
  actorId: number,
): { kept: RegistrySource; movedClaims: number; merged: number[] } {
  const { keepId, mergeIds } = input;
  if (mergeIds.includes(keepId))
    throw new InvalidInputError("mergeIds", "A source cannot be merged into itself");
  if (new Set(mergeIds).size !== mergeIds.length)
    throw new InvalidInputError("mergeIds", "A source is listed twice");
  return writeTransaction(db, (tx) => {
    const keep = activeSource(tx, keepId, "keepId");
    const merging = mergeIds.map((id) => activeSource(tx, id, "mergeIds"));
    const keys = new Set([keep.nameKey, ...keep.aliases.map(normaliseSourceKey)]);
    const aliases = [...keep.aliases];
    let movedClaims = 0;
    const now = new Date();
    for (const merge of merging) {
      const {
        claims: movedClaimIds,
        layers: movedLayerIds,
        decisions: movedAdjudicationIds,
      } = repointSource(tx, merge.id, keepId, now);
      movedClaims += movedClaimIds.length;
      const addedAliases: string[] = [];
      for (const name of [merge.name, ...merge.aliases]) {
        const k = normaliseSourceKey(name);
        if (keys.has(k)) continue;
        keys.add(k);
        aliases.push(name);
        addedAliases.push(name);
      }
      const movedAliasKeys = tx
        .update(sourceAliases)
        .set({ sourceId: keepId })
        .where(eq(sourceAliases.sourceId, merge.id))
        .returning({ key: sourceAliases.aliasKey })
        .all()
        .map((a) => a.key);
      const mergedRow = tx
        .update(sources)
        .set({ mergedIntoId: keepId, version: sql`${sources.version} + 1`, updatedAt: now })
        .where(eq(sources.id, merge.id))
        .returning()
        .get();
      const followerIds = tx
        .update(sources)
        .set({ mergedIntoId: keepId })
        .where(eq(sources.mergedIntoId, merge.id))
        .returning({ id: sources.id })
        .all()
        .map((s) => s.id);
      const record: MergeRecord = {
        mergedIntoId: keepId,
        movedClaims: movedClaimIds.length,
        movedClaimIds,
        movedLayerIds,
        movedAdjudicationIds,
        movedAliasKeys,
        addedAliases,
        followerIds,
      };
      writeAuditEvent(tx, {
        entity: "source",
        entityId: merge.id,
        action: "merge",
        actorId,
        before: toSource(merge, merge.claimCount),
        after: { ...toSource(mergedRow, mergedRow.claimCount), ...record },
      });
    }
    const keptRow = tx
      .update(sources)
      .set({ aliases, version: sql`${sources.version} + 1`, updatedAt: now })
      .where(eq(sources.id, keepId))
      .returning()
      .get();
    writeAuditEvent(tx, {
      entity: "source",
      entityId: keepId,
      action: "update",
      actorId,
      before: toSource(keep, keep.claimCount),
      after: { ...toSource(keptRow, keptRow.claimCount), mergedFrom: mergeIds },
    });
    return { kept: toRegistrySource(keptRow), movedClaims, merged: [...mergeIds] };
  });
}

/** corpus.mergeSources: the two-source merge (one source merged into another). */
export function mergeSources(
  db: DbExecutor,
  input: TMergeSourcesInput,
  actorId: number,
): { kept: RegistrySource; movedClaims: number } {
  if (input.keepId === input.mergeId)
    throw new InvalidInputError("mergeId", "A source cannot be merged into itself");
  try {
    const { kept, movedClaims } = mergeManySources(
      db,
      { keepId: input.keepId, mergeIds: [input.mergeId] },
      actorId,
    );
    return { kept, movedClaims };
  } catch (error) {
    // This input names the one merged source `mergeId`.
    if (error instanceof InvalidInputError && error.field === "mergeIds")
      throw new InvalidInputError("mergeId", error.message);
    throw error;
  }
}

/** The newest merge event of `sourceId`, with what it moved. */
function latestMerge(tx: DbExecutor, sourceId: number) {
  const event = tx
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, "source"),
        eq(auditEvents.entityId, sourceId),
        eq(auditEvents.action, "merge"),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get();
  const record = event ? readMergeRecord(event.after) : null;
  return event && record ? { event, record } : null;
}

/**
 * Undoes the merge of source `id`: it is active again, with the claims that moved and still cite
 * the kept source, its alias keys, the sources that followed it, and the kept source's aliases
 * without the names the merge added. A claim re-pointed since the merge keeps its new source
 * (counted in `claimsLeft`). Refused when the kept source was itself merged away since (undo
 * that merge first). Audited as an "update" of both sources.
 */
export function undoSourceMerge(
  db: DbExecutor,
  id: number,
  actorId: number,
): { restored: RegistrySource; kept: RegistrySource; restoredClaims: number; claimsLeft: number } {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(sources).where(eq(sources.id, id)).get();
    if (!row) throw new NotFoundError("Source", id);
    if (row.mergedIntoId === null)
      throw new InvalidInputError("id", `Source ${id} ("${row.name}") is not merged`);
    const merge = latestMerge(tx, id);
    if (!merge)
      throw new InvalidInputError(
        "id",
        `Source ${id} ("${row.name}") was merged before merges recorded what moved: it cannot be undone`,
      );
    if (merge.record.mergedIntoId !== row.mergedIntoId)
      throw new InvalidInputError(
        "id",
        `Source ${id} ("${row.name}") was merged into source ${merge.record.mergedIntoId}, which was merged into source ${row.mergedIntoId} since: undo that merge first`,
      );
    const keepId = merge.record.mergedIntoId;
    const keep = tx.select().from(sources).where(eq(sources.id, keepId)).get();
    if (!keep) throw new NotFoundError("Source", keepId);
    if (keep.mergedIntoId !== null)
      throw new InvalidInputError(
        "id",
        `Source ${keepId} ("${keep.name}"), which "${row.name}" was merged into, was itself merged into source ${keep.mergedIntoId} since: undo that merge first`,
      );
    const now = new Date();
    const {
      movedClaimIds,
      movedLayerIds,
      movedAdjudicationIds,
      movedAliasKeys,
      addedAliases,
      followerIds,
    } = merge.record;
    // Only what the merge moved and still cites the kept source (a claim re-pointed since stays).
    const restoredClaims = repointSource(tx, keepId, id, now, {
      claims: movedClaimIds,
      layers: movedLayerIds,
      decisions: movedAdjudicationIds,
    }).claims.length;
    for (const key of movedAliasKeys) {
      const owner = tx
        .select({ sourceId: sourceAliases.sourceId })
        .from(sourceAliases)
        .where(eq(sourceAliases.aliasKey, key))
        .get();
      if (!owner) tx.insert(sourceAliases).values({ sourceId: id, aliasKey: key }).run();
      else if (owner.sourceId === keepId)
        tx.update(sourceAliases).set({ sourceId: id }).where(eq(sourceAliases.aliasKey, key)).run();
      // Owned by another source since (an edit gave it away): it stays there.
    }
    if (followerIds.length > 0)
      tx.update(sources)
        .set({ mergedIntoId: id })
        .where(and(inArray(sources.id, followerIds), eq(sources.mergedIntoId, keepId)))
        .run();
    const added = new Set(addedAliases);
    const keptRow = tx
      .update(sources)
      .set({
        aliases: keep.aliases.filter((a) => !added.has(a)),
        version: sql`${sources.version} + 1`,
        updatedAt: now,
      })
      .where(eq(sources.id, keepId))
      .returning()
      .get();
    // An edit of the kept source may have taken this one's name key (see updateSource).
    let nameKey = row.nameKey;
    const ownKey = normaliseSourceKey(row.name);
    if (nameKey !== ownKey) {
      const holder = tx
        .select({ id: sources.id })
        .from(sources)
        .where(eq(sources.nameKey, ownKey))
        .get();
      if (holder)
        throw new InvalidInputError(
          "id",
          `Source ${holder.id} is now named "${row.name}": rename it before undoing this merge`,
        );
      nameKey = ownKey;
    }
    const restoredRow = tx
      .update(sources)
      .set({ mergedIntoId: null, nameKey, version: sql`${sources.version} + 1`, updatedAt: now })
      .where(eq(sources.id, id))
      .returning()
      .get();
    const undo = { undoneMergeEventId: merge.event.id, restoredClaims };
    writeAuditEvent(tx, {
      entity: "source",
      entityId: id,
      action: "update",
      actorId,
      before: { ...toSource(row, row.claimCount), mergedIntoId: keepId },
      after: { ...toSource(restoredRow, restoredRow.claimCount), mergedIntoId: null, ...undo },
    });
    writeAuditEvent(tx, {
      entity: "source",
      entityId: keepId,
      action: "update",
      actorId,
      before: toSource(keep, keep.claimCount),
      after: { ...toSource(keptRow, keptRow.claimCount), ...undo },
    });
    return {
      restored: toRegistrySource(restoredRow),
      kept: toRegistrySource(keptRow),
      restoredClaims,
      claimsLeft: movedClaimIds.length - restoredClaims,
    };
  });
}

/** A merge shown on the registry page, with whether it can still be undone. */
export interface RecentMerge {
  eventId: number;
  at: string;
  actorName: string | null;
  merged: { id: number; name: string };
  kept: { id: number; name: string };
  movedClaims: number;
}

/**
 * The newest merges whose merged source is still merged into the source the event names (so they
 * can be undone), newest first.
 */
export function listRecentMerges(
  db: DbExecutor,
  input: TSourceRecentMergesInput = {},
): RecentMerge[] {
  const limit = input.limit ?? 10;
  const events = db
    .select({
      id: auditEvents.id,
      entityId: auditEvents.entityId,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, "source"), eq(auditEvents.action, "merge")))
    .orderBy(desc(auditEvents.id))
    .limit(limit * 5)
    .all();
  const out: RecentMerge[] = [];
  const seen = new Set<number>();
  for (const event of events) {
    if (out.length >= limit) break;
    if (seen.has(event.entityId)) continue; // only a source's newest merge can be undone
    seen.add(event.entityId);
    const record = readMergeRecord(event.after);
    if (!record) continue;
    const merged = db.select().from(sources).where(eq(sources.id, event.entityId)).get();
    const kept = db.select().from(sources).where(eq(sources.id, record.mergedIntoId)).get();
    if (!merged || !kept || merged.mergedIntoId !== kept.id || kept.mergedIntoId !== null) continue;
    out.push({
      eventId: event.id,
      at: event.createdAt.toISOString(),
      actorName: event.actorName,
      merged: { id: merged.id, name: merged.name },
      kept: { id: kept.id, name: kept.name },
      movedClaims: record.movedClaims,
    });
  }
  return out;
}
