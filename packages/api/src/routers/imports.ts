/** imports.list (jobs newest first, with counts) and imports.byId (a job and a page of its failed records). */
import { getImportJobDetail, listImportJobs } from "@claimdesk/db";
import { ZImportByIdInputSchema, ZImportListInputSchema } from "@claimdesk/types";
import { router, viewerProcedure } from "../trpc";

export const importsRouter = router({
  list: viewerProcedure
    .input(ZImportListInputSchema)
    .query(({ ctx, input }) => listImportJobs(ctx.db, input)),
  byId: viewerProcedure
    .input(ZImportByIdInputSchema)
    .query(({ ctx, input }) => getImportJobDetail(ctx.db, input)),
});
