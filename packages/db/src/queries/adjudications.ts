/**
 * Adjudication: the claims analysts disagree on, and the adjudicator's decision on each.
 *
 * A claim is in dispute when at least two analysts submitted annotations of it (drafts do not
 * count) and, for at least one judgement field, their non-null values differ (a null is no
 * opinion, not a disagreement). The queue lists disputed claims without a decision (`open`) and
 * claims with one (`resolved`, the analysts' values still shown next to the decision); every
 * decision is an audit event (entity "adjudication", before/after), so the history keeps it too.
 */
import {
  ADJUDICATION_PAGE_SIZE,
  JUDGEMENT_FIELDS,
  type TAdjudicationStatus,
  type TAdjudicationValues,
  type TAnalyticConfidence,
  type TCredibility,
  type TJudgementField,
  type TLikelihood,
  type TReportingStance,
  type TSourceStance,
  type TVerdict,
} from "@claimdesk/types";
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { adjudications, annotations, articles, claims, users } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";

/** The judgement values, as an annotation and an adjudication both hold them. */
export interface JudgementValues {
  sourceStance: TSourceStance | null;
  reportingStance: TReportingStance | null;
  likelihood: TLikelihood | null;
  analyticConfidence: TAnalyticConfidence | null;
  credibility: TCredibility | null;
  verdict: TVerdict | null;
}

