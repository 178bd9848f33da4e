/** The app's router: every procedure the web UI calls (see docs/api-contract.md). */
import { adjudicationRouter } from "./routers/adjudication";
import { agreementRouter } from "./routers/agreement";
import { annotationRouter } from "./routers/annotation";
import { articleRouter } from "./routers/article";
import { assignmentRouter } from "./routers/assignment";
import { authRouter } from "./routers/auth";
import { claimRouter } from "./routers/claim";
import { corpusRouter } from "./routers/corpus";
import { historyRouter } from "./routers/history";
import { importsRouter } from "./routers/imports";
import { propositionRouter, tagRouter } from "./routers/proposition";
import { queueRouter } from "./routers/queue";
import { sourceRouter } from "./routers/source";
import { usersRouter } from "./routers/users";
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
  auth: authRouter,
  users: usersRouter,
  assignment: assignmentRouter,
  history: historyRouter,
  adjudication: adjudicationRouter,
  agreement: agreementRouter,
});

export type AppRouter = typeof appRouter;
