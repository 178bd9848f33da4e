/** source.list and source.create: the registry of who speaks. */
import { createSource, listSources } from "@claimdesk/db";
import { ZSourceCreateInputSchema, ZSourceListInputSchema } from "@claimdesk/types";
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const sourceRouter = router({
  list: viewerProcedure
    .input(ZSourceListInputSchema)
    .query(({ ctx, input }) => listSources(ctx.db, input)),
  create: analystProcedure
    .input(ZSourceCreateInputSchema)
    .mutation(({ ctx, input }) => createSource(ctx.db, input, ctx.analystId)),
});
