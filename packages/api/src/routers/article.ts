/**
 * article.list (newest first or full-text search), article.byId (with its claims as the caller's
 * view has them: their own layer, or gold for viewers), article.layers (every layer the caller
 * may see, side by side) and article.submit (the caller's layer of the article, final).
 */
import { articleLayers, getArticleWithClaims, listArticles, submitArticle } from "@claimdesk/db";
import { ZArticleListInputSchema, ZByIdInputSchema } from "@claimdesk/types";
import { analystProcedure, router, viewerProcedure } from "../trpc";

export const articleRouter = router({
  list: viewerProcedure
    .input(ZArticleListInputSchema)
    .query(({ ctx, input }) => listArticles(ctx.db, input, ctx.user)),
  byId: viewerProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => getArticleWithClaims(ctx.db, input.id, ctx.user)),
  layers: viewerProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => articleLayers(ctx.db, input.id, ctx.user)),
  submit: analystProcedure
    .input(ZByIdInputSchema)
    .mutation(({ ctx, input }) =>
      submitArticle(ctx.db, { articleId: input.id, analystId: ctx.analystId }),
    ),
});
