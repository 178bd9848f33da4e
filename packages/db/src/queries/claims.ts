/** Claims: listing an article's claims with their source and annotation, and analysts' edits. */
import type {
  TClaimCreateInput,
  TClaimDeleteInput,
  TClaimUpdateInput,
  TSpan,
} from "@claimdesk/types";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { annotations, articles, claims, propositions, sources } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, InvalidInputError, InvalidSpanError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type ClaimWithDetails, toAnnotation, toClaim, toSource } from "./records";

type ClaimInsert = typeof claims.$inferInsert;
type SpanField = "content" | "sourceMention" | "cue";

const SPAN_LABELS: Record<SpanField, string> = {
  content: "content",
  sourceMention: "source mention",
  cue: "cue",
};

/**
 * Claims matching `where` with their source and the analyst's annotation, by position in the text.
 * One query whatever the count: claims ⟕ annotation ⟕ source (whose claim_count triggers keep).
 */
function loadClaims(db: DbExecutor, where: SQL, analystId: number): ClaimWithDetails[] {
  const rows = db
    .select({ claim: claims, annotation: annotations, source: sources })
    .from(claims)
    .leftJoin(
      annotations,
      and(eq(annotations.claimId, claims.id), eq(annotations.analystId, analystId)),
    )
    .leftJoin(sources, eq(sources.id, claims.sourceId))
    .where(where)
    .orderBy(asc(claims.contentStart), asc(claims.id))
    .all();
  return rows.map((r) => ({
    ...toClaim(r.claim),
    source: r.source ? toSource(r.source, r.source.claimCount) : null,
    annotation: r.annotation ? toAnnotation(r.annotation) : null,
  }));
}

/** An article's claims ordered by contentStart (served by claims_article_idx). */
export function listClaimsForArticle(
  db: DbExecutor,
  articleId: number,
  analystId: number,
): ClaimWithDetails[] {
  return loadClaims(db, eq(claims.articleId, articleId), analystId);
}

export function getClaimWithDetails(
  db: DbExecutor,
  id: number,
  analystId: number,
): ClaimWithDetails | null {
  return loadClaims(db, eq(claims.id, id), analystId)[0] ?? null;
}

function mustGetClaim(db: DbExecutor, id: number, analystId: number): ClaimWithDetails {
  const claim = getClaimWithDetails(db, id, analystId);
  if (!claim) throw new NotFoundError("Claim", id);
  return claim;
}

function quoteForMessage(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** Throws InvalidSpanError unless the span lies inside the text and `exact` is the text there. */
function checkSpan(article: { id: number; text: string }, field: SpanField, span: TSpan): void {
  const { start, end, exact } = span;
  const label = `The ${SPAN_LABELS[field]} span ${start}–${end}`;
  if (start < 0 || end <= start || end > article.text.length)
    throw new InvalidSpanError(
      field,
      `${label} lies outside article ${article.id} (${article.text.length} characters)`,
    );
  const actual = article.text.slice(start, end);
  if (actual !== exact)
    throw new InvalidSpanError(
      field,
      `${label} reads ${quoteForMessage(actual)} in article ${article.id}, not ${quoteForMessage(exact)}`,
    );
}

function loadArticleText(db: DbExecutor, articleId: number): { id: number; text: string } {
  const article = db
    .select({ id: articles.id, text: articles.text })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
  if (!article) throw new NotFoundError("Article", articleId);
  return article;
}

/** References must exist; a parent claim must sit in the same article and not be a descendant. */
function checkReferences(
  db: DbExecutor,
  claim: { id: number | null; articleId: number },
  refs: { sourceId?: number | null; propositionId?: number | null; parentClaimId?: number | null },
): void {
  if (refs.sourceId != null) {
    const found = db
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.id, refs.sourceId))
      .get();
    if (!found) throw new InvalidInputError("sourceId", `Source ${refs.sourceId} does not exist`);
  }
  if (refs.propositionId != null) {
    const found = db
      .select({ id: propositions.id })
      .from(propositions)
      .where(eq(propositions.id, refs.propositionId))
      .get();
    if (!found)
      throw new InvalidInputError(
        "propositionId",
        `Proposition ${refs.propositionId} does not exist`,
      );
  }
  // Walk up from the new parent: reaching the claim itself would make a cycle.
  let ancestorId = refs.parentClaimId ?? null;
  for (let depth = 0; ancestorId !== null; depth++) {
    if (ancestorId === claim.id || depth > 100)
      throw new InvalidInputError(
        "parentClaimId",
        `Claim ${refs.parentClaimId} cannot be the parent of claim ${claim.id}: it is nested inside it`,
      );
    const ancestor = db
      .select({ articleId: claims.articleId, parentClaimId: claims.parentClaimId })
      .from(claims)
      .where(eq(claims.id, ancestorId))
      .get();
    if (!ancestor)
      throw new InvalidInputError("parentClaimId", `Claim ${ancestorId} does not exist`);
    if (depth === 0 && ancestor.articleId !== claim.articleId)
      throw new InvalidInputError(
        "parentClaimId",
        `Claim ${ancestorId} belongs to article ${ancestor.articleId}, not article ${claim.articleId}`,
      );
    ancestorId = ancestor.parentClaimId;
  }
}

