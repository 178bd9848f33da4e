/** article.list (newest first or full-text search) and article.byId (with its claims). */
import { getArticleWithClaims, listArticles } from "@claimdesk/db";
import { ZArticleListInputSchema, ZByIdInputSchema } from "@claimdesk/types";
import { router, viewerProcedure } from "../trpc";

export const articleRouter = router({
  list: viewerProcedure
    .input(ZArticleListInputSchema)
    .query(({ ctx, input }) => listArticles(ctx.db, input)),
  byId: viewerProcedure
    .input(ZByIdInputSchema)
    .query(({ ctx, input }) => getArticleWithClaims(ctx.db, input.id, ctx.analystId)),
});
