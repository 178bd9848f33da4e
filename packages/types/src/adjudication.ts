/**
 * Adjudication: the claims on which the analysts' submitted layers disagree (whether it is a claim,
 * its spans, source, quote type, proposition, or a judgement field), and the adjudicator's
 * decision, which forms the gold layer.
 */
import { z } from "zod";
import { ZQuoteTypeSchema } from "./enums";
import { JUDGEMENT_FIELD_INFO, JUDGEMENT_FIELDS, type TJudgementField } from "./judgement-fields";
import { ZSpanSchema } from "./spans";

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

/** The values an adjudicator decides: every judgement field (null = no value). */
export const ZAdjudicationValuesSchema = z.object({
  sourceStance: JUDGEMENT_FIELD_INFO.sourceStance.schema.nullable(),
  reportingStance: JUDGEMENT_FIELD_INFO.reportingStance.schema.nullable(),
  likelihood: JUDGEMENT_FIELD_INFO.likelihood.schema.nullable(),
  analyticConfidence: JUDGEMENT_FIELD_INFO.analyticConfidence.schema.nullable(),
  credibility: JUDGEMENT_FIELD_INFO.credibility.schema.nullable(),
  verdict: JUDGEMENT_FIELD_INFO.verdict.schema.nullable(),
} satisfies Record<TJudgementField, z.ZodType>);
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
