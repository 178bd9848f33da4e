/**
 * Inter-annotator agreement (issue #6): the reliability data behind the Agreement page, and the
 * figures computed from it with @claimdesk/agreement.
 *
 * Annotation fields (source stance, reporting stance, likelihood, analytic confidence, credibility,
 * verdict): units are claims, coders are analysts, and a value is what the analyst's SUBMITTED
 * annotation says (annotations.submitted_at not null; drafts never count; an empty field is a
 * missing value). Likelihood, analytic confidence and credibility are ordinal in the order of
 * their enums; the rest are nominal. Credibility 6 ("truth cannot be judged") declines to place the
 * information on the 1–5 scale, so alpha counts it as no value (as Krippendorff treats "cannot
 * code"), while the unweighted kappa compares it as a category like the others.
 *
 * "Source" and span agreement compare the claims each analyst made their own in an article: the
 * claims they created (origin "analyst", created_by) and the claims they accepted (an audit event
 * by them that left the claim accepted: accepting it, or editing it while accepted, which is how
 * a second analyst confirms a suggestion someone already accepted). Each such claim is taken as that analyst left it:
 * the state after their last audit event on it (so a later edit by someone else does not count as
 * theirs); a claim with no audit event (seeded directly) is taken as it is now, and one the
 * analyst last left rejected is not theirs. Then:
 * - Source: within an article, analysts' claims whose content spans overlap (transitively) form
 *   one unit; each analyst's value there is the registry source id of their claim in the unit (of
 *   several, the one overlapping the other analysts' claims most, then the lowest claim id); a
 *   claim without a linked source is a missing value. Nominal.
 * - Spans: for a pair of analysts and an article both have claims in, overlap F1 between their
 *   content spans (one-to-one, greedy by overlap), micro-averaged over the articles.
 * Scoped to a proposition, every figure uses only the claims linked to it.
 */
import {
  type AlphaResult,
  cohenKappa,
  type KappaResult,
  krippendorffAlpha,
  microSpanF1,
  overlapClusters,
  overlapLength,
  type SpanCounts,
  spanOverlapF1,
} from "@claimdesk/agreement";
import {
  AGREEMENT_FIELD_INFO,
  AGREEMENT_FIELDS,
  ANALYTIC_CONFIDENCES,
  CREDIBILITIES,
  LIKELIHOODS,
  type TAgreementAnalyst,
  type TAgreementField,
  type TAgreementLevel,
  type TAgreementPair,
  type TAgreementPropositionRow,
  type TAgreementScopeInput,
  type TAgreementSummary,
  type TAlphaFigure,
  type TKappaFigure,
} from "@claimdesk/types";
import { asc, inArray, sql } from "drizzle-orm";
import { propositions, users } from "../schema";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";

export type AnnotationAgreementField = Exclude<TAgreementField, "source">;
export const ANNOTATION_AGREEMENT_FIELDS = AGREEMENT_FIELDS.filter(
  (f): f is AnnotationAgreementField => f !== "source",
);

/** The order of the ordinal fields' values, lowest first; a value not listed is off the scale. */
const ORDINAL_ORDER: Partial<Record<TAgreementField, readonly string[]>> = {
  likelihood: LIKELIHOODS,
  analyticConfidence: ANALYTIC_CONFIDENCES,
  credibility: CREDIBILITIES.filter((value) => value !== "6"),
};

/** One field's reliability data: `matrix[unit][coder]`, aligned with `unitKeys` × `coderIds`. */
export interface FieldReliability {
  field: TAgreementField;
  level: TAgreementLevel;
  /** "claim:<id>", or for source "article:<id>@<start>" (the unit's first content offset). */
  unitKeys: string[];
  coderIds: number[];
  matrix: Array<Array<string | number | null>>;
}

/** A submitted annotation with the proposition of its claim. */
export interface SubmittedAnnotation extends Record<AnnotationAgreementField, string | null> {
  claimId: number;
  analystId: number;
  propositionId: number | null;
}

/** A claim as one analyst made it their own (see the module comment). */
export interface AnalystClaim {
  analystId: number;
  claimId: number;
  articleId: number;
  propositionId: number | null;
  start: number;
  end: number;
  sourceId: number | null;
}

