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
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const corpusRouter = router({
  claims: viewerProcedure
    .input(ZCorpusClaimsInputSchema)
    .query(({ ctx, input }) => listClaimTable(ctx.db, input, ctx.user)),
  count: viewerProcedure
    .input(ZCorpusCountInputSchema)
    .query(({ ctx, input }) => countClaimTable(ctx.db, input, ctx.user)),
  bulkUpdate: analystProcedure
    .input(ZBulkUpdateInputSchema)
    .mutation(({ ctx, input }) => bulkUpdateClaims(ctx.db, input, ctx.user)),
  facets: viewerProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => claimFacets(ctx.db, ctx.user)),
  stats: viewerProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => corpusStats(ctx.db, ctx.user)),
  propositions: viewerProcedure
    .input(ZCorpusPropositionsInputSchema)
    .query(({ ctx, input }) => listPropositionsWithCounts(ctx.db, input, ctx.user)),
  proposition: viewerProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => getPropositionOverview(ctx.db, input.id, ctx.user)),
  sources: viewerProcedure
    .input(ZSourceRegistryInputSchema)
    .query(({ ctx, input }) => listSourceRegistry(ctx.db, input)),
  mergeSources: analystProcedure
    .input(ZMergeSourcesInputSchema)
    .mutation(({ ctx, input }) => mergeSources(ctx.db, input, ctx.analystId)),
});
