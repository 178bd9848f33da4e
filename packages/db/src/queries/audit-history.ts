/**
 * A claim's audit history: the events of the claim itself, of its annotations and adjudication,
 * and of the source and proposition it links — who, when, what, and which fields changed (before →
 * after, computed from the events' before/after records). Audit events are append-only: nothing
 * deletes them, so a deleted claim's history stays readable (its annotations' and adjudication's
 * events are then found through the `claimId` their records carry).
 *
 * The blind rule holds here too (layer-view.ts): an analyst sees another analyst's changes to
 * their layer and annotation of the claim only once both have submitted the article; viewers see
 * no analyst's layer; adjudicators and admins see every event.
 */
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  adjudications,
  annotations,
  articleSubmissions,
  auditEvents,
  claims,
  users,
} from "../schema";
import { type AnnotationReader, claimKnownTo } from "./annotations";
import { getClaimWithDetails } from "./claims";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";
import { seesDrafts } from "./layer-view";

/** One field an event changed. Values are the records' JSON values (null when absent). */
export interface HistoryFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One event of a claim's history (the shape of `THistoryEvent` in @claimdesk/types). */
export interface HistoryEvent {
  id: number;
  entity: string;
  entityId: number;
  action: string;
  actor: { id: number; name: string } | null;
  at: string;
  changes: HistoryFieldChange[];
}

/** Bookkeeping fields every record carries: not shown as changes. */
const IGNORED_FIELDS = new Set(["id", "version", "createdAt", "updatedAt"]);

/** The most events one claim's history returns (newest first). */
export const HISTORY_LIMIT = 1000;

type JsonRecord = Record<string, unknown> | null;

const isEmpty = (v: unknown) =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * The fields whose values differ between `before` and `after` (deep, by JSON), in the records'
 * field order. On a create (no before) the fields set to a value; on a delete the fields it had.
 */
export function diffRecords(before: JsonRecord, after: JsonRecord): HistoryFieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: HistoryFieldChange[] = [];
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (before === null && isEmpty(a)) continue;
    if (after === null && isEmpty(b)) continue;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes.push({ field, before: b, after: a });
  }
  return changes;
}

type EventRow = {
  id: number;
  entity: string;
  entityId: number;
  action: string;
  actorId: number | null;
  actorName: string | null;
  before: JsonRecord;
  after: JsonRecord;
  createdAt: Date;
};

function selectEvents(db: DbExecutor, where: SQL | undefined): EventRow[] {
  return db
    .select({
      id: auditEvents.id,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: users.name,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(HISTORY_LIMIT)
    .all();
}

const numberField = (record: JsonRecord, field: string): number | null => {
  const v = record?.[field];
  return typeof v === "number" ? v : null;
};

/** The record an event is about: after it, or (for a delete) before it. */
const recordOf = (e: { before: JsonRecord; after: JsonRecord }) => e.after ?? e.before;

/**
 * The history of claim `claimId` as `reader` may see it, newest first (at most HISTORY_LIMIT
 * events). Works for deleted claims; NotFoundError when the claim never existed.
 */
export function getClaimHistory(
  db: DbExecutor,
  claimId: number,
  reader: AnnotationReader,
): HistoryEvent[] {
  const claim = db
    .select({
      articleId: claims.articleId,
      sourceId: claims.sourceId,
      propositionId: claims.propositionId,
    })
    .from(claims)
    .where(eq(claims.id, claimId))
    .get();
  const claimEvents = selectEvents(
    db,
    and(eq(auditEvents.entity, "claim"), eq(auditEvents.entityId, claimId)),
  );
  if (!claim && claimEvents.length === 0) throw new NotFoundError("Claim", claimId);
  // Another analyst's draft hand-made claim is not found, as a missing id is.
  if (claim && !claimKnownTo(db, claimId, reader)) throw new NotFoundError("Claim", claimId);

  // What the claim links (or, deleted, last linked): its source and proposition. Under the blind
  // rule, as the reader's own view holds the claim: another analyst's hand-made claim (or their
  // layer's links) would otherwise show through the linked entities' events.
  const last = claimEvents[0] ? recordOf(claimEvents[0]) : null;
  let sourceId = claim ? claim.sourceId : numberField(last, "sourceId");
  let propositionId = claim ? claim.propositionId : numberField(last, "propositionId");
  if (!seesDrafts(reader.role)) {
    const seen = claim ? getClaimWithDetails(db, claimId, reader) : null;
    const lastActor = claimEvents[0]?.actorId ?? null;
    const ownDeletion = !claim && lastActor !== null && lastActor === reader.id;
    sourceId = seen ? seen.sourceId : ownDeletion ? sourceId : null;
    propositionId = seen ? seen.propositionId : ownDeletion ? propositionId : null;
  }

  // Annotations and the adjudication: by their ids while the claim exists (indexed), else by the
  // claimId their records carry (the rows went with the claim; the events stay).
  const ofClaim = (entity: "annotation" | "adjudication", ids: SQL): SQL | undefined =>
    claim
      ? and(eq(auditEvents.entity, entity), inArray(auditEvents.entityId, ids))
      : and(
          eq(auditEvents.entity, entity),
          sql`json_extract(coalesce(${auditEvents.after}, ${auditEvents.before}), '$.claimId') = ${claimId}`,
        );
  const related = selectEvents(
    db,
    or(
      ofClaim(
        "annotation",
        sql`(select ${annotations.id} from ${annotations} where ${annotations.claimId} = ${claimId})`,
      ),
      ofClaim(
        "adjudication",
        sql`(select ${adjudications.id} from ${adjudications} where ${adjudications.claimId} = ${claimId})`,
      ),
      sourceId !== null
        ? and(eq(auditEvents.entity, "source"), eq(auditEvents.entityId, sourceId))
        : undefined,
      propositionId !== null
        ? and(eq(auditEvents.entity, "proposition"), eq(auditEvents.entityId, propositionId))
        : undefined,
    ),
  );

  let events = [...claimEvents, ...related];
  if (!seesDrafts(reader.role)) {
    // The blind rule (layer-view.ts): another analyst's layer changes and annotations show only
    // to an analyst who submitted the article, and only the layers of analysts who submitted it
    // too; viewers read gold, so they see adjudications but no analyst's layer.
    const articleId = claim ? claim.articleId : numberField(last, "articleId");
    const submitters = new Set(
      articleId === null
        ? []
        : db
            .select({ analystId: articleSubmissions.analystId })
            .from(articleSubmissions)
            .where(eq(articleSubmissions.articleId, articleId))
            .all()
            .map((r) => r.analystId),
    );
    const seesOthers = reader.role === "analyst" && submitters.has(reader.id);
    events = events.filter((e) => {
      if (e.entity === "adjudication") return reader.role === "viewer" || seesOthers;
      if (e.entity !== "annotation" && e.entity !== "claim") return true;
      const owner = e.entity === "annotation" ? numberField(recordOf(e), "analystId") : e.actorId;
      if (owner === null) return true;
      if (owner === reader.id) return true;
      return seesOthers && submitters.has(owner);
    });
  }
  // A deleted claim whose every event the reader may not see: not found to them either.
  if (!claim && events.length === 0) throw new NotFoundError("Claim", claimId);
  events.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  return events.slice(0, HISTORY_LIMIT).map((e) => ({
    id: e.id,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    actor: e.actorId !== null ? { id: e.actorId, name: e.actorName ?? `#${e.actorId}` } : null,
    at: e.createdAt.toISOString(),
    changes: diffRecords(e.before, e.after),
  }));
}
