/**
 * Export record shapes: the canonical JSONL lines (one claim a line, plus article / source /
 * proposition lines in unfiltered exports; versioned; the JSON Schema is generated from
 * `ZCanonicalLineSchema`), and the inputs of the export command and route.
 */
import { z } from "zod";
import { ZDisputeFieldSchema } from "./adjudication";
import { ZHistoryEventSchema } from "./annotations";
import { ZClaimFilterSchema } from "./claim-filter";
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

/** Bumped on any incompatible change of the canonical line; the JSON Schema file carries it. */
export const CANONICAL_SCHEMA_VERSION = "claimdesk-claim.v1";
/** Characters of context kept on each side of a span (UTF-16 units, never splitting a pair). */
export const EXPORT_CONTEXT_CHARS = 32;

const ZIsoTimestamp = z.string().describe("ISO 8601 date-time (UTC)");

export const ZExportSpanSchema = z
  .object({
    start: z.number().int().nonnegative().describe("UTF-16 offset into article.text (inclusive)"),
    end: z.number().int().nonnegative().describe("UTF-16 offset into article.text (exclusive)"),
    exact: z.string(),
    prefix: z.string().describe("Up to 32 characters of text before the span"),
    suffix: z.string().describe("Up to 32 characters of text after the span"),
  })
  .describe("A span of the article text, W3C TextQuote + TextPosition (UTF-16) in one");
export type TExportSpan = z.infer<typeof ZExportSpanSchema>;

/** A span in a layer: offsets and exact text (the context lives on the line's top-level spans). */
export const ZLayerSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
});

export const ZExportArticleSchema = z.object({
  id: z.number().int().describe("Id in the exporting database (not stable across databases)"),
  externalId: z.string().nullable(),
  collection: z
    .string()
    .nullish()
    .describe("Where externalId is unique: the corpus file's name (absent in older exports)"),
  url: z.string().nullable(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  extractor: z.string(),
  createdAt: ZIsoTimestamp,
  text: z
    .string()
    .optional()
    .describe(
      "The full article text (the snapshot all offsets refer to): present on the first line of each article in a file, absent on the others",
    ),
});
export type TExportArticle = z.infer<typeof ZExportArticleSchema>;

export const ZExportSourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: ZSourceKindSchema,
  affiliation: ZSourceAffiliationSchema,
  country: z.string().nullable(),
  reliability: ZReliabilitySchema,
});
export type TExportSource = z.infer<typeof ZExportSourceSchema>;

export const ZExportAnnotationSchema = z.object({
  id: z.number().int(),
  analyst: z.object({ id: z.number().int(), name: z.string() }),
  sourceStance: ZSourceStanceSchema.nullable(),
  reportingStance: ZReportingStanceSchema.nullable(),
  likelihood: ZLikelihoodSchema.nullable(),
  analyticConfidence: ZAnalyticConfidenceSchema.nullable(),
  verdict: ZVerdictSchema.nullable(),
  credibility: ZCredibilitySchema.nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: ZIsoTimestamp,
  updatedAt: ZIsoTimestamp,
  // Files written before analysts submitted annotations lack it: read as a draft.
  submittedAt: ZIsoTimestamp.nullable()
    .default(null)
    .describe(
      "When the analyst submitted it as final (agreement counts only submitted annotations); null for a draft",
    ),
});
export type TExportAnnotation = z.infer<typeof ZExportAnnotationSchema>;

