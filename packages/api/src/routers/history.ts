/** history.forClaim: a claim's audit history, newest first, under the blind rule. */
import { getClaimHistory } from "@claimdesk/db";
import { ZHistoryForClaimInputSchema } from "@claimdesk/types";
import { router, viewerProcedure } from "../trpc";

export const historyRouter = router({
  forClaim: viewerProcedure
    .input(ZHistoryForClaimInputSchema)
    .query(({ ctx, input }) => getClaimHistory(ctx.db, input.claimId, ctx.user)),
});
