/** Propositions: normalised statements several claims bear on; inputs of proposition.* and tag.list. */
import { z } from "zod";

/** proposition.list — propositions whose text contains `query` (case-insensitive), most-cited first. */
export const ZPropositionListInputSchema = z.object({
  query: z.string().trim().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TPropositionListInput = z.input<typeof ZPropositionListInputSchema>;

/** proposition.create — the same text (ignoring case and spacing) returns the existing one. */
export const ZPropositionCreateInputSchema = z.object({
  text: z
    .string()
    .trim()
    .min(3, "Write the proposition as a short statement (at least 3 characters)")
    .max(1000),
});
export type TPropositionCreateInput = z.input<typeof ZPropositionCreateInputSchema>;

export const ZPropositionByIdInputSchema = z.object({ id: z.number().int().positive() });
export type TPropositionByIdInput = z.infer<typeof ZPropositionByIdInputSchema>;

/** tag.list — tags already used in annotations, for autocomplete; most-used first. */
export const ZTagListInputSchema = z.object({
  query: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(10),
});
export type TTagListInput = z.input<typeof ZTagListInputSchema>;
