/** auth.status and auth.setup: the first-run admin, created once, then signed in for real. */
import { createAuth, createUserWithPassword } from "@claimdesk/auth";
import { listUsers, needsFirstAdmin } from "@claimdesk/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, setupApi } from "../testing";

const BASE = "http://localhost:3000";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

const ADA = { name: "Ada Admin", email: " Ada@Example.org ", password: "correct horse battery" };

async function signIn(email: string, password: string) {
  const auth = createAuth(api.db, { baseURL: BASE, secret: "s".repeat(40) });
  return auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "10.1.1.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

// scrypt hashing is deliberately slow; on a loaded 2-core machine a test can take seconds.
describe("auth.status", { timeout: 30_000 }, () => {
  it("asks for setup until an account that can sign in exists, and names the signed-in user", async () => {
    expect(await api.anonymous.auth.status()).toEqual({ needsSetup: true, user: null });
    const viewer = api.callerAs("viewer", "Vic Viewer");
    expect(await viewer.caller.auth.status()).toEqual({
      needsSetup: true,
      user: { id: viewer.user.id, name: "Vic Viewer", role: "viewer" },
    });
    await createUserWithPassword(
      api.db,
      {
        name: "Cli Admin",
        email: "cli@example.org",
        password: "from the worker cli",
        role: "admin",
      },
      null,
    );
    expect((await api.anonymous.auth.status()).needsSetup).toBe(false);
  });
});

describe("auth.setup", { timeout: 30_000 }, () => {
  it("creates the first admin once; the admin signs in with that password", async () => {
    const created = await api.anonymous.auth.setup(ADA);
    expect(created).toMatchObject({
      name: "Ada Admin",
      email: "ada@example.org",
      role: "admin",
      disabled: false,
    });
    expect(needsFirstAdmin(api.db)).toBe(false);
    expect((await signIn("ada@example.org", ADA.password)).status).toBe(200);
    expect((await signIn("ada@example.org", "not the password")).status).toBe(401);
  });

  it("is refused once any account exists, whoever asks and whatever the password", async () => {
    await api.anonymous.auth.setup(ADA);
    const before = listUsers(api.db).length;
    await expectTRPCError(
      api.anonymous.auth.setup({
        name: "Eve",
        email: "eve@example.org",
        password: "eve's password!",
      }),
      "FORBIDDEN",
    );
    // A short password does not turn the refusal into a validation error that invites retrying.
    await expectTRPCError(
      api.caller.auth.setup({ name: "Eve", email: "eve@example.org", password: "short" }),
      "FORBIDDEN",
    );
    expect(listUsers(api.db)).toHaveLength(before);
    expect(listUsers(api.db).map((u) => u.email)).not.toContain("eve@example.org");
  });

  it("is refused after the worker CLI created an account", async () => {
    await createUserWithPassword(
      api.db,
      { name: "Cli", email: "cli@example.org", password: "from the worker cli", role: "analyst" },
      null,
    );
    await expectTRPCError(api.anonymous.auth.setup(ADA), "FORBIDDEN");
  });

  it("reports a too-short password as a field error on `password` and creates nothing", async () => {
    const error = await expectFieldError(
      api.http.mutation("auth.setup", { ...ADA, password: "short" }),
      "password",
    );
    expect(error.error.data.zodError?.fieldErrors.password?.[0]).toMatch(/at least 10 characters/);
    expect(needsFirstAdmin(api.db)).toBe(true);
  });

  it("reports an invalid email and an empty name as field errors", async () => {
    await expectFieldError(api.http.mutation("auth.setup", { ...ADA, email: "ada" }), "email");
    await expectFieldError(api.http.mutation("auth.setup", { ...ADA, name: "  " }), "name");
    expect(needsFirstAdmin(api.db)).toBe(true);
  });
});
