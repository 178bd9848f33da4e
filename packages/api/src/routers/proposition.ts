/** proposition.list / byId / create (+ tag.list beside it): the vocabularies a claim links to. */
import { createProposition, getProposition, listPropositions, listTags } from "@claimdesk/db";
import {
  ZPropositionByIdInputSchema,
  ZPropositionCreateInputSchema,
  ZPropositionListInputSchema,
  ZTagListInputSchema,
} from "@claimdesk/types";
import { publicProcedure, router } from "../trpc";

export const propositionRouter = router({
  list: publicProcedure
    .input(ZPropositionListInputSchema)
    .query(({ ctx, input }) => listPropositions(ctx.db, input)),
  byId: publicProcedure
    .input(ZPropositionByIdInputSchema)
    .query(({ ctx, input }) => getProposition(ctx.db, input.id)),
  create: publicProcedure
    .input(ZPropositionCreateInputSchema)
    .mutation(({ ctx, input }) => createProposition(ctx.db, input, ctx.analystId)),
});

export const tagRouter = router({
  list: publicProcedure
    .input(ZTagListInputSchema)
    .query(({ ctx, input }) => listTags(ctx.db, input)),
});
