/** Inputs of the corpus-wide procedures (`corpus.*`): the claims table, bulk edits, the source
 * registry and merges, propositions and the dashboard. */
import { z } from "zod";
import { ZClaimFilterSchema, ZClaimSortSchema } from "./claim-filter";
import { ZSourceKindSchema } from "./enums";
import { SOURCE_QUERY_MAX } from "./sources";

const ZId = z.number().int().positive();

/** corpus.claims — one page of the claims table: a filter, a sort and an offset cursor. */
export const ZCorpusClaimsInputSchema = z.object({
  filter: ZClaimFilterSchema.default({}),
  sort: ZClaimSortSchema.default({ field: "id", direction: "desc" }),
  limit: z.number().int().min(1).max(200).default(100),
  /** Rows to skip: the next page's cursor is the previous page's `nextCursor`. */
  cursor: z.number().int().nonnegative().max(1_000_000).default(0),
});
export type TCorpusClaimsInput = z.input<typeof ZCorpusClaimsInputSchema>;

/** corpus.count — how many claims the filter selects, counted up to `cap`. */
export const ZCorpusCountInputSchema = z.object({
  filter: ZClaimFilterSchema.default({}),
  cap: z.number().int().min(1).max(1_000_000).default(10_000),
});
export type TCorpusCountInput = z.input<typeof ZCorpusCountInputSchema>;

export const ZBulkActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accept") }),
  z.object({ type: z.literal("reject") }),
  z.object({ type: z.literal("setProposition"), propositionId: ZId.nullable() }),
]);
export type TBulkAction = z.infer<typeof ZBulkActionSchema>;

/** corpus.bulkUpdate — the selected claims, each with the version the table showed. */
export const ZBulkUpdateInputSchema = z.object({
  claims: z
    .array(z.object({ id: ZId, version: z.number().int().nonnegative() }))
    .min(1, "Select at least one claim")
    .max(500, "Select at most 500 claims at once"),
  action: ZBulkActionSchema,
});
export type TBulkUpdateInput = z.input<typeof ZBulkUpdateInputSchema>;

/** corpus.sources — the registry page: search by name or alias, optionally by kind. */
export const ZSourceRegistryInputSchema = z.object({
  query: z
    .string()
    .trim()
    .max(SOURCE_QUERY_MAX, `Search with at most ${SOURCE_QUERY_MAX} characters`)
    .optional(),
  kind: z.array(ZSourceKindSchema).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().nonnegative().default(0),
});
export type TSourceRegistryInput = z.input<typeof ZSourceRegistryInputSchema>;

/** corpus.mergeSources — `mergeId`'s claims and aliases move to `keepId`. */
export const ZMergeSourcesInputSchema = z
  .object({ keepId: ZId, mergeId: ZId })
  .refine((v) => v.keepId !== v.mergeId, {
    message: "Choose two different sources",
    path: ["mergeId"],
  });
export type TMergeSourcesInput = z.infer<typeof ZMergeSourcesInputSchema>;

/** corpus.propositions — propositions with their claim counts, searchable, paged. */
export const ZCorpusPropositionsInputSchema = z.object({
  query: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().nonnegative().default(0),
});
export type TCorpusPropositionsInput = z.input<typeof ZCorpusPropositionsInputSchema>;
