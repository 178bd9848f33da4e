/** auth procedures (issue #6). */
import { router } from "../trpc";

export const authRouter = router({});
