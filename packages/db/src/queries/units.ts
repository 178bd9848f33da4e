/**
 * Units: what the submitted layers of one article say about each claim, side by side. The gold
 * layer (gold.ts), the adjudication queue and the agreement figures all start from here, so they
 * compare the same things.
 *
 * A unit is one rule suggestion, or a group of hand-made claims, at most one per analyst, whose
 * contents overlap (greedily, largest overlap first: the bench's overlap match). For each analyst
 * who submitted the article, a unit holds their version: what their layer says (accept/reject,
 * spans, source, …, judgement), or nothing when they left a suggestion untouched (no opinion).
 * An analyst who did not make a hand-made claim that another made says "no" to it.
 */
import {
  ATTRIBUTION_FIELDS,
  JUDGEMENT_FIELDS,
  type TClaimStatus,
  type TDisputeField,
  type TQuoteType,
} from "@claimdesk/types";
import { and, asc, eq, inArray } from "drizzle-orm";
import { annotations, articleSubmissions, claimLayers, claims } from "../schema";
import type { JudgementValues } from "./adjudications";
import type { DbExecutor } from "./executor";

export interface SpanValue {
  start: number;
  end: number;
  exact: string;
}

/** One analyst's version of a unit. */
export interface UnitVersion {
  analystId: number;
  /** The claim (proposal) id their version sits on. */
  claimId: number;
  status: TClaimStatus;
  content: SpanValue;
  sourceMention: SpanValue | null;
  cue: SpanValue | null;
  cueLemma: string | null;
  sourceId: number | null;
  quoteType: TQuoteType;
  parentClaimId: number | null;
  propositionId: number | null;
  judgement: JudgementValues;
}

export interface Unit {
  /** The smallest claim id of the unit: where its gold row, dispute and adjudication live. */
  rootId: number;
  articleId: number;
  claimIds: number[];
  /** Hand-made (a group of analysts' claims) or a rule suggestion. */
  handMade: boolean;
  /** By analyst id, for every analyst who submitted the article: their version, "no" for a
   * hand-made claim they did not make, or undefined when they left a suggestion untouched. */
  versions: Map<number, UnitVersion | "no" | undefined>;
}

const spanOf = (
  start: number | null,
  end: number | null,
  exact: string | null,
): SpanValue | null =>
  start === null || end === null || exact === null ? null : { start, end, exact };

type LayerRow = typeof claimLayers.$inferSelect;

type VersionColumns = Pick<
  LayerRow,
  | "analystId"
  | "claimId"
  | "status"
  | "contentStart"
  | "contentEnd"
  | "contentText"
  | "sourceStart"
  | "sourceEnd"
  | "sourceText"
  | "cueStart"
  | "cueEnd"
  | "cueText"
  | "cueLemma"
  | "sourceId"
  | "quoteType"
  | "parentClaimId"
  | "propositionId"
>;

function versionOf(row: VersionColumns, judgement: JudgementValues | undefined): UnitVersion {
  return {
    analystId: row.analystId ?? 0,
    claimId: row.claimId,
    status: row.status,
    content: { start: row.contentStart, end: row.contentEnd, exact: row.contentText },
    sourceMention: spanOf(row.sourceStart, row.sourceEnd, row.sourceText),
    cue: spanOf(row.cueStart, row.cueEnd, row.cueText),
    cueLemma: row.cueLemma,
    sourceId: row.sourceId,
    quoteType: row.quoteType,
    parentClaimId: row.parentClaimId,
    propositionId: row.propositionId,
    judgement: judgement ?? EMPTY_JUDGEMENT,
  };
}

export const EMPTY_JUDGEMENT: JudgementValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

/** The analysts who submitted `articleId`, by id. */
export function submittedAnalysts(db: DbExecutor, articleId: number): number[] {
  return db
    .select({ analystId: articleSubmissions.analystId })
    .from(articleSubmissions)
    .where(eq(articleSubmissions.articleId, articleId))
    .orderBy(asc(articleSubmissions.analystId))
    .all()
    .map((r) => r.analystId);
}

