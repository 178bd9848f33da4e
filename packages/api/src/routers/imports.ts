/**
 * imports.list (jobs newest first, with counts) and imports.byId (a job and a page of its failed
 * records). Files are named as they were uploaded or given, never by where the server keeps them
 * (publicImportJob); the worker's own output keeps full paths.
 */
import {
  getImportJobDetail,
  listImportJobs,
  publicImportJob,
  publicImportJobDetail,
} from "@claimdesk/db";
import { ZImportByIdInputSchema, ZImportListInputSchema } from "@claimdesk/types";
import { router, viewerProcedure } from "../trpc";

export const importsRouter = router({
  list: viewerProcedure.input(ZImportListInputSchema).query(({ ctx, input }) => {
    const { items, total } = listImportJobs(ctx.db, input);
    return { items: items.map(publicImportJob), total };
  }),
  byId: viewerProcedure
    .input(ZImportByIdInputSchema)
    .query(({ ctx, input }) => publicImportJobDetail(getImportJobDetail(ctx.db, input))),
});
