/**
 * Inter-annotator agreement over the analysts' SUBMITTED layers (drafts never count), computed
 * with @claimdesk/agreement from the units of units.ts: the gold layer, the adjudication queue and
 * these figures all compare the same things.
 *
 * Matching rule: two analysts' claims are the same unit when they decide on the same rule
 * suggestion, or, for claims they added by hand, when their contents overlap (one-to-one, greedy
 * by the largest overlap, within an article).
 *
 * - Existence (nominal): per unit, "yes" for an analyst who accepted it, "no" for one who rejected
 *   it or who did not make a hand-made claim another made; a suggestion left untouched is no value.
 * - Source and quote type (nominal): per unit, the value of each analyst who accepted it (no
 *   linked source is no value).
 * - Judgement fields: per unit, each analyst's annotation (an empty field is no value). Likelihood,
 *   analytic confidence and credibility are ordinal in the order of their enums; credibility 6
 *   ("truth cannot be judged") is no value in alpha, a category in the unweighted kappa.
 * - Spans, per pair of analysts and per part (content, source mention, cue): over the articles both
 *   submitted, each analyst's accepted claims; exact F1 (equal offsets) and overlap F1 (one-to-one,
 *   greedy by overlap), micro-averaged over the articles, as the PolNeAR bench scores.
 * Scoped to a proposition, a unit counts when an analyst's accepted version links it.
 */
import {
  type AlphaResult,
  cohenKappa,
  exactSpanMatches,
  type KappaResult,
  krippendorffAlpha,
  microSpanF1,
  type Span,
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
  type TDisputeField,
  type TKappaFigure,
  type TSpanAgreement,
  type TSpanParts,
} from "@claimdesk/types";
import { asc, inArray, sql } from "drizzle-orm";
import { articleSubmissions, propositions, users } from "../schema";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";
import { articleUnits, existenceOf, fieldKey, type Unit, type UnitVersion } from "./units";

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
  /** "claim:<root id>" of each unit. */
  unitKeys: string[];
  coderIds: number[];
  matrix: Array<Array<string | number | null>>;
}

export interface AgreementData {
  /** Every unit of every article with a submitted layer (in scope). */
  units: Unit[];
  /** Submitted analysts by article. */
  submitted: Map<number, number[]>;
}

/** The unit field behind each agreement field. */
const UNIT_FIELD: Record<TAgreementField, TDisputeField> = {
  existence: "existence",
  source: "sourceId",
  quoteType: "quoteType",
  sourceStance: "sourceStance",
  reportingStance: "reportingStance",
  likelihood: "likelihood",
  analyticConfidence: "analyticConfidence",
  credibility: "credibility",
  verdict: "verdict",
};

const accepted = (v: UnitVersion | "no" | undefined): v is UnitVersion => existenceOf(v) === "yes";

/** The units of every submitted article; one proposition's when scoped. */
export function loadAgreementData(
  db: DbExecutor,
  propositionId?: number,
  /** Only these articles (an export's). */
  articleIds?: ReadonlySet<number>,
): AgreementData {
  const rows = db
    .select({ articleId: articleSubmissions.articleId, analystId: articleSubmissions.analystId })
    .from(articleSubmissions)
    .orderBy(asc(articleSubmissions.articleId), asc(articleSubmissions.analystId))
    .all()
    .filter((r) => articleIds === undefined || articleIds.has(r.articleId));
  const submitted = new Map<number, number[]>();
  for (const r of rows)
    submitted.set(r.articleId, [...(submitted.get(r.articleId) ?? []), r.analystId]);
  const units: Unit[] = [];
  for (const [articleId, analysts] of submitted)
    for (const unit of articleUnits(db, articleId, analysts))
      if (
        propositionId === undefined ||
        [...unit.versions.values()].some((v) => accepted(v) && v.propositionId === propositionId)
      )
        units.push(unit);
  return { units, submitted };
}

const sortedIds = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

/** The reliability matrix of one field: units × the analysts who submitted their articles. */
export function fieldReliability(data: AgreementData, field: TAgreementField): FieldReliability {
  const coderIds = analystsOf(data);
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const unitField = UNIT_FIELD[field];
  const unitKeys: string[] = [];
  const matrix: Array<Array<string | null>> = [];
  for (const unit of data.units) {
    const row = coderIds.map((): string | null => null);
    let any = false;
    for (const [analystId, v] of unit.versions) {
      const key = fieldKey(v, unitField);
      // "none" (no linked source) is no value for the source.
      const value = key === undefined || (field === "source" && key === "none") ? null : key;
      if (value !== null) any = true;
      row[coderIndex.get(analystId) as number] = value;
    }
    if (!any) continue;
    unitKeys.push(`claim:${unit.rootId}`);
    matrix.push(row);
  }
  return { field, level: AGREEMENT_FIELD_INFO[field].level, unitKeys, coderIds, matrix };
}

