/** proposition.list / byId / create (+ tag.list beside it): the vocabularies a claim links to;
 * claim counts and tags as the caller may see them (layer-view.ts). */
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
    .query(({ ctx, input }) => listPropositions(ctx.db, input, ctx.user)),
  byId: viewerProcedure
    .input(ZPropositionByIdInputSchema)
    .query(({ ctx, input }) => getProposition(ctx.db, input.id, ctx.user)),
  create: analystProcedure
    .input(ZPropositionCreateInputSchema)
    .mutation(({ ctx, input }) => createProposition(ctx.db, input, ctx.analystId)),
});

export const tagRouter = router({
  list: viewerProcedure
    .input(ZTagListInputSchema)
    .query(({ ctx, input }) => listTags(ctx.db, input, ctx.user)),
});
