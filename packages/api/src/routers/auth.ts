/** auth.status and auth.setup: who is signed in, and the first-run admin (issue #6). */
import { createUserWithPassword, WeakPasswordError } from "@claimdesk/auth";
import { ForbiddenError, InvalidInputError, needsFirstAdmin } from "@claimdesk/db";
import { ZAuthSetupInputSchema } from "@claimdesk/types";
import { publicProcedure, router } from "../trpc";

/** A too-short password becomes a field error on `password`, like a validation error. */
export function asPasswordFieldError(error: unknown): unknown {
  return error instanceof WeakPasswordError
    ? new InvalidInputError("password", error.message)
    : error;
}

export const authRouter = router({
  /** Whether the first admin still has to be created, and the signed-in user (or null). */
  status: publicProcedure.query(({ ctx }) => ({
    needsSetup: needsFirstAdmin(ctx.db),
    user: ctx.user,
  })),
  /** Creates the first admin; refused (FORBIDDEN) once any account that can sign in exists.
   * The browser then signs in through better-auth with the same email and password. */
  setup: publicProcedure.input(ZAuthSetupInputSchema).mutation(async ({ ctx, input }) => {
    // Checked before the password, so a late visitor learns "already set up", not "too short".
    if (!needsFirstAdmin(ctx.db))
      throw new ForbiddenError("The first admin account already exists; sign in instead.");
    try {
      return await createUserWithPassword(ctx.db, { ...input, role: "admin" }, null, {
        onlyIfFirst: true,
      });
    } catch (error) {
      throw asPasswordFieldError(error);
    }
  }),
});
