/**
 * Adjudication: the claims whose submitted layers disagree, and the adjudicator's decision on each.
 *
 * A claim (unit, see units.ts) is in dispute when the submitted layers of its article hold
 * different values for a field: whether it is a claim, a span, the registry source, the quote
 * type, the proposition, or a judgement field (an empty judgement is no opinion, not a
 * disagreement). The gold layer keeps the disputes (claim_disputes, rebuilt with gold): `open`
 * until every disputed field is decided, then `resolved` (the analysts' values still shown next
 * to the decision). Every decision is an audit event (entity "adjudication", before/after).
 */
import {
  ADJUDICATION_PAGE_SIZE,
  ATTRIBUTION_FIELDS,
  JUDGEMENT_FIELDS,
  type TAdjudicationAttribution,
  type TAdjudicationStatus,
  type TAdjudicationValues,
  type TAnalyticConfidence,
  type TAttributionField,
  type TCredibility,
  type TDisputeField,
  type TLikelihood,
  type TQuoteType,
  type TReportingStance,
  type TSourceStance,
  type TVerdict,
} from "@claimdesk/types";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import {
  adjudications,
  articles,
  claimDisputes,
  claims,
  propositions,
  sources,
  users,
} from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { rebuildGold } from "./gold";
import { articleSubmittedAt } from "./submissions";
import {
  articleUnits,
  disputedFields,
  EMPTY_JUDGEMENT,
  existenceOf,
  type SpanValue,
  type Unit,
} from "./units";

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
  /** The fields this decision settles. */
  decidedFields: TDisputeField[];
  /** The decided attribution values (meaningful for the attribution fields decided). */
  attribution: {
    status: "accepted" | "rejected" | null;
    content: SpanValue | null;
    sourceMention: SpanValue | null;
    cue: SpanValue | null;
    sourceId: number | null;
    quoteType: TQuoteType | null;
    propositionId: number | null;
  };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One analyst's submitted version of a disputed claim, as the adjudicator compares them. */
export interface AnalystJudgement extends JudgementValues {
  analyst: { id: number; name: string };
  /** "yes" accepted, "no" rejected (or did not make this hand-made claim), null untouched. */
  existence: "yes" | "no" | null;
  /** The claim their version sits on (theirs, for a hand-made claim). */
  claimId: number | null;
  content: SpanValue | null;
  sourceMention: SpanValue | null;
  cue: SpanValue | null;
  sourceId: number | null;
  sourceName: string | null;
  quoteType: TQuoteType | null;
  propositionId: number | null;
  propositionText: string | null;
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
    /** Hand-made by analysts (the versions are grouped by overlapping content). */
    handMade: boolean;
  };
  article: { id: number; title: string | null };
  sentence: ClaimSentence;
  /** The analysts' submitted versions, side by side (by analyst id). */
  analysts: AnalystJudgement[];
  /** The fields whose values differ between the submitted layers. */
  disputedFields: TDisputeField[];
  /** True while a disputed field is not decided. */
  open: boolean;
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

function disputeWhere(status: TAdjudicationStatus): SQL | undefined {
  if (status === "open") return eq(claimDisputes.open, true);
  if (status === "resolved") return eq(claimDisputes.open, false);
  return undefined;
}

function countDisputes(db: DbExecutor, status: TAdjudicationStatus): number {
  return (
    db.select({ n: sql<number>`count(*)` }).from(claimDisputes).where(disputeWhere(status)).get()
      ?.n ?? 0
  );
}

/**
 * The adjudication queue: one page of the tab's disputed claims in article order. `open`: a
 * disputed field (existence, a span, source, quote type, proposition or a judgement field) is
 * not decided yet; `resolved`: every disputed field is decided.
 */
export function adjudicationQueue(
  db: DbExecutor,
  params: { status: TAdjudicationStatus; page: number },
): AdjudicationQueuePage {
  const pageSize = ADJUDICATION_PAGE_SIZE;
  const counts = { open: countDisputes(db, "open"), resolved: countDisputes(db, "resolved") };
  const total =
    params.status === "open"
      ? counts.open
      : params.status === "resolved"
        ? counts.resolved
        : counts.open + counts.resolved;
  const ids = db
    .select({ id: claimDisputes.claimId })
    .from(claimDisputes)
    .where(disputeWhere(params.status))
    .orderBy(asc(claimDisputes.articleId), asc(claimDisputes.claimId))
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

function nameMaps(db: DbExecutor, units: Unit[]) {
  const sourceIds = new Set<number>();
  const propositionIds = new Set<number>();
  const analystIds = new Set<number>();
  for (const unit of units)
    for (const [analystId, v] of unit.versions) {
      analystIds.add(analystId);
      if (v === undefined || v === "no") continue;
      if (v.sourceId !== null) sourceIds.add(v.sourceId);
      if (v.propositionId !== null) propositionIds.add(v.propositionId);
    }
  const map = <T extends { id: number; name: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.id, r.name]));
  return {
    sources: map(
      sourceIds.size === 0
        ? []
        : db
            .select({ id: sources.id, name: sources.name })
            .from(sources)
            .where(inArray(sources.id, [...sourceIds]))
            .all(),
    ),
    propositions: map(
      propositionIds.size === 0
        ? []
        : db
            .select({ id: propositions.id, name: propositions.text })
            .from(propositions)
            .where(inArray(propositions.id, [...propositionIds]))
            .all(),
    ),
    analysts: map(
      analystIds.size === 0
        ? []
        : db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, [...analystIds]))
            .all(),
    ),
  };
}

