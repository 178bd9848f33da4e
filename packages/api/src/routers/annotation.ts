/**
 * annotation.*: the calling analyst's judgement of one claim (upsert), submitting it (which lifts
 * the blind rule for that analyst on that claim), and the annotations of a claim the caller may see.
 */
import { listAnnotationsForClaim, submitAnnotation, upsertAnnotation } from "@claimdesk/db";
import {
  ZAnnotationForClaimInputSchema,
  ZAnnotationSubmitInputSchema,
  ZAnnotationUpsertInputSchema,
} from "@claimdesk/types";
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const annotationRouter = router({
  upsert: analystProcedure
    .input(ZAnnotationUpsertInputSchema)
    .mutation(({ ctx, input }) => upsertAnnotation(ctx.db, { ...input, analystId: ctx.analystId })),
  /** Marks the caller's annotation submitted (an empty one is created if there is none). */
  submit: analystProcedure
    .input(ZAnnotationSubmitInputSchema)
    .mutation(({ ctx, input }) =>
      submitAnnotation(ctx.db, { claimId: input.claimId, analystId: ctx.analystId }),
    ),
  /** The caller's own annotation and, unless the blind rule hides them, everyone else's. */
  forClaim: viewerProcedure
    .input(ZAnnotationForClaimInputSchema)
    .query(({ ctx, input }) => listAnnotationsForClaim(ctx.db, input.claimId, ctx.user)),
});
