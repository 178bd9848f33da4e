/** Claims: listing an article's claims with their source and annotation, and analysts' edits. */
import type {
  TClaimCreateInput,
  TClaimDeleteInput,
  TClaimUpdateInput,
  TSpan,
} from "@claimdesk/types";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { annotations, articles, claimLayers, claims, propositions, sources } from "../schema";
import { writeAuditEvent } from "./audit";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  InvalidSpanError,
  NotFoundError,
} from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import {
  asReader,
  effColumns,
  inView,
  layer,
  layerJoin,
  type Reader,
  type ReaderLike,
  viewOf,
} from "./layer-view";
import { type ClaimWithDetails, toAnnotation, toClaim, toSource } from "./records";
import { assertLayerOpen } from "./submissions";

type ClaimInsert = typeof claims.$inferInsert;
type ClaimRow = typeof claims.$inferSelect;
type SpanField = "content" | "sourceMention" | "cue";

const SPAN_LABELS: Record<SpanField, string> = {
  content: "content",
  sourceMention: "source mention",
  cue: "cue",
};

type LayerRow = typeof claimLayers.$inferSelect;

/** The proposal row as a view sees it: the layer's decided values over the proposal's. */
export function overlayClaim(claim: ClaimRow, layerRow: LayerRow | null): ClaimRow {
  if (!layerRow) return claim;
  return {
    ...claim,
    status: layerRow.status,
    contentStart: layerRow.contentStart,
    contentEnd: layerRow.contentEnd,
    contentText: layerRow.contentText,
    sourceStart: layerRow.sourceStart,
    sourceEnd: layerRow.sourceEnd,
    sourceText: layerRow.sourceText,
    cueStart: layerRow.cueStart,
    cueEnd: layerRow.cueEnd,
    cueText: layerRow.cueText,
    cueLemma: layerRow.cueLemma,
    sourceId: layerRow.sourceId,
    quoteType: layerRow.quoteType,
    parentClaimId: layerRow.parentClaimId,
    propositionId: layerRow.propositionId,
    version: layerRow.version,
    updatedAt: layerRow.updatedAt,
  };
}

/**
 * Claims matching `where` as `reader` sees them (their layer, or gold for viewers; see
 * layer-view.ts) with their source and the reader's own annotation, by position in the text.
 * One query whatever the count: claims ⟕ layer ⟕ annotation ⟕ source.
 */
function loadClaims(db: DbExecutor, where: SQL, readerLike: ReaderLike): ClaimWithDetails[] {
  const reader = asReader(readerLike);
  const view = viewOf(reader);
  const rows = db
    .select({ claim: claims, layer, annotation: annotations, source: sources })
    .from(claims)
    .leftJoin(layer, layerJoin(view))
    .leftJoin(
      annotations,
      and(eq(annotations.claimId, claims.id), eq(annotations.analystId, reader.id)),
    )
    .leftJoin(sources, eq(sources.id, effColumns.sourceId))
    .where(and(where, inView))
    .orderBy(asc(effColumns.contentStart), asc(claims.id))
    .all();
  return rows.map((r) => ({
    ...toClaim(overlayClaim(r.claim, r.layer)),
    layer: r.layer ? r.layer.kind : "proposal",
    gold:
      r.layer?.kind === "gold"
        ? {
            basis: r.layer.basis,
            sourceStance: r.layer.sourceStance,
            reportingStance: r.layer.reportingStance,
            likelihood: r.layer.likelihood,
            analyticConfidence: r.layer.analyticConfidence,
            credibility: r.layer.credibility,
            verdict: r.layer.verdict,
            note: r.layer.note,
          }
        : null,
    source: r.source ? toSource(r.source, r.source.claimCount) : null,
    annotation: r.annotation ? toAnnotation(r.annotation) : null,
  }));
}

/** An article's claims as `reader` sees them, ordered by contentStart. */
export function listClaimsForArticle(
  db: DbExecutor,
  articleId: number,
  reader: ReaderLike,
): ClaimWithDetails[] {
  return loadClaims(db, eq(claims.articleId, articleId), reader);
}

export function getClaimWithDetails(
  db: DbExecutor,
  id: number,
  reader: ReaderLike,
): ClaimWithDetails | null {
  return loadClaims(db, eq(claims.id, id), reader)[0] ?? null;
}

