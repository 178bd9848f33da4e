/** @claimdesk/api: the tRPC router, its context, a server-side caller, and inferred I/O types. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type AppRouter, appRouter } from "./root";
import { createCallerFactory } from "./trpc";

/** Calls procedures in-process: `createCaller(createContextInner({ db })).article.list({})`. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { type Context, createContextInner, hasRole, type SessionUser } from "./trpc";
export { type AppRouter, appRouter };
