/**
 * Inputs of the source registry's editing procedures (`source.*`): edit a source, merge several
 * into one, undo a merge, and the registry's proposed merges. The length limits are exported so
 * that forms carry the same `maxLength` as the schema checks.
 */
import { z } from "zod";
import { ZReliabilitySchema, ZSourceAffiliationSchema, ZSourceKindSchema } from "./enums";

/** Longest source name or alias (characters, after trimming). */
export const SOURCE_NAME_MAX = 300;
/** Most aliases one source may carry. */
export const SOURCE_ALIASES_MAX = 50;
/** Longest registry search text. */
export const SOURCE_QUERY_MAX = 200;
/** Most sources merged into one at once. */
export const SOURCE_MERGE_MAX = 50;

const ZId = z.number().int().positive();

/** A source's name or alias: trimmed, inner whitespace folded, 1 to SOURCE_NAME_MAX characters. */
export const ZSourceNameSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Give the source a name")
      .max(SOURCE_NAME_MAX, `Use at most ${SOURCE_NAME_MAX} characters`),
  );

/** ISO 3166-1 alpha-2, upper case ("IQ"); lower case is accepted and raised. */
export const ZSourceCountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 code such as IQ");

/** source.update — the fields of one source; `version` is the one the editor saw. */
export const ZSourceUpdateInputSchema = z.object({
  id: ZId,
  version: z.number().int().nonnegative(),
  patch: z
    .object({
      name: ZSourceNameSchema,
      aliases: z
        .array(ZSourceNameSchema)
        .max(SOURCE_ALIASES_MAX, `Give at most ${SOURCE_ALIASES_MAX} aliases`),
      kind: ZSourceKindSchema,
      affiliation: ZSourceAffiliationSchema,
      country: ZSourceCountrySchema.nullable(),
      reliability: ZReliabilitySchema,
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, { message: "Nothing to update" }),
});
export type TSourceUpdateInput = z.input<typeof ZSourceUpdateInputSchema>;

/** source.merge — every source of `mergeIds` merges into `keepId` (claims and aliases move). */
export const ZSourcesMergeInputSchema = z
  .object({
    keepId: ZId,
    mergeIds: z
      .array(ZId)
      .min(1, "Select at least one source to merge")
      .max(SOURCE_MERGE_MAX, `Merge at most ${SOURCE_MERGE_MAX} sources at once`),
  })
  .refine((v) => !v.mergeIds.includes(v.keepId), {
    message: "The source kept cannot also be merged away",
    path: ["mergeIds"],
  })
  .refine((v) => new Set(v.mergeIds).size === v.mergeIds.length, {
    message: "A source is listed twice",
    path: ["mergeIds"],
  });
export type TSourcesMergeInput = z.infer<typeof ZSourcesMergeInputSchema>;

/** source.undoMerge — the merged-away source to restore. */
export const ZSourceUndoMergeInputSchema = z.object({ id: ZId });
export type TSourceUndoMergeInput = z.infer<typeof ZSourceUndoMergeInputSchema>;

/** source.mergeProposals — likely duplicates ("Blair" beside "Tony Blair"), most-cited first. */
export const ZSourceMergeProposalsInputSchema = z.object({
  limit: z.number().int().min(1).max(200).default(20),
});
export type TSourceMergeProposalsInput = z.input<typeof ZSourceMergeProposalsInputSchema>;

/** source.recentMerges — merges that can still be undone, newest first. */
export const ZSourceRecentMergesInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(10),
});
export type TSourceRecentMergesInput = z.input<typeof ZSourceRecentMergesInputSchema>;
