/** queue.summary / queue.next: what still needs the calling analyst's attention, article by article. */
import { nextInQueue, reviewQueueSummary } from "@claimdesk/db";
import { ZQueueNextInputSchema } from "@claimdesk/types";
import { analystProcedure, router } from "../trpc";

export const queueRouter = router({
  summary: analystProcedure.query(({ ctx }) => reviewQueueSummary(ctx.db, ctx.analystId)),
  next: analystProcedure
    .input(ZQueueNextInputSchema)
    .query(({ ctx, input }) => nextInQueue(ctx.db, { analystId: ctx.analystId, ...input })),
});