export interface AgreementData {
  annotations: SubmittedAnnotation[];
  analystClaims: AnalystClaim[];
}

const scopeSql = (propositionId: number | undefined, column: string) =>
  propositionId === undefined ? sql`` : sql`and ${sql.raw(column)} = ${propositionId}`;

/** Submitted annotations, with their claim's proposition; one proposition's when scoped. */
export function loadSubmittedAnnotations(
  db: DbExecutor,
  propositionId?: number,
): SubmittedAnnotation[] {
  return db.all<SubmittedAnnotation>(sql`
    select a.claim_id as claimId, a.analyst_id as analystId, c.proposition_id as propositionId,
      a.source_stance as sourceStance, a.reporting_stance as reportingStance,
      a.likelihood as likelihood, a.analytic_confidence as analyticConfidence,
      a.credibility as credibility, a.verdict as verdict
    from annotations a join claims c on c.id = a.claim_id
    where a.submitted_at is not null ${scopeSql(propositionId, "c.proposition_id")}
    order by a.claim_id, a.analyst_id`);
}

interface AnalystClaimRow {
  analystId: number;
  claimId: number;
  articleId: number;
  propositionId: number | null;
  start: number;
  end: number;
  sourceId: number | null;
  status: string;
  lastAfter: string | null;
}

/** The claims each analyst created or accepted, as that analyst left them. */
export function loadAnalystClaims(db: DbExecutor, propositionId?: number): AnalystClaim[] {
  const rows = db.all<AnalystClaimRow>(sql`
    with owned as (
      select id as claim_id, created_by as analyst_id from claims
        where origin = 'analyst' and created_by is not null
      union
      select entity_id, actor_id from audit_events
        where entity = 'claim' and action = 'update' and actor_id is not null
          and json_extract("after", '$.status') = 'accepted'
    )
    select o.analyst_id as analystId, c.id as claimId, c.article_id as articleId,
      c.proposition_id as propositionId, c.content_start as start, c.content_end as "end",
      c.source_id as sourceId, c.status as status,
      (select e."after" from audit_events e
        where e.entity = 'claim' and e.entity_id = c.id and e.actor_id = o.analyst_id
          and e.action in ('create', 'update')
        order by e.id desc limit 1) as lastAfter
    from owned o join claims c on c.id = o.claim_id
    where 1 = 1 ${scopeSql(propositionId, "c.proposition_id")}
    order by c.article_id, o.analyst_id, c.id`);
  const claims: AnalystClaim[] = [];
  for (const row of rows) {
    const state = { start: row.start, end: row.end, sourceId: row.sourceId, status: row.status };
    if (row.lastAfter !== null) {
      const after = JSON.parse(row.lastAfter) as Record<string, unknown>;
      if (typeof after.contentStart === "number") state.start = after.contentStart;
      if (typeof after.contentEnd === "number") state.end = after.contentEnd;
      if ("sourceId" in after)
        state.sourceId = typeof after.sourceId === "number" ? after.sourceId : null;
      if (typeof after.status === "string") state.status = after.status;
    }
    if (state.status === "rejected") continue;
    claims.push({
      analystId: row.analystId,
      claimId: row.claimId,
      articleId: row.articleId,
      propositionId: row.propositionId,
      start: state.start,
      end: state.end,
      sourceId: state.sourceId,
    });
  }
  return claims;
}

export function loadAgreementData(db: DbExecutor, propositionId?: number): AgreementData {
  return {
    annotations: loadSubmittedAnnotations(db, propositionId),
    analystClaims: loadAnalystClaims(db, propositionId),
  };
}

const sortedIds = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

/** The reliability matrix of one annotation field: units = claims, coders = analysts. */
export function annotationReliability(
  rows: readonly SubmittedAnnotation[],
  field: AnnotationAgreementField,
): FieldReliability {
  const claimIds = sortedIds(rows.map((r) => r.claimId));
  const coderIds = sortedIds(rows.map((r) => r.analystId));
  const unitIndex = new Map(claimIds.map((id, i) => [id, i]));
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const matrix = claimIds.map(() => coderIds.map((): string | null => null));
  for (const r of rows) {
    const row = matrix[unitIndex.get(r.claimId) as number] as Array<string | null>;
    row[coderIndex.get(r.analystId) as number] = r[field];
  }
  return {
    field,
    level: AGREEMENT_FIELD_INFO[field].level,
    unitKeys: claimIds.map((id) => `claim:${id}`),
    coderIds,
    matrix,
  };
}