function mustGetClaim(db: DbExecutor, id: number, reader: Reader): ClaimWithDetails {
  const claim = getClaimWithDetails(db, id, reader);
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
  actor: Reader,
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
    // The nesting as the actor's own view has it.
    const ancestor = db
      .select({ articleId: claims.articleId, parentClaimId: effColumns.parentClaimId })
      .from(claims)
      .leftJoin(layer, layerJoin(viewOf(actor)))
      .where(and(eq(claims.id, ancestorId), inView))
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

/** The layer columns of a claim row (a copy of the proposal, or of another layer). */
function layerValues(row: ClaimRow | LayerRow) {
  return {
    status: row.status,
    contentStart: row.contentStart,
    contentEnd: row.contentEnd,
    contentText: row.contentText,
    sourceStart: row.sourceStart,
    sourceEnd: row.sourceEnd,
    sourceText: row.sourceText,
    cueStart: row.cueStart,
    cueEnd: row.cueEnd,
    cueText: row.cueText,
    cueLemma: row.cueLemma,
    sourceId: row.sourceId,
    quoteType: row.quoteType,
    parentClaimId: row.parentClaimId,
    propositionId: row.propositionId,
  };
}

/**
 * An analyst's hand-made claim: a proposal of origin `analyst` (spans checked against the text)
 * and, in the author's layer, the claim accepted. Others see it only once both have submitted.
 */
export function createClaim(
  db: DbExecutor,
  input: TClaimCreateInput,
  actorLike: ReaderLike,
): ClaimWithDetails {
  const actor = asReader(actorLike);
  return writeTransaction(db, (tx) => {
    const article = loadArticleText(tx, input.articleId);
    assertLayerOpen(tx, article.id, actor.id);
    checkSpan(article, "content", input.content);
    if (input.sourceMention) checkSpan(article, "sourceMention", input.sourceMention);
    if (input.cue) checkSpan(article, "cue", input.cue);
    checkReferences(tx, { id: null, articleId: article.id }, input, actor);
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
        createdBy: actor.id,
      })
      .returning()
      .get();
    tx.insert(claimLayers)
      .values({
        claimId: row.id,
        articleId: row.articleId,
        kind: "analyst",
        analystId: actor.id,
        ...layerValues(row),
        version: 0,
      })
      .run();
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: row.id,
      action: "create",
      actorId: actor.id,
      before: null,
      after: toClaim(row),
    });
    return mustGetClaim(tx, row.id, actor);
  });
}

function staleClaimError(
  db: DbExecutor,
  id: number,
  yourVersion: number,
  reader: Reader,
): ConflictError | NotFoundError {
  const current = getClaimWithDetails(db, id, reader);
  if (!current) return new NotFoundError("Claim", id);
  return new ConflictError(
    `Claim ${id} was changed elsewhere (version ${current.version}, you had ${yourVersion})`,
    { entity: "claim", record: current },
  );
}

/** The actor's layer row of a claim, or null. */
function ownLayer(db: DbExecutor, claimId: number, analystId: number): LayerRow | null {
  return (
    db
      .select()
      .from(claimLayers)
      .where(and(eq(claimLayers.claimId, claimId), eq(claimLayers.analystId, analystId)))
      .get() ?? null
  );
}

/**
 * Applies a partial edit to the actor's own layer of a claim if `version` is still current
 * (optimistic concurrency) and bumps it. The first change to a suggestion copies it into the
 * actor's layer (copy-on-write); the suggestion itself never changes. A stale version is a
 * ConflictError carrying the claim as the actor sees it now, and nothing is written.
 */