/** The adjudicator's decision on a claim the analysts disagreed on: the value exports use. */
export const ZExportAdjudicationSchema = z.object({
  adjudicator: z.object({ id: z.number().int(), name: z.string() }),
  sourceStance: ZSourceStanceSchema.nullable(),
  reportingStance: ZReportingStanceSchema.nullable(),
  likelihood: ZLikelihoodSchema.nullable(),
  analyticConfidence: ZAnalyticConfidenceSchema.nullable(),
  verdict: ZVerdictSchema.nullable(),
  credibility: ZCredibilitySchema.nullable(),
  note: z.string().nullable(),
  decidedFields: z
    .array(ZDisputeFieldSchema)
    .optional()
    .describe("The fields this decision settles (absent in older exports: the judgement fields)"),
  attribution: z
    .object({
      status: ZClaimStatusSchema.nullable(),
      content: ZLayerSpanSchema.nullable(),
      sourceMention: ZLayerSpanSchema.nullable(),
      cue: ZLayerSpanSchema.nullable(),
      source: ZExportSourceSchema.nullable(),
      quoteType: ZQuoteTypeSchema.nullable(),
      proposition: z.object({ id: z.number().int(), text: z.string() }).nullable(),
    })
    .optional()
    .describe("The decided attribution values (for the attribution fields in decidedFields)"),
  version: z.number().int(),
  createdAt: ZIsoTimestamp,
  updatedAt: ZIsoTimestamp.describe("When the decision was last made or revised"),
});
export type TExportAdjudication = z.infer<typeof ZExportAdjudicationSchema>;

/**
 * One version of a claim in a canonical line's `layers`: the proposal as it was suggested or made
 * (`analyst` null), or one analyst's own layer.
 */