/** The reliability matrix of "source": units = groups of overlapping claims in an article. */
export function sourceReliability(claims: readonly AnalystClaim[]): FieldReliability {
  const coderIds = sortedIds(claims.map((c) => c.analystId));
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const byArticle = new Map<number, AnalystClaim[]>();
  for (const c of claims) {
    const list = byArticle.get(c.articleId) ?? [];
    list.push(c);
    byArticle.set(c.articleId, list);
  }
  const unitKeys: string[] = [];
  const matrix: Array<Array<number | null>> = [];
  for (const [articleId, list] of [...byArticle].sort((x, y) => x[0] - y[0])) {
    for (const cluster of overlapClusters(list)) {
      const members = cluster.map((i) => list[i] as AnalystClaim);
      const row = coderIds.map((): number | null => null);
      const analysts = sortedIds(members.map((m) => m.analystId));
      for (const analystId of analysts) {
        const own = members.filter((m) => m.analystId === analystId);
        const others = members.filter((m) => m.analystId !== analystId);
        const score = (m: AnalystClaim) => others.reduce((s, o) => s + overlapLength(m, o), 0);
        const best = own.reduce((x, y) =>
          score(y) > score(x) || (score(y) === score(x) && y.claimId < x.claimId) ? y : x,
        );
        row[coderIndex.get(analystId) as number] = best.sourceId;
      }
      unitKeys.push(`article:${articleId}@${Math.min(...members.map((m) => m.start))}`);
      matrix.push(row);
    }
  }
  return { field: "source", level: "nominal", unitKeys, coderIds, matrix };
}

/** Every field's reliability data, in AGREEMENT_FIELDS order. */
export function reliabilityData(data: AgreementData): FieldReliability[] {
  return AGREEMENT_FIELDS.map((field) =>
    field === "source"
      ? sourceReliability(data.analystClaims)
      : annotationReliability(data.annotations, field),
  );
}

export function alphaOf(reliability: FieldReliability): AlphaResult {
  const order = ORDINAL_ORDER[reliability.field];
  if (reliability.level !== "ordinal" || order === undefined)
    return krippendorffAlpha(reliability.matrix, { level: "nominal" });
  const onScale = new Set(order);
  const matrix = reliability.matrix.map((row) =>
    row.map((value) => (typeof value === "string" && onScale.has(value) ? value : null)),
  );
  return krippendorffAlpha(matrix, { level: "ordinal", order });
}

export function alphaFigure(reliability: FieldReliability): TAlphaFigure {
  const r = alphaOf(reliability);
  return {
    field: reliability.field,
    level: reliability.level,
    alpha: r.alpha,
    reason: r.status === "ok" ? null : r.reason,
    units: r.units,
    coders: r.coders,
    pairableValues: Math.round(r.pairableValues),
    observedAgreement: r.observedAgreement,
  };
}

/** Cohen's kappa of one field between two analysts, over the units both coded. */
export function kappaOf(reliability: FieldReliability, a: number, b: number): KappaResult {
  const ia = reliability.coderIds.indexOf(a);
  const ib = reliability.coderIds.indexOf(b);
  if (ia < 0 || ib < 0) return cohenKappa([]);
  return cohenKappa(reliability.matrix.map((row) => [row[ia], row[ib]] as const));
}

function kappaFigure(reliability: FieldReliability, a: number, b: number): TKappaFigure {
  const r = kappaOf(reliability, a, b);
  return {
    field: reliability.field,
    kappa: r.kappa,
    reason: r.status === "ok" ? null : r.reason,
    items: r.items,
    observedAgreement: r.observedAgreement,
  };
}