const overlap = (a: SpanValue, b: SpanValue) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The units of an article over the layers of `analysts` (by default: those who submitted it). */
export function articleUnits(
  db: DbExecutor,
  articleId: number,
  analysts: number[] = submittedAnalysts(db, articleId),
): Unit[] {
  if (analysts.length === 0) return [];
  const proposals = db
    .select()
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.id))
    .all();
  const layerRows = db
    .select()
    .from(claimLayers)
    .where(
      and(
        eq(claimLayers.articleId, articleId),
        eq(claimLayers.kind, "analyst"),
        inArray(claimLayers.analystId, analysts),
      ),
    )
    .all();
  const judgements = new Map<string, JudgementValues>();
  if (proposals.length > 0) {
    for (const a of db
      .select()
      .from(annotations)
      .where(
        and(
          inArray(
            annotations.claimId,
            proposals.map((p) => p.id),
          ),
          inArray(annotations.analystId, analysts),
        ),
      )
      .all()) {
      judgements.set(`${a.claimId}:${a.analystId}`, {
        sourceStance: a.sourceStance,
        reportingStance: a.reportingStance,
        likelihood: a.likelihood,
        analyticConfidence: a.analyticConfidence,
        credibility: a.credibility,
        verdict: a.verdict,
      });
    }
  }
  const layerOf = new Map<string, UnitVersion>();
  for (const row of layerRows)
    layerOf.set(
      `${row.claimId}:${row.analystId}`,
      versionOf(row, judgements.get(`${row.claimId}:${row.analystId}`)),
    );

  const units: Unit[] = [];
  const handMade: UnitVersion[] = [];
  for (const p of proposals) {
    if (p.origin === "analyst") {
      // A hand-made claim belongs to the analysts whose layer holds it (its author, and after a
      // migration possibly others who reviewed it): each such version joins the grouping below.
      for (const a of analysts) {
        const v = layerOf.get(`${p.id}:${a}`);
        if (v && v.status !== "rejected") handMade.push(v);
      }
      continue;
    }
    const versions = new Map<number, UnitVersion | "no" | undefined>();
    for (const a of analysts) {
      const judgement = judgements.get(`${p.id}:${a}`);
      // Judged without touching the claim itself: the suggestion as it stands, undecided.
      const version =
        layerOf.get(`${p.id}:${a}`) ??
        (judgement
          ? versionOf({ ...p, claimId: p.id, analystId: a, status: "suggested" }, judgement)
          : undefined);
      versions.set(a, version);
    }
    units.push({ rootId: p.id, articleId, claimIds: [p.id], handMade: false, versions });
  }

  // Group hand-made claims across analysts by content overlap, largest overlap first, at most
  // one claim per analyst in a group.
  const group = new Map<UnitVersion, UnitVersion[]>(handMade.map((v) => [v, [v]]));
  const pairs: [number, UnitVersion, UnitVersion][] = [];
  for (let i = 0; i < handMade.length; i++)
    for (let j = i + 1; j < handMade.length; j++) {
      const a = handMade[i] as UnitVersion;
      const b = handMade[j] as UnitVersion;
      const o = a.analystId !== b.analystId ? overlap(a.content, b.content) : 0;
      if (o > 0) pairs.push([o, a, b]);
    }
  // Ties: the closer pair first (the smaller union of the two contents), then by position in the
  // text; claim ids last, as they are not kept by an export and import.
  const union = ([o, a, b]: [number, UnitVersion, UnitVersion]) =>
    a.content.end - a.content.start + (b.content.end - b.content.start) - o;
  const position = (v: UnitVersion) => v.content.start * 1e7 + v.content.end;
  pairs.sort(
    (x, y) =>
      y[0] - x[0] ||
      union(x) - union(y) ||
      position(x[1]) + position(x[2]) - (position(y[1]) + position(y[2])) ||
      x[1].claimId - y[1].claimId ||
      x[2].claimId - y[2].claimId,
  );
  for (const [, a, b] of pairs) {
    const ga = group.get(a) as UnitVersion[];
    const gb = group.get(b) as UnitVersion[];
    if (ga === gb) continue;
    if (ga.some((x) => gb.some((y) => y.analystId === x.analystId))) continue;
    const merged = [...ga, ...gb];
    for (const v of merged) group.set(v, merged);
  }
  for (const members of new Set(group.values())) {
    const versions = new Map<number, UnitVersion | "no" | undefined>();
    for (const a of analysts) versions.set(a, members.find((m) => m.analystId === a) ?? "no");
    const claimIds = [...new Set(members.map((m) => m.claimId))].sort((x, y) => x - y);
    units.push({
      rootId: claimIds[0] as number,
      articleId,
      claimIds,
      handMade: true,
      versions,
    });
  }
  return units.sort((a, b) => a.rootId - b.rootId);
}

/** "yes" (accepted), "no" (rejected, or a hand-made claim not made), or undefined (no opinion). */
export function existenceOf(v: UnitVersion | "no" | undefined): "yes" | "no" | undefined {
  if (v === "no") return "no";
  if (v === undefined || v.status === "suggested") return undefined;
  return v.status === "accepted" ? "yes" : "no";
}

const spanKey = (s: SpanValue | null) => (s === null ? "none" : `${s.start}-${s.end}`);

/**
 * A field's value in one version, as a comparable key (undefined: no opinion). Attribution
 * fields other than existence only count for analysts who say the claim exists; a judgement
 * field left empty is no opinion, not a disagreement (as before layers).
 */
export function fieldKey(
  v: UnitVersion | "no" | undefined,
  field: TDisputeField,
): string | undefined {
  const exists = existenceOf(v);
  if (field === "existence") return exists;
  if (v === undefined || v === "no" || exists === "no") return undefined;
  // A judgement counts from anyone who did not reject the claim; the attribution only from
  // those who accepted it.
  if (exists !== "yes" && (ATTRIBUTION_FIELDS as readonly string[]).includes(field))
    return undefined;
  switch (field) {
    case "content":
      return spanKey(v.content);
    case "sourceMention":
      return spanKey(v.sourceMention);
    case "cue":
      return spanKey(v.cue);
    case "sourceId":
      return v.sourceId === null ? "none" : String(v.sourceId);
    case "quoteType":
      return v.quoteType;
    case "propositionId":
      return v.propositionId === null ? "none" : String(v.propositionId);
    default: {
      const value = v.judgement[field];
      return value ?? undefined;
    }
  }
}

export const DISPUTABLE_FIELDS: readonly TDisputeField[] = [
  ...ATTRIBUTION_FIELDS,
  ...JUDGEMENT_FIELDS,
];

/** The fields on which the unit's versions hold two or more different values. */
export function disputedFields(unit: Unit): TDisputeField[] {
  const versions = [...unit.versions.values()];
  return DISPUTABLE_FIELDS.filter((field) => {
    const keys = new Set(
      versions.map((v) => fieldKey(v, field)).filter((k): k is string => k !== undefined),
    );
    return keys.size > 1;
  });
}
