/**
 * adjudication.*: the queue of claims the analysts disagree on and the adjudicator's decision.
 * Reading the queue shows every analyst's submitted layer, so it is for adjudicators (as is
 * deciding). The decision on one claim is readable by anyone signed in under the blind rule, as
 * in exports: viewers (it is part of gold), and an analyst once they have submitted their layer
 * of the article (the decision reflects the others' work); before that it reads as no decision.
 */
import {
  adjudicate,
  adjudicationByClaim,
  adjudicationQueue,
  canSeeOthersAnnotations,
} from "@claimdesk/db";
import {
  ZAdjudicateInputSchema,
  ZAdjudicationByClaimInputSchema,
  ZAdjudicationQueueInputSchema,
} from "@claimdesk/types";
import { adjudicatorProcedure, router, viewerProcedure } from "../trpc";

export const adjudicationRouter = router({
  queue: adjudicatorProcedure
    .input(ZAdjudicationQueueInputSchema)
    .query(({ ctx, input }) => adjudicationQueue(ctx.db, input)),
  decide: adjudicatorProcedure
    .input(ZAdjudicateInputSchema)
    .mutation(({ ctx, input }) => adjudicate(ctx.db, input, ctx.analystId)),
  byClaim: viewerProcedure
    .input(ZAdjudicationByClaimInputSchema)
    .query(({ ctx, input }) =>
      ctx.user.role === "viewer" || canSeeOthersAnnotations(ctx.db, ctx.user, input.claimId)
        ? adjudicationByClaim(ctx.db, input.claimId)
        : null,
    ),
});
