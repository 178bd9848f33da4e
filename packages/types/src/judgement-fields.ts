/**
 * The judgement fields, once: what an analyst records about a claim and an adjudicator decides
 * (not the note). Adjudication, agreement, the web's field options and the exports' columns all
 * read this registry.
 */
import type { z } from "zod";
import {
  ANALYTIC_CONFIDENCE_LABELS,
  ANALYTIC_CONFIDENCES,
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  REPORTING_STANCE_LABELS,
  REPORTING_STANCES,
  SOURCE_STANCE_LABELS,
  SOURCE_STANCES,
  VERDICT_LABELS,
  VERDICTS,
  ZAnalyticConfidenceSchema,
  ZCredibilitySchema,
  ZLikelihoodSchema,
  ZReportingStanceSchema,
  ZSourceStanceSchema,
  ZVerdictSchema,
} from "./enums";
import type { LabelInfo } from "./labels";

export interface JudgementFieldInfo<V extends string = string> {
  label: string;
  /** Measurement level for agreement: ordinal fields are ordered by `values`. */
  level: "nominal" | "ordinal";
  /** The database column (annotations, adjudications, gold layer rows). */
  column: string;
  values: readonly V[];
  labels: Record<V, LabelInfo>;
  schema: z.ZodType<V>;
  /** What agreement on it compares. */
  description: string;
}

/** In the order every list shows them. */
export const JUDGEMENT_FIELDS = [
  "sourceStance",
  "reportingStance",
  "likelihood",
  "analyticConfidence",
  "credibility",
  "verdict",
] as const;
export type TJudgementField = (typeof JUDGEMENT_FIELDS)[number];

export const JUDGEMENT_FIELD_INFO = {
  sourceStance: {
    label: "Source stance",
    level: "nominal",
    column: "source_stance",
    values: SOURCE_STANCES,
    labels: SOURCE_STANCE_LABELS,
    schema: ZSourceStanceSchema,
    description: "Support, deny, query or comment, per claim.",
  },
  reportingStance: {
    label: "Reporting stance",
    level: "nominal",
    column: "reporting_stance",
    values: REPORTING_STANCES,
    labels: REPORTING_STANCE_LABELS,
    schema: ZReportingStanceSchema,
    description: "Neutral, committed or distancing, per claim.",
  },
  likelihood: {
    label: "Likelihood",
    level: "ordinal",
    column: "likelihood",
    values: LIKELIHOODS,
    labels: LIKELIHOOD_LABELS,
    schema: ZLikelihoodSchema,
    description: "The ICD 203 scale from almost no chance to almost certain, per claim.",
  },
  analyticConfidence: {
    label: "Analytic confidence",
    level: "ordinal",
    column: "analytic_confidence",
    values: ANALYTIC_CONFIDENCES,
    labels: ANALYTIC_CONFIDENCE_LABELS,
    schema: ZAnalyticConfidenceSchema,
    description: "Low, moderate or high, per claim.",
  },
  credibility: {
    label: "Credibility",
    level: "ordinal",
    column: "credibility",
    values: CREDIBILITIES,
    labels: CREDIBILITY_LABELS,
    schema: ZCredibilitySchema,
    description:
      "Admiralty code 1 (confirmed) to 5 (improbable), per claim; 6 (truth cannot be judged) is not a point on that scale and counts as no value in alpha.",
  },
  verdict: {
    label: "Verdict",
    level: "nominal",
    column: "verdict",
    values: VERDICTS,
    labels: VERDICT_LABELS,
    schema: ZVerdictSchema,
    description: "Supported, refuted or not enough info, per claim.",
  },
} as const satisfies Record<TJudgementField, JudgementFieldInfo>;

export const JUDGEMENT_FIELD_LABELS = Object.fromEntries(
  JUDGEMENT_FIELDS.map((f) => [f, JUDGEMENT_FIELD_INFO[f].label]),
) as Record<TJudgementField, string>;
