/**
 * adjudication.*: the queue of claims the analysts disagree on and the adjudicator's decision.
 * Reading the queue shows every analyst's submitted values, so it is for adjudicators (as is
 * deciding). The decision on one claim is readable by anyone signed in under the blind rule, as
 * in exports: an analyst sees it only once they have submitted their own annotation of the claim
 * (the decision reflects the others' judgements); before that it reads as no decision.
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
      canSeeOthersAnnotations(ctx.db, ctx.user, input.claimId)
        ? adjudicationByClaim(ctx.db, input.claimId)
        : null,
    ),
});
