/** Inputs of every tRPC procedure: validated at the API boundary, reused by forms in the UI. */
import { z } from "zod";
import {
  ZAnalyticConfidenceSchema,
  ZClaimStatusSchema,
  ZCredibilitySchema,
  ZLikelihoodSchema,
  ZQuoteTypeSchema,
  ZReliabilitySchema,
  ZReportingStanceSchema,
  ZSourceAffiliationSchema,
  ZSourceKindSchema,
  ZSourceStanceSchema,
  ZVerdictSchema,
} from "./enums";
import { SOURCE_ALIASES_MAX, SOURCE_NAME_MAX, SOURCE_QUERY_MAX } from "./sources";
import { ZSpanSchema } from "./spans";

export const ZIdSchema = z.number().int().positive();
const ZVersionSchema = z.number().int().nonnegative();

/** articles.list — newest first, or ranked by FTS5 when `query` is given. */
export const ZArticleListInputSchema = z.object({
  query: z.string().trim().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** Offset-based paging; the list is small per page and stable by id. */
  offset: z.number().int().nonnegative().default(0),
});
export type TArticleListInput = z.input<typeof ZArticleListInputSchema>;

export const ZByIdInputSchema = z.object({ id: ZIdSchema });
export type TByIdInput = z.infer<typeof ZByIdInputSchema>;

/** claims.create — an analyst marks content (and optionally source mention and cue). */
export const ZClaimCreateInputSchema = z.object({
  articleId: ZIdSchema,
  content: ZSpanSchema,
  sourceMention: ZSpanSchema.nullish(),
  cue: ZSpanSchema.nullish(),
  cueLemma: z.string().trim().max(100).nullish(),
  sourceId: ZIdSchema.nullish(),
  quoteType: ZQuoteTypeSchema.default("indirect"),
  parentClaimId: ZIdSchema.nullish(),
  propositionId: ZIdSchema.nullish(),
});
export type TClaimCreateInput = z.input<typeof ZClaimCreateInputSchema>;

/** claims.update — partial; `version` is the one the editor saw (optimistic concurrency). */
export const ZClaimUpdateInputSchema = z.object({
  id: ZIdSchema,
  version: ZVersionSchema,
  patch: z
    .object({
      content: ZSpanSchema,
      sourceMention: ZSpanSchema.nullable(),
      cue: ZSpanSchema.nullable(),
      cueLemma: z.string().trim().max(100).nullable(),
      sourceId: ZIdSchema.nullable(),
      quoteType: ZQuoteTypeSchema,
      status: ZClaimStatusSchema,
      parentClaimId: ZIdSchema.nullable(),
      propositionId: ZIdSchema.nullable(),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, { message: "Nothing to update" }),
});
export type TClaimUpdateInput = z.input<typeof ZClaimUpdateInputSchema>;

export const ZClaimDeleteInputSchema = z.object({ id: ZIdSchema, version: ZVersionSchema });
export type TClaimDeleteInput = z.infer<typeof ZClaimDeleteInputSchema>;

/** sources.list — the registry, filtered by name/alias prefix or substring. */
export const ZSourceListInputSchema = z.object({
  query: z
    .string()
    .trim()
    .max(SOURCE_QUERY_MAX, `Search with at most ${SOURCE_QUERY_MAX} characters`)
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TSourceListInput = z.input<typeof ZSourceListInputSchema>;

const ZSourceName = z
  .string()
  .trim()
  .min(1, "Give the source a name")
  .max(SOURCE_NAME_MAX, `Use at most ${SOURCE_NAME_MAX} characters`);

export const ZSourceCreateInputSchema = z.object({
  name: ZSourceName,
  aliases: z
    .array(ZSourceName)
    .max(SOURCE_ALIASES_MAX, `Give at most ${SOURCE_ALIASES_MAX} aliases`)
    .default([]),
  kind: ZSourceKindSchema.default("generic"),
  affiliation: ZSourceAffiliationSchema.default("unknown"),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 code such as IQ")
    .nullish(),
  reliability: ZReliabilitySchema.default("F"),
});
export type TSourceCreateInput = z.input<typeof ZSourceCreateInputSchema>;

/** annotations.upsert — the calling analyst's judgement of one claim. */
export const ZAnnotationUpsertInputSchema = z.object({
  claimId: ZIdSchema,
  /** The version the editor saw; omit (or null) when creating the analyst's first annotation. */
  version: ZVersionSchema.nullish(),
  values: z
    .object({
      sourceStance: ZSourceStanceSchema.nullable(),
      reportingStance: ZReportingStanceSchema.nullable(),
      likelihood: ZLikelihoodSchema.nullable(),
      analyticConfidence: ZAnalyticConfidenceSchema.nullable(),
      verdict: ZVerdictSchema.nullable(),
      credibility: ZCredibilitySchema.nullable(),
      note: z.string().max(10_000).nullable(),
      tags: z.array(z.string().trim().min(1).max(100)).max(50),
    })
    .partial(),
});
export type TAnnotationUpsertInput = z.input<typeof ZAnnotationUpsertInputSchema>;
