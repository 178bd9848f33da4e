/**
 * adjudication.*: the queue of claims the analysts disagree on and the adjudicator's decision.
 * Reading the queue shows every analyst's submitted values, so it is for adjudicators (as is
 * deciding); the decision on one claim is readable by anyone signed in (exports carry it too).
 */
import { adjudicate, adjudicationByClaim, adjudicationQueue } from "@claimdesk/db";
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
    .query(({ ctx, input }) => adjudicationByClaim(ctx.db, input.claimId)),
});
