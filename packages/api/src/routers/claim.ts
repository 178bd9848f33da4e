/** claim.create / update / delete: analysts' edits, with optimistic concurrency on `version`. */
import { createClaim, deleteClaim, updateClaim } from "@claimdesk/db";
import {
  ZClaimCreateInputSchema,
  ZClaimDeleteInputSchema,
  ZClaimUpdateInputSchema,
} from "@claimdesk/types";
import { publicProcedure, router } from "../trpc";

export const claimRouter = router({
  create: publicProcedure
    .input(ZClaimCreateInputSchema)
    .mutation(({ ctx, input }) => createClaim(ctx.db, input, ctx.analystId)),
  update: publicProcedure
    .input(ZClaimUpdateInputSchema)
    .mutation(({ ctx, input }) => updateClaim(ctx.db, input, ctx.analystId)),
  delete: publicProcedure
    .input(ZClaimDeleteInputSchema)
    .mutation(({ ctx, input }) => deleteClaim(ctx.db, input, ctx.analystId)),
});