export const ZExportLayerSchema = z
  .object({
    analyst: z
      .object({ id: z.number().int(), name: z.string() })
      .nullable()
      .describe(
        "Whose layer; null for the proposal itself (the rule's suggestion, or a hand-made claim as its author made it)",
      ),
    submittedAt: ZIsoTimestamp.nullable().describe(
      "When the analyst submitted their layer of the article; null for a draft or the proposal",
    ),
    status: ZClaimStatusSchema,
    quoteType: ZQuoteTypeSchema,
    cueLemma: z.string().nullable(),
    parentClaimId: z.number().int().nullable(),
    content: ZLayerSpanSchema,
    sourceMention: ZLayerSpanSchema.nullable(),
    cue: ZLayerSpanSchema.nullable(),
    source: ZExportSourceSchema.nullable(),
    proposition: z.object({ id: z.number().int(), text: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: ZIsoTimestamp,
    updatedAt: ZIsoTimestamp,
  })
  .describe("One analyst's version of the claim (or the proposal)");
export type TExportLayer = z.infer<typeof ZExportLayerSchema>;

export const ZCanonicalClaimLineSchema = z
  .object({
    schemaVersion: z.literal(CANONICAL_SCHEMA_VERSION),
    claim: z.object({
      id: z.number().int(),
      status: ZClaimStatusSchema,
      origin: z.string().describe("`rule:<name>@<version>` or `analyst`"),
      score: z.number().nullable(),
      quoteType: ZQuoteTypeSchema,
      cueLemma: z.string().nullable(),
      parentClaimId: z
        .number()
        .int()
        .nullable()
        .describe("claim.id of the enclosing claim in the same article (nested attribution)"),
      version: z.number().int(),
      createdAt: ZIsoTimestamp,
      updatedAt: ZIsoTimestamp,
    }),
    article: ZExportArticleSchema,
    spans: z.object({
      content: ZExportSpanSchema,
      sourceMention: ZExportSpanSchema.nullable(),
      cue: ZExportSpanSchema.nullable(),
    }),
    source: ZExportSourceSchema.nullable(),
    proposition: z.object({ id: z.number().int(), text: z.string() }).nullable(),
    annotations: z.array(ZExportAnnotationSchema),
    inGoldLayer: z
      .boolean()
      .optional()
      .describe(
        "With layers: whether the gold layer holds this claim; false: the top-level values are the proposal's (an unreviewed or disputed suggestion, or a hand-made claim no gold decision holds)",
      ),
    layers: z
      .array(ZExportLayerSchema)
      .optional()
      .describe(
        "Every layer of the claim: the proposal, then each analyst's version (present only in exports made with layers). The line's top-level claim, spans, source and proposition are the gold layer's",
      ),
    submissions: z
      .array(
        z.object({
          analyst: z.object({ id: z.number().int(), name: z.string() }),
          submittedAt: ZIsoTimestamp,
        }),
      )
      .optional()
      .describe(
        "With layers: the analysts who submitted their layer of the claim's article, and when (also those whose layer left every claim of it as suggested: their submission still counts for agreement and gold)",
      ),
    adjudicated: ZExportAdjudicationSchema.nullable().describe(
      "The adjudicator's decision when analysts disagreed (exports use it over the analysts' majority); null when none was made",
    ),
    history: z
      .array(ZHistoryEventSchema)
      .optional()
      .describe(
        "The claim's audit history, newest first: its own events and those of its annotations, adjudication, source and proposition (present only in exports made with history)",
      ),
  })
  .describe(
    "Claimdesk canonical export: one attributed claim with its article, spans and annotations",
  );
export type TCanonicalClaimLine = z.infer<typeof ZCanonicalClaimLineSchema>;

export const ZExportPropositionSchema = z.object({ id: z.number().int(), text: z.string() });

/**
 * The other line kinds, written only by an unfiltered export (after the claim lines) so that an
 * import reproduces what no claim carries: articles with no claims (with their full text),
 * registry sources and propositions no claim uses. A line without `kind` is a claim line.
 */
export const ZCanonicalEntityLineSchema = z.discriminatedUnion("kind", [
  z
    .object({
      schemaVersion: z.literal(CANONICAL_SCHEMA_VERSION),
      kind: z.literal("article"),
      article: ZExportArticleSchema.extend({ text: z.string().describe("The full article text") }),
    })
    .describe("An article with no claims"),
  z
    .object({
      schemaVersion: z.literal(CANONICAL_SCHEMA_VERSION),
      kind: z.literal("source"),
      source: ZExportSourceSchema,
    })
    .describe("A registry source no exported claim uses"),
  z
    .object({
      schemaVersion: z.literal(CANONICAL_SCHEMA_VERSION),
      kind: z.literal("proposition"),
      proposition: ZExportPropositionSchema,
    })
    .describe("A proposition no exported claim uses"),
]);
export type TCanonicalEntityLine = z.infer<typeof ZCanonicalEntityLineSchema>;

/** Any canonical line: a claim line (no `kind`) or an article / source / proposition line. */
export const ZCanonicalLineSchema = z
  .union([ZCanonicalClaimLineSchema, ZCanonicalEntityLineSchema])
  .describe(
    "Claimdesk canonical export line: a claim line (no `kind`), or, in unfiltered exports, an article with no claims, or a source or proposition no claim uses",
  );
export type TCanonicalLine = z.infer<typeof ZCanonicalLineSchema>;

/** Claim lines have no `kind`; the other kinds have one. */
export const isCanonicalClaimLine = (line: TCanonicalLine): line is TCanonicalClaimLine =>
  !("kind" in line);

export const EXPORT_FORMATS = ["jsonl", "csv", "webanno", "fever", "claimreview"] as const;
export const ZExportFormatSchema = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormatSchema>;

/** "80/10/10": train/dev/test percentages (or any ratios: they are normalised). */
export const ZSplitRatiosSchema = z
  .string()
  .regex(/^\d+(\.\d+)?\/\d+(\.\d+)?\/\d+(\.\d+)?$/, "Use train/dev/test ratios such as 80/10/10")
  .transform((s) => s.split("/").map(Number) as [number, number, number])
  .refine((r) => r[0] + r[1] + r[2] > 0, "The ratios must not all be zero");

export const ZExportRequestSchema = z.object({
  format: ZExportFormatSchema,
  filter: ZClaimFilterSchema,
  split: z.tuple([z.number(), z.number(), z.number()]).optional(),
  seed: z.number().int().default(0),
});
export type TExportRequest = z.infer<typeof ZExportRequestSchema>;
