/** annotation.upsert: the calling analyst's judgement of one claim. */
import { upsertAnnotation } from "@claimdesk/db";
import { ZAnnotationUpsertInputSchema } from "@claimdesk/types";
import { analystProcedure, router } from "../trpc";

export const annotationRouter = router({
  upsert: analystProcedure
    .input(ZAnnotationUpsertInputSchema)
    .mutation(({ ctx, input }) => upsertAnnotation(ctx.db, { ...input, analystId: ctx.analystId })),
});
