/** source.*: the registry of who speaks — list, create, edit, merge several, undo a merge, and
 * the proposed merges of name variants. */
import {
  createSource,
  listRecentMerges,
  listSourceMergeProposals,
  listSources,
  mergeManySources,
  undoSourceMerge,
  updateSource,
} from "@claimdesk/db";
import {
  ZSourceCreateInputSchema,
  ZSourceListInputSchema,
  ZSourceMergeProposalsInputSchema,
  ZSourceRecentMergesInputSchema,
  ZSourcesMergeInputSchema,
  ZSourceUndoMergeInputSchema,
  ZSourceUpdateInputSchema,
} from "@claimdesk/types";
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const sourceRouter = router({
  list: viewerProcedure
    .input(ZSourceListInputSchema)
    .query(({ ctx, input }) => listSources(ctx.db, input)),
  create: analystProcedure
    .input(ZSourceCreateInputSchema)
    .mutation(({ ctx, input }) => createSource(ctx.db, input, ctx.analystId)),
  update: analystProcedure
    .input(ZSourceUpdateInputSchema)
    .mutation(({ ctx, input }) => updateSource(ctx.db, input, ctx.analystId)),
  merge: analystProcedure
    .input(ZSourcesMergeInputSchema)
    .mutation(({ ctx, input }) => mergeManySources(ctx.db, input, ctx.analystId)),
  undoMerge: analystProcedure
    .input(ZSourceUndoMergeInputSchema)
    .mutation(({ ctx, input }) => undoSourceMerge(ctx.db, input.id, ctx.analystId)),
  recentMerges: viewerProcedure
    .input(ZSourceRecentMergesInputSchema)
    .query(({ ctx, input }) => listRecentMerges(ctx.db, input)),
  mergeProposals: viewerProcedure
    .input(ZSourceMergeProposalsInputSchema)
    .query(({ ctx, input }) => listSourceMergeProposals(ctx.db, input)),
});
