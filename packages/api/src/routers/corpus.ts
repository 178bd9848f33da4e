/** corpus.*: the corpus-wide views — claims table, bulk edits, facets, dashboard, propositions,
 * the source registry and source merges. Each procedure is one input schema + one query call. */
import {
  bulkUpdateClaims,
  type ClaimFilterScope,
  claimFacets,
  corpusStats,
  countClaimTable,
  getPropositionOverview,
  isBlindRole,
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
import { analystProcedure, router, type SessionUser, viewerProcedure } from "../trpc";

/** The blind rule for the annotation facets: an analyst filters on what they may see. */
const blindScope = (user: SessionUser): ClaimFilterScope =>
  isBlindRole(user.role) ? { blindAnalystId: user.id } : {};

export const corpusRouter = router({
  claims: viewerProcedure
    .input(ZCorpusClaimsInputSchema)
    .query(({ ctx, input }) => listClaimTable(ctx.db, input, ctx.analystId, blindScope(ctx.user))),
  count: viewerProcedure
    .input(ZCorpusCountInputSchema)
    .query(({ ctx, input }) => countClaimTable(ctx.db, input, blindScope(ctx.user))),
  bulkUpdate: analystProcedure
    .input(ZBulkUpdateInputSchema)
    .mutation(({ ctx, input }) => bulkUpdateClaims(ctx.db, input, ctx.analystId)),
  facets: viewerProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => claimFacets(ctx.db, blindScope(ctx.user))),
  stats: viewerProcedure.input(z.object({}).optional()).query(({ ctx }) => corpusStats(ctx.db)),
  propositions: viewerProcedure
    .input(ZCorpusPropositionsInputSchema)
    .query(({ ctx, input }) => listPropositionsWithCounts(ctx.db, input)),
  proposition: viewerProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => getPropositionOverview(ctx.db, input.id, blindScope(ctx.user))),
  sources: viewerProcedure
    .input(ZSourceRegistryInputSchema)
    .query(({ ctx, input }) => listSourceRegistry(ctx.db, input)),
  mergeSources: analystProcedure
    .input(ZMergeSourcesInputSchema)
    .mutation(({ ctx, input }) => mergeSources(ctx.db, input, ctx.analystId)),
});
