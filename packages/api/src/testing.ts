/**
 * Test harness for the routers: a fresh migrated database, an in-process caller signed in as an
 * analyst (or any role), and an HTTP call through the fetch adapter to see errors exactly as the UI does.
 */
import type { Db } from "@claimdesk/db";
import { createTestDb, insertTestUser } from "@claimdesk/db/testing";
import type { TUserRole } from "@claimdesk/types";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { expect } from "vitest";
import { createCaller } from "./index";
import { appRouter } from "./root";
import { createContextInner, type SessionUser } from "./trpc";

export function setupApi() {
  const db = createTestDb();
  const analyst = insertTestUser(db, { name: "Ana Analyst", role: "analyst" });
  const caller = createCaller(createContextInner({ db, user: analyst }));
  let made = 0;
  /** A caller signed in as a new user with `role` (named after it unless `name` is given). */
  const callerAs = (role: TUserRole, name = `${role} ${++made}`) => {
    const user = insertTestUser(db, { name, role });
    return { user, caller: createCaller(createContextInner({ db, user })) };
  };
  const anonymous = createCaller(createContextInner({ db, user: null }));
  return { db, analystId: analyst.id, caller, callerAs, anonymous, http: httpClient(db, analyst) };
}

/** What the HTTP adapter sends back for a failed call (JSON, after the error formatter). */
export interface HttpErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      path: string;
      zodError: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
      current: { entity: string; record: Record<string, unknown> | null } | null;
    };
  };
}

function httpClient(db: Db, user: SessionUser) {
  const call = async (path: string, input: unknown, method: "GET" | "POST") => {
    const base = `http://localhost/api/trpc/${path}`;
    const req =
      method === "GET"
        ? new Request(`${base}?input=${encodeURIComponent(JSON.stringify(input))}`)
        : new Request(base, {
            method,
            body: JSON.stringify(input),
            headers: { "content-type": "application/json" },
          });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => createContextInner({ db, user }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return {
    query: (path: string, input: unknown) => call(path, input, "GET"),
    mutation: (path: string, input: unknown) => call(path, input, "POST"),
  };
}

/** Awaits a call expected to fail with `code`; returns the TRPCError. */
export async function expectTRPCError(call: Promise<unknown>, code: TRPCError["code"]) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** Sends invalid input over HTTP and checks the BAD_REQUEST names `field` in data.zodError. */
export async function expectFieldError(
  result: Promise<{ status: number; body: unknown }>,
  field: string,
): Promise<HttpErrorBody> {
  const { status, body } = await result;
  expect(status).toBe(400);
  const error = body as HttpErrorBody;
  expect(error.error.data.code).toBe("BAD_REQUEST");
  expect(Object.keys(error.error.data.zodError?.fieldErrors ?? {})).toContain(field);
  return error;
}