/** Overlap F1 between two analysts' claim spans, micro-averaged over the articles both worked on. */
export function pairSpanAgreement(
  claims: readonly AnalystClaim[],
  a: number,
  b: number,
): TAgreementPair["spans"] {
  const articles = new Map<number, { a: AnalystClaim[]; b: AnalystClaim[] }>();
  for (const c of claims) {
    if (c.analystId !== a && c.analystId !== b) continue;
    const entry = articles.get(c.articleId) ?? { a: [], b: [] };
    (c.analystId === a ? entry.a : entry.b).push(c);
    articles.set(c.articleId, entry);
  }
  const parts: SpanCounts[] = [];
  for (const entry of articles.values())
    if (entry.a.length > 0 && entry.b.length > 0) parts.push(spanOverlapF1(entry.a, entry.b));
  const micro = microSpanF1(parts);
  return {
    articles: parts.length,
    aClaims: micro.aCount,
    bClaims: micro.bCount,
    matched: micro.matched,
    f1: micro.f1,
  };
}

function analystNames(db: DbExecutor, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function analystsOf(data: AgreementData): number[] {
  return sortedIds([
    ...data.annotations.map((r) => r.analystId),
    ...data.analystClaims.map((c) => c.analystId),
  ]);
}

function findProposition(db: DbExecutor, id: number): { id: number; text: string } {
  const row = db
    .select({ id: propositions.id, text: propositions.text })
    .from(propositions)
    .where(sql`${propositions.id} = ${id}`)
    .get();
  if (!row) throw new NotFoundError("Proposition", id);
  return row;
}

/** agreement.summary: alpha per field, over everything or one proposition's claims. */
export function agreementSummary(
  db: DbExecutor,
  scope: TAgreementScopeInput = {},
): TAgreementSummary {
  const proposition =
    scope.propositionId === undefined ? null : findProposition(db, scope.propositionId);
  const data = loadAgreementData(db, scope.propositionId);
  const ids = analystsOf(data);
  const names = analystNames(db, ids);
  return {
    proposition,
    analysts: ids.map((id) => ({ id, name: names.get(id) ?? `User ${id}` })),
    submittedAnnotations: data.annotations.length,
    annotatedClaims: new Set(data.annotations.map((r) => r.claimId)).size,
    fields: reliabilityData(data).map(alphaFigure),
  };
}

/** agreement.pairs: per pair of analysts who share an item, kappa per field and span F1. */
export function agreementPairs(db: DbExecutor, scope: TAgreementScopeInput = {}): TAgreementPair[] {
  if (scope.propositionId !== undefined) findProposition(db, scope.propositionId);
  const data = loadAgreementData(db, scope.propositionId);
  const fields = reliabilityData(data);
  const ids = analystsOf(data);
  const names = analystNames(db, ids);
  const analyst = (id: number): TAgreementAnalyst => ({ id, name: names.get(id) ?? `User ${id}` });
  const pairs: TAgreementPair[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as number;
      const b = ids[j] as number;
      const kappas = fields.map((f) => kappaFigure(f, a, b));
      const spans = pairSpanAgreement(data.analystClaims, a, b);
      if (kappas.every((k) => k.items === 0) && spans.articles === 0) continue;
      pairs.push({ a: analyst(a), b: analyst(b), kappas, spans });
    }
  return pairs;
}

/** agreement.propositions: alpha per field over each proposition's claims (those with data). */
export function agreementByProposition(db: DbExecutor): TAgreementPropositionRow[] {
  const data = loadAgreementData(db);
  const ids = sortedIds(
    [...data.annotations, ...data.analystClaims]
      .map((r) => r.propositionId)
      .filter((id): id is number => id !== null),
  );
  if (ids.length === 0) return [];
  const texts = new Map(
    db
      .select({ id: propositions.id, text: propositions.text })
      .from(propositions)
      .where(inArray(propositions.id, ids))
      .orderBy(asc(propositions.id))
      .all()
      .map((p) => [p.id, p.text]),
  );
  return ids.map((id) => {
    const scoped: AgreementData = {
      annotations: data.annotations.filter((r) => r.propositionId === id),
      analystClaims: data.analystClaims.filter((c) => c.propositionId === id),
    };
    return {
      proposition: { id, text: texts.get(id) ?? "" },
      annotatedClaims: new Set(scoped.annotations.map((r) => r.claimId)).size,
      fields: reliabilityData(scoped).map(alphaFigure),
    };
  });
}
