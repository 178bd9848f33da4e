/** better-auth against the real migrated schema: sign-in, session cookie, rate limit, disabling. */
import { updateUser } from "@claimdesk/db";
import { createTestDb } from "@claimdesk/db/testing";
import { describe, expect, it } from "vitest";
import { accountSignInCap, createAuth, DEFAULT_ACCOUNT_SIGN_IN_LIMIT } from "./auth";
import { createUserWithPassword, WeakPasswordError } from "./create-user";

const BASE = "http://localhost:3000";

async function setup(signInLimit = { window: 60, max: 5 }) {
  const db = createTestDb();
  const auth = createAuth(db, { baseURL: BASE, secret: "x".repeat(40), signInLimit });
  const admin = await createUserWithPassword(
    db,
    {
      name: "Ada Admin",
      email: "Ada@Example.org",
      password: "correct horse battery",
      role: "admin",
    },
    null,
  );
  return { db, auth, admin };
}

function signIn(
  auth: ReturnType<typeof createAuth>,
  email: string,
  password: string,
  ip = "10.0.0.1",
) {
  return auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// scrypt hashing is deliberately slow; on a loaded 2-core CI machine a test can take seconds.
describe("createAuth", { timeout: 30_000 }, () => {
  it("signs in with the hashed password and sets an httpOnly SameSite=Lax session cookie", async () => {
    const { auth, admin } = await setup();
    const res = await signIn(auth, "ada@example.org", "correct horse battery");
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/claimdesk\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(res) }) });
    expect(Number(session?.user.id)).toBe(admin.id);
    expect(session?.user.role).toBe("admin");
  });

  it("refuses a wrong password and a forged cookie", async () => {
    const { auth } = await setup();
    expect((await signIn(auth, "ada@example.org", "wrong password!")).status).toBe(401);
    const forged = await auth.api.getSession({
      headers: new Headers({ cookie: "claimdesk.session_token=forged.token" }),
    });
    expect(forged).toBeNull();
  });

  it("rate-limits sign-in attempts per client", async () => {
    const { auth } = await setup({ window: 60, max: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn(auth, "ada@example.org", "nope nope nope")).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client is not affected.
    expect(
      (await signIn(auth, "ada@example.org", "correct horse battery", "10.0.0.2")).status,
    ).toBe(200);
  });

  it("an attacker failing an account's sign-in from one address does not lock its owner out", async () => {
    // Issue #14: 10 failures per account locked it for 5 minutes, whoever failed. With the default
    // limits and a generous per-IP one, the attacker's address is limited, the owner's is not.
    const db = createTestDb();
    const auth = createAuth(db, {
      baseURL: BASE,
      secret: "x".repeat(40),
      signInLimit: { window: 60, max: 100 },
    });
    await createUserWithPassword(
      db,
      { name: "Ada", email: "ada@example.org", password: "correct horse battery", role: "admin" },
      null,
    );
    const attacker = "10.6.6.6";
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await signIn(auth, "ada@example.org", `guess ${i} guess`, attacker)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    // The attacker is limited now, even with the right password or another spelling of the email.
    const limited = await signIn(auth, "ADA@example.org ", "correct horse battery", attacker);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/Try again in \d+ s/);
    // The owner, from their own address, signs in.
    expect(
      (await signIn(auth, "ada@example.org", "correct horse battery", "10.0.0.7")).status,
    ).toBe(200);
  });

  it("caps an account's attempts from all addresses together (distributed guessing)", async () => {
    const db = createTestDb();
    const auth = createAuth(db, {
      baseURL: BASE,
      secret: "x".repeat(40),
      signInLimit: { window: 60, max: 100 },
      accountSignInLimit: { window: 300, max: 3 },
      accountSignInCap: { window: 900, max: 5 },
    });
    await createUserWithPassword(
      db,
      { name: "Ada", email: "ada@example.org", password: "correct horse battery", role: "admin" },
      null,
    );
    const statuses: number[] = [];
    // A forged X-Forwarded-For per attempt dodges the per-address limit, not the cap.
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await signIn(auth, "ada@example.org", "nope nope nope", `10.1.0.${i}`)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(
      (await signIn(auth, "ADA@example.org", "correct horse battery", "10.9.9.9")).status,
    ).toBe(429);
    // Another account is not affected.
    await createUserWithPassword(
      db,
      { name: "Bo", email: "bo@example.org", password: "bo's long password", role: "viewer" },
      null,
    );
    expect((await signIn(auth, "bo@example.org", "bo's long password", "10.9.9.9")).status).toBe(
      200,
    );
  });

  it("derives the cap from the per-address limit: five addresses' worth, three windows", () => {
    expect(accountSignInCap({ window: 300, max: 10 })).toEqual({ window: 900, max: 50 });
    expect(DEFAULT_ACCOUNT_SIGN_IN_LIMIT).toEqual({ window: 300, max: 10 });
  });

  it("a disabled user cannot sign in and loses every session", async () => {
    const { db, auth, admin } = await setup();
    const bob = await createUserWithPassword(
      db,
      { name: "Bob", email: "bob@example.org", password: "bob's long password", role: "analyst" },
      admin.id,
    );
    const first = await signIn(auth, "bob@example.org", "bob's long password");
    const cookie = cookieOf(first);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
    updateUser(db, bob.id, { disabled: true }, admin.id);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    expect((await signIn(auth, "bob@example.org", "bob's long password")).status).toBe(403);
  });

  it("refuses short passwords and a second first-run admin", async () => {
    const { db } = await setup();
    await expect(
      createUserWithPassword(
        db,
        { name: "X", email: "x@example.org", password: "short", role: "viewer" },
        null,
      ),
    ).rejects.toBeInstanceOf(WeakPasswordError);
    await expect(
      createUserWithPassword(
        db,
        {
          name: "Eve",
          email: "eve@example.org",
          password: "a long enough password",
          role: "admin",
        },
        null,
        { onlyIfFirst: true },
      ),
    ).rejects.toThrow(/already exists/);
  });
});