function loadItems(db: DbExecutor, ids: number[]): AdjudicationQueueItem[] {
  if (ids.length === 0) return [];
  const claimRows = db
    .select({ claim: claims, title: articles.title, text: articles.text })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(inArray(claims.id, ids))
    .all();
  const byId = new Map(claimRows.map((c) => [c.claim.id, c]));
  const disputes = new Map(
    db
      .select()
      .from(claimDisputes)
      .where(inArray(claimDisputes.claimId, ids))
      .all()
      .map((d) => [d.claimId, d]),
  );
  const decisions = new Map(loadAdjudications(db, ids).map((a) => [a.claimId, a]));
  const unitsByArticle = new Map<number, Unit[]>();
  const unitOf = (articleId: number, rootId: number): Unit | undefined => {
    let units = unitsByArticle.get(articleId);
    if (!units) {
      units = articleUnits(db, articleId);
      unitsByArticle.set(articleId, units);
    }
    return units.find((u) => u.rootId === rootId || u.claimIds.includes(rootId));
  };
  const submittedAt = new Map<string, string>();
  const items: AdjudicationQueueItem[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const c = row.claim;
    const unit = unitOf(c.articleId, id);
    const units = unit ? [unit] : [];
    const names = nameMaps(db, units);
    const analysts: AnalystJudgement[] = [];
    for (const [analystId, v] of unit?.versions ?? []) {
      const key = `${c.articleId}:${analystId}`;
      if (!submittedAt.has(key))
        submittedAt.set(key, articleSubmittedAt(db, c.articleId, analystId) ?? "");
      const exists = existenceOf(v);
      const version = v === undefined || v === "no" ? null : v;
      analysts.push({
        analyst: { id: analystId, name: names.analysts.get(analystId) ?? `User ${analystId}` },
        existence: exists ?? null,
        claimId: version?.claimId ?? null,
        content: version?.content ?? null,
        sourceMention: version?.sourceMention ?? null,
        cue: version?.cue ?? null,
        sourceId: version?.sourceId ?? null,
        sourceName:
          version?.sourceId != null ? (names.sources.get(version.sourceId) ?? null) : null,
        quoteType: version?.quoteType ?? null,
        propositionId: version?.propositionId ?? null,
        propositionText:
          version?.propositionId != null
            ? (names.propositions.get(version.propositionId) ?? null)
            : null,
        ...(version?.judgement ?? EMPTY_JUDGEMENT),
        note: null,
        submittedAt: submittedAt.get(key) ?? "",
      });
    }
    const dispute = disputes.get(id);
    const decision = decisions.get(id) ?? null;
    items.push({
      claim: {
        id: c.id,
        version: decision?.version ?? 0,
        status: c.status,
        content: c.contentText,
        sourceMention: c.sourceText,
        cue: c.cueText,
        handMade: c.origin === "analyst",
      },
      article: { id: c.articleId, title: row.title },
      sentence: sentenceAround(row.text, {
        content: { start: c.contentStart, end: c.contentEnd },
        sourceMention:
          c.sourceStart === null || c.sourceEnd === null
            ? null
            : { start: c.sourceStart, end: c.sourceEnd },
        cue: c.cueStart === null || c.cueEnd === null ? null : { start: c.cueStart, end: c.cueEnd },
      }),
      analysts,
      disputedFields: dispute?.fields ?? (unit ? disputedFields(unit) : []),
      open: dispute?.open ?? false,
      adjudication: decision,
    });
  }
  return items;
}

const selectAdjudications = (db: DbExecutor) =>
  db
    .select({ adjudication: adjudications, adjudicatorName: users.name })
    .from(adjudications)
    .innerJoin(users, eq(users.id, adjudications.adjudicatorId));

type AdjudicationRow = ReturnType<ReturnType<typeof selectAdjudications>["all"]>[number];

const spanValue = (start: number | null, end: number | null, exact: string | null) =>
  start === null || end === null || exact === null ? null : { start, end, exact };

