/** annotation.upsert: the calling analyst's judgement of one claim. */
import { upsertAnnotation } from "@claimdesk/db";
import { ZAnnotationUpsertInputSchema } from "@claimdesk/types";
import { publicProcedure, router } from "../trpc";

export const annotationRouter = router({
  upsert: publicProcedure
    .input(ZAnnotationUpsertInputSchema)
    .mutation(({ ctx, input }) => upsertAnnotation(ctx.db, { ...input, analystId: ctx.analystId })),
});
