/** The app's router: every procedure the web UI calls (see docs/api-contract.md). */
import { annotationRouter } from "./routers/annotation";
import { articleRouter } from "./routers/article";
import { claimRouter } from "./routers/claim";
import { sourceRouter } from "./routers/source";
import { router } from "./trpc";

export const appRouter = router({
  article: articleRouter,
  claim: claimRouter,
  source: sourceRouter,
  annotation: annotationRouter,
});

export type AppRouter = typeof appRouter;
