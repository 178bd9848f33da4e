/** UI types derived from the router, never hand-written twins. */
import type { AppRouter } from "@claimdesk/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type ArticleListItem = RouterOutputs["article"]["list"]["items"][number];
export type ArticleDetail = RouterOutputs["article"]["byId"];
export type Article = ArticleDetail["article"];
export type ClaimDetail = ArticleDetail["claims"][number];
export type Annotation = NonNullable<ClaimDetail["annotation"]>;
export type Source = RouterOutputs["source"]["list"]["items"][number];
