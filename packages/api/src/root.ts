/** The app's router: every procedure the web UI calls (see docs/api-contract.md). */
import { annotationRouter } from "./routers/annotation";
import { articleRouter } from "./routers/article";
import { claimRouter } from "./routers/claim";
import { corpusRouter } from "./routers/corpus";
import { importsRouter } from "./routers/imports";
import { propositionRouter, tagRouter } from "./routers/proposition";
import { queueRouter } from "./routers/queue";
import { sourceRouter } from "./routers/source";
import { router } from "./trpc";

export const appRouter = router({
  article: articleRouter,
  claim: claimRouter,
  source: sourceRouter,
  annotation: annotationRouter,
  proposition: propositionRouter,
  tag: tagRouter,
  queue: queueRouter,
  imports: importsRouter,
  corpus: corpusRouter,
});

export type AppRouter = typeof appRouter;