/** An adjudicator's decision on a claim (JSON-safe: timestamps as ISO strings). */
export interface Adjudication extends JudgementValues {
  id: number;
  claimId: number;
  adjudicator: { id: number; name: string };
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One analyst's submitted annotation of a disputed claim, as the adjudicator compares them. */
export interface AnalystJudgement extends JudgementValues {
  annotationId: number;
  analyst: { id: number; name: string };
  note: string | null;
  submittedAt: string;
}

/** The sentence(s) around a claim, with the claim's spans as offsets into `text`. */
export interface ClaimSentence {
  text: string;
  /** UTF-16 offset of `text` in the article. */
  offset: number;
  content: { start: number; end: number };
  sourceMention: { start: number; end: number } | null;
  cue: { start: number; end: number } | null;
}

export interface AdjudicationQueueItem {
  claim: {
    id: number;
    version: number;
    status: string;
    content: string;
    sourceMention: string | null;
    cue: string | null;
  };
  article: { id: number; title: string | null };
  sentence: ClaimSentence;
  /** The analysts' submitted annotations, side by side (by analyst id). */
  analysts: AnalystJudgement[];
  /** The fields whose non-null values differ between analysts (empty once they agree again). */
  disputedFields: TJudgementField[];
  adjudication: Adjudication | null;
}

export interface AdjudicationQueuePage {
  items: AdjudicationQueueItem[];
  /** Claims in this status (all pages). */
  total: number;
  page: number;
  pageSize: number;
  /** Claims per tab, for the tab labels. */
  counts: { open: number; resolved: number };
}

const DISPUTE_COLUMNS: Record<TJudgementField, SQL> = {
  sourceStance: sql`source_stance`,
  reportingStance: sql`reporting_stance`,
  likelihood: sql`likelihood`,
  analyticConfidence: sql`analytic_confidence`,
  credibility: sql`credibility`,
  verdict: sql`verdict`,
};

/** The ids of disputed claims: ≥ 2 submitted annotations differing in a non-null field. */
const disputedClaimIds = sql`select claim_id from annotations where submitted_at is not null
  group by claim_id having count(*) >= 2 and (${sql.join(
    JUDGEMENT_FIELDS.map((f) => sql`count(distinct ${DISPUTE_COLUMNS[f]}) > 1`),
    sql` or `,
  )})`;

/** The SQL condition on `claims.id` for each tab. */
function statusWhere(status: TAdjudicationStatus): SQL {
  const decided = sql`exists (select 1 from adjudications d where d.claim_id = ${claims.id})`;
  const disputed = sql`${claims.id} in (${disputedClaimIds})`;
  if (status === "open") return sql`(${disputed} and not ${decided})`;
  if (status === "resolved") return decided;
  return sql`(${disputed} or ${decided})`;
}

function countWhere(db: DbExecutor, where: SQL): number {
  return db.select({ n: sql<number>`count(*)` }).from(claims).where(where).get()?.n ?? 0;
}

/** The fields in which the analysts' non-null values differ. */
export function disputedFieldsOf(judgements: readonly JudgementValues[]): TJudgementField[] {
  return JUDGEMENT_FIELDS.filter((field) => {
    const values = new Set<string>();
    for (const j of judgements) {
      const v = j[field];
      if (v !== null) values.add(v);
    }
    return values.size > 1;
  });
}

/** The adjudication queue: one page of the tab's claims in article order (article, position). */
export function adjudicationQueue(
  db: DbExecutor,
  params: { status: TAdjudicationStatus; page: number },
): AdjudicationQueuePage {
  const pageSize = ADJUDICATION_PAGE_SIZE;
  const counts = {
    open: countWhere(db, statusWhere("open")),
    resolved: countWhere(db, statusWhere("resolved")),
  };
  const total =
    params.status === "open"
      ? counts.open
      : params.status === "resolved"
        ? counts.resolved
        : countWhere(db, statusWhere("all"));
  const ids = db
    .select({ id: claims.id })
    .from(claims)
    .where(statusWhere(params.status))
    .orderBy(asc(claims.articleId), asc(claims.contentStart), asc(claims.id))
    .limit(pageSize)
    .offset((params.page - 1) * pageSize)
    .all()
    .map((r) => r.id);
  return { items: loadItems(db, ids), total, page: params.page, pageSize, counts };
}

/** The queue entry of one claim (whether or not it is in dispute); NotFoundError if no such claim. */
export function adjudicationItem(db: DbExecutor, claimId: number): AdjudicationQueueItem {
  const item = loadItems(db, [claimId])[0];
  if (!item) throw new NotFoundError("Claim", claimId);
  return item;
}

function loadItems(db: DbExecutor, ids: number[]): AdjudicationQueueItem[] {
  if (ids.length === 0) return [];
  const claimRows = db
    .select({
      id: claims.id,
      version: claims.version,
      status: claims.status,
      articleId: claims.articleId,
      contentStart: claims.contentStart,
      contentEnd: claims.contentEnd,
      contentText: claims.contentText,
      sourceStart: claims.sourceStart,
      sourceEnd: claims.sourceEnd,
      sourceText: claims.sourceText,
      cueStart: claims.cueStart,
      cueEnd: claims.cueEnd,
      cueText: claims.cueText,
      title: articles.title,
      text: articles.text,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(inArray(claims.id, ids))
    .all();
  const byId = new Map(claimRows.map((c) => [c.id, c]));

  const judgements = new Map<number, AnalystJudgement[]>();
  const annotationRows = db
    .select({
      claimId: annotations.claimId,
      annotationId: annotations.id,
      analystId: annotations.analystId,
      analystName: users.name,
      sourceStance: annotations.sourceStance,
      reportingStance: annotations.reportingStance,
      likelihood: annotations.likelihood,
      analyticConfidence: annotations.analyticConfidence,
      credibility: annotations.credibility,
      verdict: annotations.verdict,
      note: annotations.note,
      submittedAt: annotations.submittedAt,
    })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.analystId))
    .where(and(inArray(annotations.claimId, ids), isNotNull(annotations.submittedAt)))
    .orderBy(asc(annotations.claimId), asc(annotations.analystId))
    .all();
  for (const r of annotationRows) {
    const list = judgements.get(r.claimId) ?? [];
    list.push({
      annotationId: r.annotationId,
      analyst: { id: r.analystId, name: r.analystName },
      sourceStance: r.sourceStance,
      reportingStance: r.reportingStance,
      likelihood: r.likelihood,
      analyticConfidence: r.analyticConfidence,
      credibility: r.credibility,
      verdict: r.verdict,
      note: r.note,
      submittedAt: (r.submittedAt ?? new Date(0)).toISOString(),
    });
    judgements.set(r.claimId, list);
  }

  const decisions = new Map(loadAdjudications(db, ids).map((a) => [a.claimId, a]));
  const items: AdjudicationQueueItem[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) continue;
    const analysts = judgements.get(id) ?? [];
    items.push({
      claim: {
        id: c.id,
        version: c.version,
        status: c.status,
        content: c.contentText,
        sourceMention: c.sourceText,
        cue: c.cueText,
      },
      article: { id: c.articleId, title: c.title },
      sentence: sentenceAround(c.text, {
        content: { start: c.contentStart, end: c.contentEnd },
        sourceMention:
          c.sourceStart === null || c.sourceEnd === null
            ? null
            : { start: c.sourceStart, end: c.sourceEnd },
        cue: c.cueStart === null || c.cueEnd === null ? null : { start: c.cueStart, end: c.cueEnd },
      }),
      analysts,
      disputedFields: disputedFieldsOf(analysts),
      adjudication: decisions.get(id) ?? null,
    });
  }
  return items;
}

