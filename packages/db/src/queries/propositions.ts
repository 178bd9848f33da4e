/** Propositions: normalised statements that several claims bear on; listing for autocomplete, creating. */
import type {
  TPropositionCreateInput,
  TPropositionListInput,
  TTagListInput,
} from "@claimdesk/types";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { annotations, annotationTags, claims, propositions } from "../schema";
import { writeAuditEvent } from "./audit";
import { NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type Reader, type ReaderLike, visibleAnnotationSql } from "./layer-view";
import { propositionClaimCountSql } from "./proposition-overview";

export interface Proposition {
  id: number;
  text: string;
  /** Claims linked to it. */
  claimCount: number;
}

/** Whitespace folded: the stored form of a proposition's text. */
function tidy(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** Claims are counted in a reader's view (layer-view.ts); without one, gold's. */
const VIEWER: ReaderLike = { id: 0, role: "viewer" };

/** Propositions whose text contains `query` (case-insensitive, no wildcards), most-cited first
 * in `reader`'s view. */
export function listPropositions(
  db: DbExecutor,
  input: TPropositionListInput = {},
  reader: ReaderLike = VIEWER,
): { items: Proposition[] } {
  const query = input.query ? tidy(input.query).toLowerCase() : "";
  const claimCount = propositionClaimCountSql(reader);
  const items = db
    .select({ id: propositions.id, text: propositions.text, claimCount })
    .from(propositions)
    // instr() rather than LIKE: a typed "%" or "_" must not act as a wildcard.
    .where(query ? sql`instr(lower(${propositions.text}), ${query}) > 0` : undefined)
    .orderBy(desc(claimCount), asc(propositions.id))
    .limit(input.limit ?? 20)
    .all();
  return { items };
}

export function getProposition(
  db: DbExecutor,
  id: number,
  reader: ReaderLike = VIEWER,
): Proposition {
  const row = db
    .select({
      id: propositions.id,
      text: propositions.text,
      claimCount: propositionClaimCountSql(reader),
    })
    .from(propositions)
    .where(eq(propositions.id, id))
    .get();
  if (!row) throw new NotFoundError("Proposition", id);
  return row;
}

/**
 * Creates a proposition, or returns the existing one with the same text ignoring case and spacing:
 * two analysts typing the same statement should land on one proposition, not collide.
 */
export function createProposition(
  db: DbExecutor,
  input: TPropositionCreateInput,
  actorId: number,
): Proposition & { created: boolean } {
  const text = tidy(input.text);
  return writeTransaction(db, (tx) => {
    const existing = tx
      .select({ id: propositions.id })
      .from(propositions)
      .where(sql`lower(${propositions.text}) = ${text.toLowerCase()}`)
      .get();
    if (existing) return { ...getProposition(tx, existing.id, actorId), created: false };
    const row = tx.insert(propositions).values({ text, createdBy: actorId }).returning().get();
    writeAuditEvent(tx, {
      entity: "proposition",
      entityId: row.id,
      action: "create",
      actorId,
      before: null,
      after: { id: row.id, text: row.text },
    });
    return { id: row.id, text: row.text, claimCount: 0, created: true };
  });
}

/** Tags of the annotations `reader` may see (layer-view.ts), those containing `query` first by
 * use; for autocomplete. */
export function listTags(
  db: DbExecutor,
  input: TTagListInput = {},
  reader?: Reader,
): { items: Array<{ tag: string; count: number }> } {
  const query = input.query?.toLowerCase() ?? "";
  const visible =
    reader === undefined
      ? undefined
      : sql`exists (select 1 from ${annotations} join ${claims} on ${claims.id} = ${annotations.claimId} where ${annotations.id} = ${annotationTags.annotationId} and ${visibleAnnotationSql(reader, annotations.analystId, annotations.submittedAt, claims.articleId)})`;
  const n = count();
  const items = db
    .select({ tag: annotationTags.tag, count: n })
    .from(annotationTags)
    .where(and(query ? sql`instr(lower(${annotationTags.tag}), ${query}) > 0` : undefined, visible))
    .groupBy(annotationTags.tag)
    .orderBy(desc(n), asc(annotationTags.tag))
    .limit(input.limit ?? 10)
    .all();
  return { items };
}
