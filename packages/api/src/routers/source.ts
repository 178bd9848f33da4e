/** source.list and source.create: the registry of who speaks. */
import { createSource, listSources } from "@claimdesk/db";
import { ZSourceCreateInputSchema, ZSourceListInputSchema } from "@claimdesk/types";
import { publicProcedure, router } from "../trpc";

export const sourceRouter = router({
  list: publicProcedure
    .input(ZSourceListInputSchema)
    .query(({ ctx, input }) => listSources(ctx.db, input)),
  create: publicProcedure
    .input(ZSourceCreateInputSchema)
    .mutation(({ ctx, input }) => createSource(ctx.db, input, ctx.analystId)),
});
