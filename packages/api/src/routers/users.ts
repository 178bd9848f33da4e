/** users.*: the admin's user administration, and every user's own account (issue #6). */
import { createUserWithPassword } from "@claimdesk/auth";
import { getUser, listUsers, revokeSessions, updateUser } from "@claimdesk/db";
import {
  ZUserCreateInputSchema,
  ZUserIdInputSchema,
  ZUserUpdateInputSchema,
} from "@claimdesk/types";
import { adminProcedure, router, viewerProcedure } from "../trpc";
import { asPasswordFieldError } from "./auth";

export const usersRouter = router({
  /** Every account that can sign in, oldest first. */
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure.input(ZUserCreateInputSchema).mutation(async ({ ctx, input }) => {
    try {
      return await createUserWithPassword(ctx.db, input, ctx.analystId);
    } catch (error) {
      throw asPasswordFieldError(error);
    }
  }),
  /** Role, disabled and/or name. Disabling revokes the user's sessions and keeps their work; an
   * admin cannot disable or demote themself (a field error on `disabled` or `role`). */
  update: adminProcedure
    .input(ZUserUpdateInputSchema)
    .mutation(({ ctx, input: { id, ...patch } }) => updateUser(ctx.db, id, patch, ctx.analystId)),
  /** Signs the user out of every browser; they can sign in again. */
  revokeSessions: adminProcedure.input(ZUserIdInputSchema).mutation(({ ctx, input }) => {
    getUser(ctx.db, input.userId); // NOT_FOUND for an unknown id
    return { revoked: revokeSessions(ctx.db, input.userId) };
  }),
  /** The caller's own account. */
  me: viewerProcedure.query(({ ctx }) => getUser(ctx.db, ctx.user.id)),
  /** Signs the caller out of every browser, this one included. */
  signOutEverywhere: viewerProcedure.mutation(({ ctx }) => ({
    revoked: revokeSessions(ctx.db, ctx.user.id),
  })),
});
