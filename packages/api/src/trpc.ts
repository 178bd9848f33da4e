/**
 * tRPC setup: the context (database + acting analyst), the error formatter the UI reads field
 * errors and conflicts from, and the procedure helpers every router uses.
 */
import {
  type ConflictCurrent,
  ConflictError,
  type Db,
  ensureLocalAnalyst,
  InvalidInputError,
  NotFoundError,
} from "@claimdesk/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

export interface Context {
  db: Db;
  /** The acting analyst; until accounts exist, the "Local analyst" user. */
  analystId: number;
}

/** The context without transport concerns: used by the HTTP handler, server components and tests. */
export function createContextInner(opts: { db: Db; analystId?: number }): Context {
  return { db: opts.db, analystId: opts.analystId ?? ensureLocalAnalyst(opts.db) };
}

type FlattenedError = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/** Field errors in z.flattenError's shape, from zod or from a check against the data. */
function fieldErrorsOf(cause: unknown): FlattenedError | null {
  if (cause instanceof ZodError) return z.flattenError(cause);
  if (cause instanceof InvalidInputError)
    return { formErrors: [], fieldErrors: { [cause.field]: [cause.message] } };
  return null;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
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
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);