export function updateClaim(
  db: DbExecutor,
  input: TClaimUpdateInput,
  actorLike: ReaderLike,
): ClaimWithDetails {
  const actor = asReader(actorLike);
  const { id, version, patch } = input;
  return writeTransaction(db, (tx) => {
    const proposal = tx.select().from(claims).where(eq(claims.id, id)).get();
    if (!proposal) throw new NotFoundError("Claim", id);
    const mine = ownLayer(tx, id, actor.id);
    // Another analyst's hand-made claim is not in this actor's view at all.
    if (!mine && proposal.origin === "analyst") throw new NotFoundError("Claim", id);
    assertLayerOpen(tx, proposal.articleId, actor.id);
    const before = overlayClaim(proposal, mine);
    if (before.version !== version) throw staleClaimError(tx, id, version, actor);

    if (patch.content || patch.sourceMention || patch.cue) {
      const article = loadArticleText(tx, proposal.articleId);
      if (patch.content) checkSpan(article, "content", patch.content);
      if (patch.sourceMention) checkSpan(article, "sourceMention", patch.sourceMention);
      if (patch.cue) checkSpan(article, "cue", patch.cue);
    }
    checkReferences(tx, proposal, patch, actor);

    const set: Partial<ClaimInsert> = {};
    if (patch.content) Object.assign(set, contentColumns(patch.content));
    if (patch.sourceMention !== undefined) Object.assign(set, sourceColumns(patch.sourceMention));
    if (patch.cue !== undefined) Object.assign(set, cueColumns(patch.cue));
    if (patch.cueLemma !== undefined) set.cueLemma = patch.cueLemma;
    if (patch.sourceId !== undefined) set.sourceId = patch.sourceId;
    if (patch.quoteType !== undefined) set.quoteType = patch.quoteType;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.parentClaimId !== undefined) set.parentClaimId = patch.parentClaimId;
    if (patch.propositionId !== undefined) set.propositionId = patch.propositionId;

    let after: LayerRow | undefined;
    if (mine) {
      // The version in WHERE is the guard itself; the check above only makes the error precise.
      after = tx
        .update(claimLayers)
        .set({ ...set, version: version + 1, updatedAt: new Date() })
        .where(and(eq(claimLayers.id, mine.id), eq(claimLayers.version, version)))
        .returning()
        .get();
    } else {
      after = tx
        .insert(claimLayers)
        .values({
          claimId: id,
          articleId: proposal.articleId,
          kind: "analyst",
          analystId: actor.id,
          ...layerValues(proposal),
          ...set,
          version: version + 1,
        })
        .onConflictDoNothing()
        .returning()
        .get();
    }
    if (!after) throw staleClaimError(tx, id, version, actor);
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: id,
      action: "update",
      actorId: actor.id,
      before: toClaim(before),
      after: toClaim(overlayClaim(proposal, after)),
    });
    return mustGetClaim(tx, id, actor);
  });
}

/**
 * Removes what is the actor's own: their hand-made claim (with their annotation of it), or their
 * decisions on a suggestion (the claim goes back to the suggestion as the rule made it). Another
 * analyst's work is never touched; a hand-made claim another analyst's layer also holds stays for
 * them. `version` must be current.
 */
export function deleteClaim(
  db: DbExecutor,
  input: TClaimDeleteInput,
  actorLike: ReaderLike,
): { id: number } {
  const actor = asReader(actorLike);
  const { id, version } = input;
  return writeTransaction(db, (tx) => {
    const proposal = tx.select().from(claims).where(eq(claims.id, id)).get();
    if (!proposal) throw new NotFoundError("Claim", id);
    const mine = ownLayer(tx, id, actor.id);
    if (!mine) {
      if (proposal.origin === "analyst") throw new NotFoundError("Claim", id);
      throw new ForbiddenError(
        `Claim ${id} is a rule suggestion and not in your layer: reject it instead of deleting it`,
      );
    }
    assertLayerOpen(tx, proposal.articleId, actor.id);
    if (mine.version !== version) throw staleClaimError(tx, id, version, actor);
    const before = overlayClaim(proposal, mine);
    tx.delete(claimLayers).where(eq(claimLayers.id, mine.id)).run();
    tx.delete(annotations)
      .where(and(eq(annotations.claimId, id), eq(annotations.analystId, actor.id)))
      .run();
    const othersHoldIt = tx
      .select({ id: claimLayers.id })
      .from(claimLayers)
      .where(eq(claimLayers.claimId, id))
      .get();
    const othersAnnotated = tx
      .select({ id: annotations.id })
      .from(annotations)
      .where(eq(annotations.claimId, id))
      .get();
    if (proposal.origin === "analyst" && !othersHoldIt && !othersAnnotated)
      tx.delete(claims).where(eq(claims.id, id)).run();
    writeAuditEvent(tx, {
      entity: "claim",
      entityId: id,
      action: "delete",
      actorId: actor.id,
      before: toClaim(before),
      after: null,
    });
    return { id };
  });
}
