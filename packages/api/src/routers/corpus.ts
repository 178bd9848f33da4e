/** corpus.*: the corpus-wide views — claims table, bulk edits, facets, dashboard, propositions,
 * the source registry and source merges. Each procedure is one input schema + one query call. */
import {
  bulkUpdateClaims,
  claimFacets,
  corpusStats,
  countClaimTable,
  getPropositionOverview,
  listClaimTable,
  listPropositionsWithCounts,
  listSourceRegistry,
  mergeSources,
} from "@claimdesk/db";
import {
  ZBulkUpdateInputSchema,
  ZByIdInputSchema,
  ZCorpusClaimsInputSchema,
  ZCorpusCountInputSchema,
  ZCorpusPropositionsInputSchema,
  ZMergeSourcesInputSchema,
  ZSourceRegistryInputSchema,
} from "@claimdesk/types";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const corpusRouter = router({
  claims: publicProcedure
    .input(ZCorpusClaimsInputSchema)
    .query(({ ctx, input }) => listClaimTable(ctx.db, input, ctx.analystId)),
  count: publicProcedure
    .input(ZCorpusCountInputSchema)
    .query(({ ctx, input }) => countClaimTable(ctx.db, input)),
  bulkUpdate: publicProcedure
    .input(ZBulkUpdateInputSchema)
    .mutation(({ ctx, input }) => bulkUpdateClaims(ctx.db, input, ctx.analystId)),
  facets: publicProcedure.input(z.object({}).optional()).query(({ ctx }) => claimFacets(ctx.db)),
  stats: publicProcedure.input(z.object({}).optional()).query(({ ctx }) => corpusStats(ctx.db)),
  propositions: publicProcedure
    .input(ZCorpusPropositionsInputSchema)
    .query(({ ctx, input }) => listPropositionsWithCounts(ctx.db, input)),
  proposition: publicProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => getPropositionOverview(ctx.db, input.id)),
  sources: publicProcedure
    .input(ZSourceRegistryInputSchema)
    .query(({ ctx, input }) => listSourceRegistry(ctx.db, input)),
  mergeSources: publicProcedure
    .input(ZMergeSourcesInputSchema)
    .mutation(({ ctx, input }) => mergeSources(ctx.db, input, ctx.analystId)),
});