const adjudicationSelect = {
  id: adjudications.id,
  claimId: adjudications.claimId,
  adjudicatorId: adjudications.adjudicatorId,
  adjudicatorName: users.name,
  sourceStance: adjudications.sourceStance,
  reportingStance: adjudications.reportingStance,
  likelihood: adjudications.likelihood,
  analyticConfidence: adjudications.analyticConfidence,
  credibility: adjudications.credibility,
  verdict: adjudications.verdict,
  note: adjudications.note,
  version: adjudications.version,
  createdAt: adjudications.createdAt,
  updatedAt: adjudications.updatedAt,
};

const selectAdjudications = (db: DbExecutor) =>
  db
    .select(adjudicationSelect)
    .from(adjudications)
    .innerJoin(users, eq(users.id, adjudications.adjudicatorId));

type AdjudicationRow = ReturnType<ReturnType<typeof selectAdjudications>["all"]>[number];

function toAdjudication(r: AdjudicationRow): Adjudication {
  return {
    id: r.id,
    claimId: r.claimId,
    adjudicator: { id: r.adjudicatorId, name: r.adjudicatorName },
    sourceStance: r.sourceStance,
    reportingStance: r.reportingStance,
    likelihood: r.likelihood,
    analyticConfidence: r.analyticConfidence,
    credibility: r.credibility,
    verdict: r.verdict,
    note: r.note,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function loadAdjudications(db: DbExecutor, claimIds: number[]): Adjudication[] {
  return selectAdjudications(db)
    .where(inArray(adjudications.claimId, claimIds))
    .all()
    .map(toAdjudication);
}

/** The decision on a claim, or null if none was made. */
export function adjudicationByClaim(db: DbExecutor, claimId: number): Adjudication | null {
  return loadAdjudications(db, [claimId])[0] ?? null;
}

export interface AdjudicateParams {
  claimId: number;
  values: TAdjudicationValues;
  note: string | null;
  /** The version the adjudicator saw; null when deciding a claim for the first time. */
  version: number | null;
}

/**
 * Records (or revises) the decision on a claim with optimistic concurrency: a stale version, a
 * version for a decision that does not exist, or null when one already exists is a ConflictError
 * carrying the decision as it is now. Writes an audit event (before/after) in the same transaction.
 */
export function adjudicate(
  db: DbExecutor,
  params: AdjudicateParams,
  adjudicatorId: number,
): Adjudication {
  const { claimId, values, note, version } = params;
  return writeTransaction(db, (tx) => {
    const claim = tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const current = adjudicationByClaim(tx, claimId);
    const decided = { ...pickValues(values), note };

    if (current === null) {
      if (version !== null)
        throw new ConflictError(
          `The decision on claim ${claimId} no longer exists (you had version ${version})`,
          { entity: "adjudication", record: null },
        );
      const row = tx
        .insert(adjudications)
        .values({ ...decided, claimId, adjudicatorId, version: 0 })
        .returning({ id: adjudications.id })
        .get();
      const created = adjudicationById(tx, row.id);
      writeAuditEvent(tx, {
        entity: "adjudication",
        entityId: row.id,
        action: "create",
        actorId: adjudicatorId,
        before: null,
        after: created,
      });
      return created;
    }

    const stale = () =>
      new ConflictError(
        version === null
          ? `Claim ${claimId} was already decided by ${current.adjudicator.name} (version ${current.version}); reload it before deciding`
          : `The decision on claim ${claimId} was changed by ${current.adjudicator.name} (version ${current.version}, you had ${version})`,
        { entity: "adjudication", record: current },
      );
    if (version !== current.version) throw stale();
    const updated = tx
      .update(adjudications)
      .set({ ...decided, adjudicatorId, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(adjudications.id, current.id), eq(adjudications.version, version)))
      .returning({ id: adjudications.id })
      .get();
    if (!updated) throw stale();
    const after = adjudicationById(tx, current.id);
    writeAuditEvent(tx, {
      entity: "adjudication",
      entityId: current.id,
      action: "update",
      actorId: adjudicatorId,
      before: current,
      after,
    });
    return after;
  });
}

function adjudicationById(db: DbExecutor, id: number): Adjudication {
  const row = selectAdjudications(db).where(eq(adjudications.id, id)).get();
  if (!row) throw new NotFoundError("Adjudication", id);
  return toAdjudication(row);
}

function pickValues(values: TAdjudicationValues): JudgementValues {
  return {
    sourceStance: values.sourceStance,
    reportingStance: values.reportingStance,
    likelihood: values.likelihood,
    analyticConfidence: values.analyticConfidence,
    credibility: values.credibility,
    verdict: values.verdict,
  };
}

/** How far to look on each side of a claim for its sentence boundaries (UTF-16 units). */
const SENTENCE_WINDOW = 600;
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * The sentence(s) holding the claim's spans: the segments of the text around them (within a
 * window, so a huge article is not segmented whole) that overlap the source, cue or content.
 */
export function sentenceAround(
  text: string,
  spans: {
    content: { start: number; end: number };
    sourceMention: { start: number; end: number } | null;
    cue: { start: number; end: number } | null;
  },
): ClaimSentence {
  const present = [spans.content, spans.sourceMention, spans.cue].filter(
    (s): s is { start: number; end: number } => s !== null,
  );
  const from = Math.min(...present.map((s) => s.start));
  const to = Math.max(...present.map((s) => s.end));
  let windowStart = Math.max(0, from - SENTENCE_WINDOW);
  const windowEnd = Math.min(text.length, to + SENTENCE_WINDOW);
  // Never start inside a surrogate pair.
  if (windowStart > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(windowStart))) windowStart++;
  let start = from;
  let end = to;
  for (const seg of segmenter.segment(text.slice(windowStart, windowEnd))) {
    const segStart = windowStart + seg.index;
    const segEnd = segStart + seg.segment.length;
    if (segEnd <= from || segStart >= to) continue;
    start = Math.min(start, segStart);
    end = Math.max(end, segEnd);
  }
  // Trim the whitespace a segment keeps after its terminator, and before the sentence.
  while (end > to && /\s/.test(text.charAt(end - 1))) end--;
  while (start < from && /\s/.test(text.charAt(start))) start++;
  const rel = (s: { start: number; end: number } | null) =>
    s === null ? null : { start: s.start - start, end: s.end - start };
  return {
    text: text.slice(start, end),
    offset: start,
    content: { start: spans.content.start - start, end: spans.content.end - start },
    sourceMention: rel(spans.sourceMention),
    cue: rel(spans.cue),
  };
}