// A span's three columns; null clears an optional span.
const contentColumns = (span: TSpan) => ({
  contentStart: span.start,
  contentEnd: span.end,
  contentText: span.exact,
});
const sourceColumns = (span: TSpan | null) => ({
  sourceStart: span?.start ?? null,
  sourceEnd: span?.end ?? null,
  sourceText: span?.exact ?? null,
});
const cueColumns = (span: TSpan | null) => ({
  cueStart: span?.start ?? null,
  cueEnd: span?.end ?? null,
  cueText: span?.exact ?? null,
});

/** An analyst's claim (origin `analyst`, status `accepted`), spans checked against the text. */
export function createClaim(
  db: DbExecutor,
  input: TClaimCreateInput,
  actorId: number,
): ClaimWithDetails {
  return writeTransaction(db, (tx) => {
    const article = loadArticleText(tx, input.articleId);
    checkSpan(article, "content", input.content);
    if (input.sourceMention) checkSpan(article, "sourceMention", input.sourceMention);
    if (input.cue) checkSpan(article, "cue", input.cue);
    checkReferences(tx, { id: null, articleId: article.id }, input);
    const row = tx
      .insert(claims)
      .values({
        articleId: article.id,
        ...contentColumns(input.content),
        ...sourceColumns(input.sourceMention ?? null),
        ...cueColumns(input.cue ?? null),
        cueLemma: input.cueLemma ?? null,
        sourceId: input.sourceId ?? null,
        quoteType: input.quoteType ?? "indirect",
        parentClaimId: input.parentClaimId ?? null,
        propositionId: input.propositionId ?? null,
        status: "accepted",
        origin: "analyst",
        createdBy: actorId,
      })
      .returning()
      .get();
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: row.id,
      action: "create",
      actorId,
      before: null,
      after: toClaim(row),
    });
    return mustGetClaim(tx, row.id, actorId);
  });
}

function staleClaimError(
  db: DbExecutor,
  id: number,
  yourVersion: number,
  analystId: number,
): ConflictError | NotFoundError {
  const current = getClaimWithDetails(db, id, analystId);
  if (!current) return new NotFoundError("Claim", id);
  return new ConflictError(
    `Claim ${id} was changed by someone else (version ${current.version}, you had ${yourVersion})`,
    { entity: "claim", record: current },
  );
}

/**
 * Applies a partial edit if `version` is still current (optimistic concurrency) and bumps it;
 * a stale version is a ConflictError carrying the claim as it is now, and nothing is written.
 */
export function updateClaim(
  db: DbExecutor,
  input: TClaimUpdateInput,
  actorId: number,
): ClaimWithDetails {
  const { id, version, patch } = input;
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(claims).where(eq(claims.id, id)).get();
    if (!before) throw new NotFoundError("Claim", id);
    if (before.version !== version) throw staleClaimError(tx, id, version, actorId);

    if (patch.content || patch.sourceMention || patch.cue) {
      const article = loadArticleText(tx, before.articleId);
      if (patch.content) checkSpan(article, "content", patch.content);
      if (patch.sourceMention) checkSpan(article, "sourceMention", patch.sourceMention);
      if (patch.cue) checkSpan(article, "cue", patch.cue);
    }
    checkReferences(tx, before, patch);

    const set: Partial<ClaimInsert> = { version: version + 1, updatedAt: new Date() };
    if (patch.content) Object.assign(set, contentColumns(patch.content));
    if (patch.sourceMention !== undefined) Object.assign(set, sourceColumns(patch.sourceMention));
    if (patch.cue !== undefined) Object.assign(set, cueColumns(patch.cue));
    if (patch.cueLemma !== undefined) set.cueLemma = patch.cueLemma;
    if (patch.sourceId !== undefined) set.sourceId = patch.sourceId;
    if (patch.quoteType !== undefined) set.quoteType = patch.quoteType;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.parentClaimId !== undefined) set.parentClaimId = patch.parentClaimId;
    if (patch.propositionId !== undefined) set.propositionId = patch.propositionId;

    // The version in WHERE is the guard itself; the check above only makes the error precise.
    const after = tx
      .update(claims)
      .set(set)
      .where(and(eq(claims.id, id), eq(claims.version, version)))
      .returning()
      .get();
    if (!after) throw staleClaimError(tx, id, version, actorId);
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: id,
      action: "update",
      actorId,
      before: toClaim(before),
      after: toClaim(after),
    });
    return mustGetClaim(tx, id, actorId);
  });
}

/** Deletes a claim if `version` is current (its annotations go with it; children are unnested). */
export function deleteClaim(
  db: DbExecutor,
  input: TClaimDeleteInput,
  actorId: number,
): { id: number } {
  const { id, version } = input;
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(claims).where(eq(claims.id, id)).get();
    if (!before) throw new NotFoundError("Claim", id);
    const deleted = tx
      .delete(claims)
      .where(and(eq(claims.id, id), eq(claims.version, version)))
      .run();
    if (deleted.changes === 0) throw staleClaimError(tx, id, version, actorId);
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: id,
      action: "delete",
      actorId,
      before: toClaim(before),
      after: null,
    });
    return { id };
  });
}
