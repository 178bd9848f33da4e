/**
 * The gold layer: what the team settled on, rebuilt for an article whenever one of its layers is
 * submitted or one of its claims adjudicated. For each unit (units.ts) and each field:
 * - one analyst submitted: their value;
 * - several did and their values agree: that value (the unanimous merge);
 * - they disagree: the adjudicator's decision, once made.
 * A unit with a disputed field not yet decided has no gold row: it waits in the adjudication
 * queue (claim_disputes, open). A unit nobody decided on (a suggestion every analyst left
 * untouched) has none either, and stays a suggestion in the gold view.
 */
import { ATTRIBUTION_FIELDS, type TDisputeField, type TGoldBasis } from "@claimdesk/types";
import { and, eq, inArray, sql } from "drizzle-orm";
import { adjudications, articleSubmissions, claimDisputes, claimLayers } from "../schema";
import type { DbExecutor } from "./executor";
import {
  articleUnits,
  disputedFields,
  existenceOf,
  fieldKey,
  type SpanValue,
  type Unit,
  type UnitVersion,
} from "./units";

type AdjudicationRow = typeof adjudications.$inferSelect;
type GoldInsert = typeof claimLayers.$inferInsert;

const span = (start: number | null, end: number | null, exact: string | null): SpanValue | null =>
  start === null || end === null || exact === null ? null : { start, end, exact };

/** Sets `field` of the gold row from the adjudicator's decision. */
function applyDecision(row: GoldInsert, field: TDisputeField, d: AdjudicationRow): void {
  switch (field) {
    case "existence":
      row.status = d.status === "rejected" ? "rejected" : "accepted";
      return;
    case "content":
      if (d.contentStart !== null && d.contentEnd !== null && d.contentText !== null)
        Object.assign(row, {
          contentStart: d.contentStart,
          contentEnd: d.contentEnd,
          contentText: d.contentText,
        });
      return;
    case "sourceMention": {
      const s = span(d.sourceStart, d.sourceEnd, d.sourceText);
      Object.assign(row, {
        sourceStart: s?.start ?? null,
        sourceEnd: s?.end ?? null,
        sourceText: s?.exact ?? null,
      });
      return;
    }
    case "cue": {
      const s = span(d.cueStart, d.cueEnd, d.cueText);
      Object.assign(row, {
        cueStart: s?.start ?? null,
        cueEnd: s?.end ?? null,
        cueText: s?.exact ?? null,
      });
      return;
    }
    case "sourceId":
      row.sourceId = d.sourceId;
      return;
    case "quoteType":
      if (d.quoteType !== null) row.quoteType = d.quoteType;
      return;
    case "propositionId":
      row.propositionId = d.propositionId;
      return;
    default:
      Object.assign(row, { [field]: d[field] });
  }
}

/** The first version (by analyst id) that holds the agreed value of a judgement field. */
function agreedJudgement(unit: Unit, field: TDisputeField): string | null {
  for (const v of unit.versions.values()) {
    const key = fieldKey(v, field);
    if (key !== undefined) return key;
  }
  return null;
}

export interface GoldOutcome {
  row: GoldInsert | null;
  disputed: TDisputeField[];
  open: boolean;
}