function toAdjudication({ adjudication: r, adjudicatorName }: AdjudicationRow): Adjudication {
  return {
    id: r.id,
    claimId: r.claimId,
    adjudicator: { id: r.adjudicatorId, name: adjudicatorName },
    sourceStance: r.sourceStance,
    reportingStance: r.reportingStance,
    likelihood: r.likelihood,
    analyticConfidence: r.analyticConfidence,
    credibility: r.credibility,
    verdict: r.verdict,
    note: r.note,
    decidedFields: r.decidedFields,
    attribution: {
      status: r.status === "suggested" ? null : r.status,
      content: spanValue(r.contentStart, r.contentEnd, r.contentText),
      sourceMention: spanValue(r.sourceStart, r.sourceEnd, r.sourceText),
      cue: spanValue(r.cueStart, r.cueEnd, r.cueText),
      sourceId: r.sourceId,
      quoteType: r.quoteType,
      propositionId: r.propositionId,
    },
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
  attribution?: TAdjudicationAttribution;
  decidedFields?: TDisputeField[] | undefined;
  note: string | null;
  /** The version the adjudicator saw; null when deciding a claim for the first time. */
  version: number | null;
}

/** The adjudication columns of an attribution decision (spans checked against the text). */
function attributionColumns(
  db: DbExecutor,
  article: { id: number; text: string },
  attribution: TAdjudicationAttribution,
) {
  const spanColumns = (
    field: "content" | "sourceMention" | "cue",
    span: { start: number; end: number; exact: string } | null | undefined,
  ) => {
    if (span === undefined) return {};
    if (span !== null && article.text.slice(span.start, span.end) !== span.exact)
      throw new InvalidInputError(
        field,
        `The ${field} span ${span.start}–${span.end} does not read "${span.exact}" in article ${article.id}`,
      );
    const prefix = field === "content" ? "content" : field === "sourceMention" ? "source" : "cue";
    return {
      [`${prefix}Start`]: span?.start ?? null,
      [`${prefix}End`]: span?.end ?? null,
      [`${prefix}Text`]: span?.exact ?? null,
    };
  };
  if (attribution.sourceId != null) {
    const found = db
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.id, attribution.sourceId))
      .get();
    if (!found)
      throw new InvalidInputError("sourceId", `Source ${attribution.sourceId} does not exist`);
  }
  if (attribution.propositionId != null) {
    const found = db
      .select({ id: propositions.id })
      .from(propositions)
      .where(eq(propositions.id, attribution.propositionId))
      .get();
    if (!found)
      throw new InvalidInputError(
        "propositionId",
        `Proposition ${attribution.propositionId} does not exist`,
      );
  }
  return {
    ...(attribution.status !== undefined ? { status: attribution.status } : {}),
    ...spanColumns("content", attribution.content),
    ...spanColumns("sourceMention", attribution.sourceMention),
    ...spanColumns("cue", attribution.cue),
    ...(attribution.sourceId !== undefined ? { sourceId: attribution.sourceId } : {}),
    ...(attribution.quoteType !== undefined ? { quoteType: attribution.quoteType } : {}),
    ...(attribution.propositionId !== undefined
      ? { propositionId: attribution.propositionId }
      : {}),
  } as Partial<typeof adjudications.$inferInsert>;
}

const ATTRIBUTION_INPUT_FIELD: Record<TAttributionField, keyof TAdjudicationAttribution> = {
  existence: "status",
  content: "content",
  sourceMention: "sourceMention",
  cue: "cue",
  sourceId: "sourceId",
  quoteType: "quoteType",
  propositionId: "propositionId",
};

/**
 * Records (or revises) the decision on a claim with optimistic concurrency: a stale version, a
 * version for a decision that does not exist, or null when one already exists is a ConflictError
 * carrying the decision as it is now. Then rebuilds the article's gold layer; writes an audit
 * event (before/after) in the same transaction.
 */
export function adjudicate(
  db: DbExecutor,
  params: AdjudicateParams,
  adjudicatorId: number,
): Adjudication {
  const { claimId, values, note, version } = params;
  const attribution = params.attribution ?? {};
  const decidedFields = params.decidedFields ?? [
    ...ATTRIBUTION_FIELDS.filter((f) => attribution[ATTRIBUTION_INPUT_FIELD[f]] !== undefined),
    ...JUDGEMENT_FIELDS,
  ];
  return writeTransaction(db, (tx) => {
    const claim = tx
      .select({ id: claims.id, articleId: claims.articleId, text: articles.text })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(eq(claims.id, claimId))
      .get();
    if (!claim) throw new NotFoundError("Claim", claimId);
    const current = adjudicationByClaim(tx, claimId);
    const decided = {
      ...pickValues(values),
      ...attributionColumns(tx, { id: claim.articleId, text: claim.text }, attribution),
      decidedFields,
      note,
    };

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
      rebuildGold(tx, claim.articleId);
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
    rebuildGold(tx, claim.articleId);
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
