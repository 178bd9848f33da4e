/**
 * A selection of claims across the corpus: the claims table's filters, shared by its URL, the
 * API and the exporters so that "export this view" exports exactly what the table shows.
 */
import { z } from "zod";
import {
  ZClaimStatusSchema,
  ZLikelihoodSchema,
  ZSourceKindSchema,
  ZSourceStanceSchema,
} from "./enums";

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Use an ISO date such as 2024-02-06");

export const ZClaimFilterSchema = z.object({
  /** Full-text search over claim content, source mention and cue (FTS5). */
  query: z.string().trim().max(500).optional(),
  status: z.array(ZClaimStatusSchema).optional(),
  sourceId: z.array(z.number().int().positive()).optional(),
  sourceKind: z.array(ZSourceKindSchema).optional(),
  /** Matches claims that any analyst annotated with one of these stances. */
  sourceStance: z.array(ZSourceStanceSchema).optional(),
  likelihood: z.array(ZLikelihoodSchema).optional(),
  propositionId: z.array(z.number().int().positive()).optional(),
  articleId: z.array(z.number().int().positive()).optional(),
  publisher: z.array(z.string().trim().min(1)).optional(),
  /** Article publication date range, inclusive, ISO 8601. */
  dateFrom: ZIsoDate.optional(),
  dateTo: ZIsoDate.optional(),
  tag: z.array(z.string().trim().min(1)).optional(),
});
export type TClaimFilter = z.infer<typeof ZClaimFilterSchema>;

export const CLAIM_SORT_FIELDS = [
  "id",
  "article",
  "source",
  "status",
  "publishedAt",
  "updatedAt",
] as const;
export const ZClaimSortSchema = z.object({
  field: z.enum(CLAIM_SORT_FIELDS).default("id"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type TClaimSort = z.infer<typeof ZClaimSortSchema>;