/** The gold row of one unit (null while undecided or in open dispute). */
export function goldOf(unit: Unit, decision: AdjudicationRow | undefined): GoldOutcome {
  const disputed = disputedFields(unit);
  const decided = new Set(decision?.decidedFields ?? []);
  const open = disputed.some((f) => !decided.has(f));
  const versions = [...unit.versions.values()];
  const opinions = versions.map(existenceOf).filter((e) => e !== undefined);
  if (open || opinions.length === 0) return { row: null, disputed, open };
  const yes = versions.find(
    (v): v is UnitVersion => v !== undefined && v !== "no" && existenceOf(v) === "yes",
  );
  const any = versions.find((v): v is UnitVersion => v !== undefined && v !== "no");
  // The first analyst's version who says it exists carries the agreed attribution values.
  const base = yes ?? any;
  const submittedCount = unit.versions.size;
  // What the decision settles: the disputed fields, and any attribution field the adjudicator set
  // explicitly (an edited span, say: recorded in the decision, it must not be dropped). Judgement
  // fields nobody disputes keep the analysts' agreed values (they are decided by default).
  const applied = (decision?.decidedFields ?? []).filter(
    (f) => disputed.includes(f) || (ATTRIBUTION_FIELDS as readonly string[]).includes(f),
  );
  const basis: TGoldBasis =
    applied.length > 0 ? "adjudicated" : submittedCount === 1 ? "single" : "unanimous";
  const row: GoldInsert = {
    claimId: unit.rootId,
    articleId: unit.articleId,
    kind: "gold",
    analystId: null,
    status: opinions.includes("yes") ? "accepted" : "rejected",
    contentStart: base?.content.start ?? 0,
    contentEnd: base?.content.end ?? 0,
    contentText: base?.content.exact ?? "",
    sourceStart: base?.sourceMention?.start ?? null,
    sourceEnd: base?.sourceMention?.end ?? null,
    sourceText: base?.sourceMention?.exact ?? null,
    cueStart: base?.cue?.start ?? null,
    cueEnd: base?.cue?.end ?? null,
    cueText: base?.cue?.exact ?? null,
    cueLemma: base?.cueLemma ?? null,
    sourceId: base?.sourceId ?? null,
    quoteType: base?.quoteType ?? "indirect",
    parentClaimId: base?.parentClaimId ?? null,
    propositionId: base?.propositionId ?? null,
    sourceStance: agreedJudgement(unit, "sourceStance") as GoldInsert["sourceStance"],
    reportingStance: agreedJudgement(unit, "reportingStance") as GoldInsert["reportingStance"],
    likelihood: agreedJudgement(unit, "likelihood") as GoldInsert["likelihood"],
    analyticConfidence: agreedJudgement(
      unit,
      "analyticConfidence",
    ) as GoldInsert["analyticConfidence"],
    credibility: agreedJudgement(unit, "credibility") as GoldInsert["credibility"],
    verdict: agreedJudgement(unit, "verdict") as GoldInsert["verdict"],
    note: decision?.note ?? null,
    basis,
    version: 0,
  };
  if (decision) for (const field of applied) applyDecision(row, field, decision);
  // A base taken from a "no" voter only matters for rejected gold rows; an accepted one whose
  // existence the adjudicator decided takes its spans from a "yes" version above.
  if (!base) return { row: null, disputed, open };
  return { row, disputed, open };
}

/**
 * Rebuilds the gold rows and disputes of an article from its submitted layers and adjudications.
 * Call inside the write transaction that changed them.
 */
export function rebuildGold(tx: DbExecutor, articleId: number): void {
  const units = articleUnits(tx, articleId);
  const roots = units.map((u) => u.rootId);
  const decisions = new Map(
    roots.length === 0
      ? []
      : tx
          .select()
          .from(adjudications)
          .where(inArray(adjudications.claimId, roots))
          .all()
          .map((d) => [d.claimId, d] as const),
  );
  tx.delete(claimLayers)
    .where(and(eq(claimLayers.articleId, articleId), eq(claimLayers.kind, "gold")))
    .run();
  tx.delete(claimDisputes).where(eq(claimDisputes.articleId, articleId)).run();
  // A gold row is as new as what decided it: the article's last submission, or the unit's decision
  // if later. Not the time of the rebuild: rebuilding the same layers (another analyst's
  // submission, an import) must give the same row, or a re-export would differ.
  const lastSubmission =
    tx
      .select({ at: sql<number>`max(${articleSubmissions.submittedAt})` })
      .from(articleSubmissions)
      .where(eq(articleSubmissions.articleId, articleId))
      .get()?.at ?? 0;
  const rows: GoldInsert[] = [];
  const disputes: (typeof claimDisputes.$inferInsert)[] = [];
  for (const unit of units) {
    const decision = decisions.get(unit.rootId);
    const outcome = goldOf(unit, decision);
    if (outcome.row) {
      const at = new Date(Math.max(lastSubmission, decision?.updatedAt.getTime() ?? 0));
      rows.push({ ...outcome.row, createdAt: at, updatedAt: at });
    }
    if (outcome.disputed.length > 0)
      disputes.push({
        claimId: unit.rootId,
        articleId,
        fields: outcome.disputed,
        open: outcome.open,
      });
  }
  // SQLite's variable limit: insert in slices.
  for (let i = 0; i < rows.length; i += 200)
    tx.insert(claimLayers)
      .values(rows.slice(i, i + 200))
      .run();
  for (let i = 0; i < disputes.length; i += 500)
    tx.insert(claimDisputes)
      .values(disputes.slice(i, i + 500))
      .run();
}