/** Every field's reliability data, in AGREEMENT_FIELDS order. */
export function reliabilityData(data: AgreementData): FieldReliability[] {
  return AGREEMENT_FIELDS.map((field) => fieldReliability(data, field));
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

type SpanPart = keyof TSpanParts;

const spanOf = (v: UnitVersion, part: SpanPart): Span | null =>
  part === "content" ? v.content : part === "sourceMention" ? v.sourceMention : v.cue;

function spanFigure(parts: SpanCounts[], articles: number): TSpanAgreement {
  const micro = microSpanF1(parts);
  return {
    articles,
    aClaims: micro.aCount,
    bClaims: micro.bCount,
    matched: micro.matched,
    f1: micro.f1,
  };
}

/**
 * Exact and overlap F1 between two analysts' accepted claims, per part, micro-averaged over the
 * articles both submitted.
 */
export function pairSpanParts(data: AgreementData, a: number, b: number): TSpanParts {
  const byArticle = new Map<number, { a: UnitVersion[]; b: UnitVersion[] }>();
  for (const [articleId, analysts] of data.submitted)
    if (analysts.includes(a) && analysts.includes(b)) byArticle.set(articleId, { a: [], b: [] });
  for (const unit of data.units) {
    const entry = byArticle.get(unit.articleId);
    if (!entry) continue;
    const va = unit.versions.get(a);
    const vb = unit.versions.get(b);
    if (accepted(va)) entry.a.push(va);
    if (accepted(vb)) entry.b.push(vb);
  }
  const figures = (part: SpanPart) => {
    const exact: SpanCounts[] = [];
    const overlap: SpanCounts[] = [];
    for (const entry of byArticle.values()) {
      const sa = entry.a.map((v) => spanOf(v, part)).filter((s): s is Span => s !== null);
      const sb = entry.b.map((v) => spanOf(v, part)).filter((s): s is Span => s !== null);
      exact.push({ aCount: sa.length, bCount: sb.length, matched: exactSpanMatches(sa, sb) });
      overlap.push(spanOverlapF1(sa, sb));
    }
    return {
      exact: spanFigure(exact, byArticle.size),
      overlap: spanFigure(overlap, byArticle.size),
    };
  };
  return {
    content: figures("content"),
    sourceMention: figures("sourceMention"),
    cue: figures("cue"),
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
  return sortedIds([...data.submitted.values()].flat());
}

/** Submitted judgements (an analyst's annotation of a unit with any judgement value). */
function judgedCount(data: AgreementData): number {
  let n = 0;
  for (const unit of data.units)
    for (const v of unit.versions.values())
      if (v !== undefined && v !== "no" && Object.values(v.judgement).some((x) => x !== null)) n++;
  return n;
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
    submittedAnnotations: judgedCount(data),
    annotatedClaims: data.units.length,
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
      const spanParts = pairSpanParts(data, a, b);
      const spans = spanParts.content.overlap;
      if (kappas.every((k) => k.items === 0) && spans.articles === 0) continue;
      pairs.push({ a: analyst(a), b: analyst(b), kappas, spans, spanParts });
    }
  return pairs;
}

/** agreement.propositions: alpha per field over each proposition's claims (those with data). */
export function agreementByProposition(db: DbExecutor): TAgreementPropositionRow[] {
  const data = loadAgreementData(db);
  const propositionOf = (unit: Unit) =>
    [...unit.versions.values()].flatMap((v) =>
      accepted(v) && v.propositionId !== null ? [v.propositionId] : [],
    );
  const ids = sortedIds(data.units.flatMap(propositionOf));
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
      units: data.units.filter((u) => propositionOf(u).includes(id)),
      submitted: data.submitted,
    };
    return {
      proposition: { id, text: texts.get(id) ?? "" },
      annotatedClaims: scoped.units.length,
      fields: reliabilityData(scoped).map(alphaFigure),
    };
  });
}

/** The agreement figures of a set of articles (an export's dataset card): alpha per field, and
 * the span F1 per part pooled over every pair of analysts (micro-averaged). */
export function agreementOfArticles(
  db: DbExecutor,
  articleIds: ReadonlySet<number>,
): { analysts: number; fields: TAlphaFigure[]; spans: TSpanParts | null } {
  const data = loadAgreementData(db, undefined, articleIds);
  const ids = analystsOf(data);
  const pairs: TSpanParts[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      pairs.push(pairSpanParts(data, ids[i] as number, ids[j] as number));
  const pool = (pick: (p: TSpanParts) => TSpanAgreement): TSpanAgreement => {
    const parts = pairs.map(pick);
    const micro = microSpanF1(
      parts.map((p) => ({ aCount: p.aClaims, bCount: p.bClaims, matched: p.matched })),
    );
    return {
      articles: parts.reduce((n, p) => n + p.articles, 0),
      aClaims: micro.aCount,
      bClaims: micro.bCount,
      matched: micro.matched,
      f1: micro.f1,
    };
  };
  const both = (part: keyof TSpanParts) => ({
    exact: pool((p) => p[part].exact),
    overlap: pool((p) => p[part].overlap),
  });
  return {
    analysts: ids.length,
    fields: reliabilityData(data).map(alphaFigure),
    spans:
      pairs.length === 0
        ? null
        : { content: both("content"), sourceMention: both("sourceMention"), cue: both("cue") },
  };
}
