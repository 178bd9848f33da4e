/** What the ingest pipeline hands the writer: a cleaned article and the claims it proposes. */
import { z } from "zod";
import { ZQuoteTypeSchema, ZReportingStanceSchema, ZSourceKindSchema } from "./enums";
import { ZSpanSchema } from "./spans";

export const ZSuggestedClaimSchema = z.object({
  content: ZSpanSchema,
  /** The source as written; absent when the journalist speaks in their own voice. */
  sourceMention: ZSpanSchema.nullable(),
  cue: ZSpanSchema.nullable(),
  /** Base form of the cue: "say", "according to", "vow". */
  cueLemma: z.string().nullable(),
  /** Name to match against the source registry (the resolved antecedent for "he"/"the official"). */
  sourceName: z.string().nullable(),
  sourceKindGuess: ZSourceKindSchema.nullable(),
  /**
   * The source is a description ("the company", "officials", "analysts"), not a name: the writer
   * links it to a registry source only if an analyst registered that description, and creates none.
   */
  sourceIsDescription: z.boolean().optional(),
  quoteType: ZQuoteTypeSchema,
  reportingStanceGuess: ZReportingStanceSchema,
  /** Index into the same article's suggestions of the claim this one is nested in. */
  parentIndex: z.number().int().nonnegative().nullable(),
  /** `rule:<name>@<version>`. */
  origin: z.string().regex(/^rule:[a-z0-9_-]+@\d+$/),
  score: z.number().min(0).max(1),
});
export type TSuggestedClaim = z.infer<typeof ZSuggestedClaimSchema>;

export const ZSentenceSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type TSentence = z.infer<typeof ZSentenceSchema>;

export const ZProcessedArticleSchema = z.object({
  title: z.string().nullable(),
  byline: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  /** The record's id in its source corpus (Reuters NEWID, BBC "business/001"): with `url`, what
   * recognises a later, changed version of the same document. */
  externalId: z.string().nullish(),
  /** Where `externalId` is unique: the corpus file's name without extensions ("reuters-21578",
   * "competition_test_bodies"). Ids of different corpora collide ("1"), so a version is only
   * recognised by its id within the same collection. */
  collection: z.string().nullish(),
  language: z.string().nullable(),
  /** Cleaned body: the snapshot every offset refers to. */
  text: z.string().min(1),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** `name@version` of the extractor that produced `text`. */
  extractor: z.string(),
  sentences: z.array(ZSentenceSchema),
  claims: z.array(ZSuggestedClaimSchema),
});
export type TProcessedArticle = z.infer<typeof ZProcessedArticleSchema>;
