/**
 * tRPC setup: the context (database + acting analyst), the error formatter the UI reads field
 * errors and conflicts from, and the procedure helpers every router uses.
 */
import {
  type ConflictCurrent,
  ConflictError,
  type Db,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from "@claimdesk/db";
import {
  readableIssueMessage,
  readableIssues,
  roleAtLeast,
  type TUserRole,
} from "@claimdesk/types";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

/** The signed-in user, as the session resolved it (disabled users never get here). */
export interface SessionUser {
  id: number;
  name: string;
  role: TUserRole;
}

export interface Context {
  db: Db;
  /** Null when the request carries no valid session. */
  user: SessionUser | null;
}

/** The context without transport concerns: used by the HTTP handler and tests. */
export function createContextInner(opts: { db: Db; user: SessionUser | null }): Context {
  return { db: opts.db, user: opts.user };
}

type FlattenedError = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/**
 * Field errors in z.flattenError's shape (keyed by the input's top-level field), with readable
 * messages; a nested field is also keyed by its dotted path ("patch.name", "aliases.1").
 */
function fieldErrorsOf(cause: unknown): FlattenedError | null {
  if (cause instanceof ZodError) {
    const flat: FlattenedError = z.flattenError(cause, readableIssueMessage);
    for (const issue of cause.issues) {
      if (issue.path.length < 2) continue;
      const key = issue.path.map(String).join(".");
      flat.fieldErrors[key] = [...(flat.fieldErrors[key] ?? []), readableIssueMessage(issue)];
    }
    return flat;
  }
  if (cause instanceof InvalidInputError)
    return { formErrors: [], fieldErrors: { [cause.field]: [cause.message] } };
  return null;
}

/** What each procedure declares about itself: the least role it needs (docs/api-contract.md). */
export interface ProcedureMeta {
  least: "public" | TUserRole;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        // zod's message is its issues as JSON: say them as sentences instead.
        message:
          error.cause instanceof ZodError ? readableIssues(error.cause.issues) : shape.message,
        data: {
          ...shape.data,
          zodError: fieldErrorsOf(error.cause),
          /** On CONFLICT: the record as it is now (claim, annotation or source). */
          current: error.cause instanceof ConflictError ? error.cause.current : null,
        } satisfies { zodError: FlattenedError | null; current: ConflictCurrent | null },
      };
    },
  });

/** Maps the query functions' domain errors to tRPC codes, keeping the original as `cause`. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof NotFoundError)
    throw new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof ConflictError)
    throw new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof InvalidInputError)
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  if (cause instanceof ForbiddenError)
    throw new TRPCError({ code: "FORBIDDEN", message: cause.message, cause });
  return result;
});

/** Each role can do what the roles below it can: viewer < analyst < adjudicator < admin. */
export function hasRole(user: SessionUser, least: TUserRole): boolean {
  return roleAtLeast(user.role, least);
}

/** Signed in with at least `least`: UNAUTHORIZED without a session, FORBIDDEN below the role.
 * Adds `analystId` (the acting user's id) for the query functions. */
function requireRole(least: TUserRole) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    if (!hasRole(ctx.user, least))
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${least} role or higher; you are ${ctx.user.role}.`,
      });
    return next({ ctx: { user: ctx.user, analystId: ctx.user.id } });
  });
}

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
const base = t.procedure.use(domainErrors);
/** No session needed: only the first-run and session-status procedures. */
export const publicProcedure = base.meta({ least: "public" });
/** Read and export. */
export const viewerProcedure = base.use(requireRole("viewer")).meta({ least: "viewer" });
/** Create and annotate claims, sources, propositions; import. */
export const analystProcedure = base.use(requireRole("analyst")).meta({ least: "analyst" });
/** Resolve disagreements between analysts. */
export const adjudicatorProcedure = base
  .use(requireRole("adjudicator"))
  .meta({ least: "adjudicator" });
/** Users, roles and assignments. */
export const adminProcedure = base.use(requireRole("admin")).meta({ least: "admin" });
