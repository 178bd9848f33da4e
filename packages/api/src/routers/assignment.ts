/** assignment procedures (issue #6). */
import { router } from "../trpc";

export const assignmentRouter = router({});
