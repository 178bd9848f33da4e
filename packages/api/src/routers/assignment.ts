/** assignment.*: admins deal articles to analysts (with overlap for agreement) and follow their
 * progress; anyone who annotates sees their own sets (`mine`). */
import {
  assignmentSetDetail,
  createAssignmentSet,
  listAssignmentSets,
  listUsers,
  myAssignmentSets,
  previewAssignmentSet,
} from "@claimdesk/db";
import { ZAssignmentSetCreateInputSchema, ZAssignmentSetDetailInputSchema } from "@claimdesk/types";
import { adminProcedure, analystProcedure, router } from "../trpc";

export const assignmentRouter = router({
  /** Who can be given articles: enabled accounts that may annotate (not viewers). */
  candidates: adminProcedure.query(({ ctx }) =>
    listUsers(ctx.db)
      .filter((u) => !u.disabled && u.role !== "viewer")
      .map(({ id, name, email, role }) => ({ id, name, email, role })),
  ),
  /** The deal `create` would make with the same input and seed; writes nothing. A mutation only
   * so that thousands of article ids travel in a POST body rather than the URL. */
  preview: adminProcedure
    .input(ZAssignmentSetCreateInputSchema)
    .mutation(({ ctx, input }) => previewAssignmentSet(ctx.db, input)),
  create: adminProcedure
    .input(ZAssignmentSetCreateInputSchema)
    .mutation(({ ctx, input }) => createAssignmentSet(ctx.db, input, ctx.user.id)),
  list: adminProcedure.query(({ ctx }) => listAssignmentSets(ctx.db)),
  detail: adminProcedure
    .input(ZAssignmentSetDetailInputSchema)
    .query(({ ctx, input }) => assignmentSetDetail(ctx.db, input.id)),
  /** The caller's own sets, with their progress in each. */
  mine: analystProcedure.query(({ ctx }) => myAssignmentSets(ctx.db, ctx.analystId)),
});
