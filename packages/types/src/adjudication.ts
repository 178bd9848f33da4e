/**
 * Adjudication: claims the analysts disagree on (≥ 2 submitted annotations whose non-null values
 * differ in at least one judgement field), and the adjudicator's decision, which exports use.
 */
import { z } from "zod";
import {
  ZQuoteTypeSchema,
  ZAnalyticConfidenceSchema,
  ZCredibilitySchema,
  ZLikelihoodSchema,
  ZReportingStanceSchema,
  ZSourceStanceSchema,
  ZVerdictSchema,
} from "./enums";
import { ZSpanSchema } from "./spans";

/** The judgement fields compared between analysts and decided by the adjudicator (not the note). */
export const JUDGEMENT_FIELDS = [
  "sourceStance",
  "reportingStance",
  "likelihood",
  "analyticConfidence",
  "credibility",
  "verdict",
] as const;
export const ZJudgementFieldSchema = z.enum(JUDGEMENT_FIELDS);

/**
 * The attribution decisions each analyst makes in their own layer and the adjudicator settles:
 * whether it is a claim at all, its three spans, the registry source, quote type and proposition.
 */
export const ATTRIBUTION_FIELDS = [
  "existence",
  "content",
  "sourceMention",
  "cue",
  "sourceId",
  "quoteType",
  "propositionId",
] as const;
export const ZAttributionFieldSchema = z.enum(ATTRIBUTION_FIELDS);
export type TAttributionField = z.infer<typeof ZAttributionFieldSchema>;

export const ATTRIBUTION_FIELD_LABELS: Record<TAttributionField, string> = {
  existence: "Is a claim",
  content: "Content span",
  sourceMention: "Source mention span",
  cue: "Cue span",
  sourceId: "Registry source",
  quoteType: "Quote type",
  propositionId: "Proposition",
};

/** Every field on which submitted layers can disagree and an adjudicator decides. */
export const DISPUTE_FIELDS = [...ATTRIBUTION_FIELDS, ...JUDGEMENT_FIELDS] as const;
export const ZDisputeFieldSchema = z.enum(DISPUTE_FIELDS);
export type TDisputeField = z.infer<typeof ZDisputeFieldSchema>;
export type TJudgementField = z.infer<typeof ZJudgementFieldSchema>;

export const JUDGEMENT_FIELD_LABELS: Record<TJudgementField, string> = {
  sourceStance: "Source stance",
  reportingStance: "Reporting stance",
  likelihood: "Likelihood",
  analyticConfidence: "Analytic confidence",
  credibility: "Credibility",
  verdict: "Verdict",
};

export const ADJUDICATION_STATUSES = ["open", "resolved", "all"] as const;
export const ZAdjudicationStatusSchema = z.enum(ADJUDICATION_STATUSES);
export type TAdjudicationStatus = z.infer<typeof ZAdjudicationStatusSchema>;

/** Claims per page of the adjudication queue. */
export const ADJUDICATION_PAGE_SIZE = 20;

/** adjudication.queue — `open`: in dispute, not decided; `resolved`: decided; `all`: both. */
export const ZAdjudicationQueueInputSchema = z.object({
  status: ZAdjudicationStatusSchema.default("open"),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type TAdjudicationQueueInput = z.input<typeof ZAdjudicationQueueInputSchema>;

/** The values an adjudicator decides: every judgement field (null = no value) and a note. */
export const ZAdjudicationValuesSchema = z.object({
  sourceStance: ZSourceStanceSchema.nullable(),
  reportingStance: ZReportingStanceSchema.nullable(),
  likelihood: ZLikelihoodSchema.nullable(),
  analyticConfidence: ZAnalyticConfidenceSchema.nullable(),
  credibility: ZCredibilitySchema.nullable(),
  verdict: ZVerdictSchema.nullable(),
});
export type TAdjudicationValues = z.infer<typeof ZAdjudicationValuesSchema>;

/**
 * The attribution an adjudicator decides (each field optional: only those in `decidedFields`
 * count): whether it is a claim, its spans, registry source, quote type and proposition.
 */
export const ZAdjudicationAttributionSchema = z.object({
  status: z.enum(["accepted", "rejected"]).optional(),
  content: ZSpanSchema.optional(),
  sourceMention: ZSpanSchema.nullable().optional(),
  cue: ZSpanSchema.nullable().optional(),
  sourceId: z.number().int().positive().nullable().optional(),
  quoteType: ZQuoteTypeSchema.optional(),
  propositionId: z.number().int().positive().nullable().optional(),
});
export type TAdjudicationAttribution = z.infer<typeof ZAdjudicationAttributionSchema>;

/** adjudication.decide — `version` the one the adjudicator saw; null when deciding the first time. */
export const ZAdjudicateInputSchema = z.object({
  claimId: z.number().int().positive(),
  values: ZAdjudicationValuesSchema,
  attribution: ZAdjudicationAttributionSchema.default({}),
  /**
   * The fields this decision settles. Omitted: every judgement field (as `values` gives them) and
   * each attribution field `attribution` gives.
   */
  decidedFields: z.array(ZDisputeFieldSchema).optional(),
  /** Blank is no note. */
  note: z
    .string()
    .trim()
    .max(10_000)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v)),
  version: z.number().int().nonnegative().nullable(),
});
export type TAdjudicateInput = z.input<typeof ZAdjudicateInputSchema>;

/** adjudication.byClaim */
export const ZAdjudicationByClaimInputSchema = z.object({ claimId: z.number().int().positive() });
export type TAdjudicationByClaimInput = z.infer<typeof ZAdjudicationByClaimInputSchema>;
