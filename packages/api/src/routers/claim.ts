/** claim.create / update / delete: analysts' edits, with optimistic concurrency on `version`. */
import { createClaim, deleteClaim, updateClaim } from "@claimdesk/db";
import {
  ZClaimCreateInputSchema,
  ZClaimDeleteInputSchema,
  ZClaimUpdateInputSchema,
} from "@claimdesk/types";
import { analystProcedure, router } from "../trpc";

export const claimRouter = router({
  create: analystProcedure
    .input(ZClaimCreateInputSchema)
    .mutation(({ ctx, input }) => createClaim(ctx.db, input, ctx.user)),
  update: analystProcedure
    .input(ZClaimUpdateInputSchema)
    .mutation(({ ctx, input }) => updateClaim(ctx.db, input, ctx.user)),
  delete: analystProcedure
    .input(ZClaimDeleteInputSchema)
    .mutation(({ ctx, input }) => deleteClaim(ctx.db, input, ctx.user)),
});
