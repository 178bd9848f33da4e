/** proposition.list / byId / create (+ tag.list beside it): the vocabularies a claim links to. */
import { createProposition, getProposition, listPropositions, listTags } from "@claimdesk/db";
import {
  ZPropositionByIdInputSchema,
  ZPropositionCreateInputSchema,
  ZPropositionListInputSchema,
  ZTagListInputSchema,
} from "@claimdesk/types";
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const propositionRouter = router({
  list: viewerProcedure
    .input(ZPropositionListInputSchema)
    .query(({ ctx, input }) => listPropositions(ctx.db, input)),
  byId: viewerProcedure
    .input(ZPropositionByIdInputSchema)
    .query(({ ctx, input }) => getProposition(ctx.db, input.id)),
  create: analystProcedure
    .input(ZPropositionCreateInputSchema)
    .mutation(({ ctx, input }) => createProposition(ctx.db, input, ctx.analystId)),
});

export const tagRouter = router({
  list: viewerProcedure
    .input(ZTagListInputSchema)
    .query(({ ctx, input }) => listTags(ctx.db, input, ctx.user)),
});
