/** users.*: admin-only administration (create, role, disable, revoke) and each user's own account. */
import { createAuth } from "@claimdesk/auth";
import { annotations, auditEvents, claims, getUser, InvalidInputError } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import type { TUserRole } from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "../index";
import { expectTRPCError, setupApi } from "../testing";
import { createContextInner } from "../trpc";

const BASE = "http://localhost:3000";
const PASSWORD = "a long enough password";

let api: ReturnType<typeof setupApi>;
let admin: ReturnType<ReturnType<typeof setupApi>["callerAs"]>;
beforeEach(() => {
  api = setupApi();
  admin = api.callerAs("admin", "Ada Admin");
});
afterEach(() => api.db.$client.close());

function auth() {
  return createAuth(api.db, { baseURL: BASE, secret: "s".repeat(40) });
}

/** Signs in through better-auth's real endpoint; returns the status and the session cookie. */
async function signIn(email: string, password = PASSWORD) {
  const res = await auth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "10.2.2.2" },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { status: res.status, cookie };
}

async function sessionUserId(cookie: string): Promise<number | null> {
  const session = await auth().api.getSession({ headers: new Headers({ cookie }) });
  return session ? Number(session.user.id) : null;
}

/** An account created by the admin, with a caller signed in as it. */
async function createAccount(name: string, role: TUserRole) {
  const email = `${name.toLowerCase()}@example.org`;
  const user = await admin.caller.users.create({ name, email, role, password: PASSWORD });
  return {
    user,
    caller: createCaller(createContextInner({ db: api.db, user: { id: user.id, name, role } })),
  };
}

// scrypt hashing is deliberately slow; on a loaded 2-core machine a test can take seconds.
describe("users: who may call what", { timeout: 30_000 }, () => {
  it("administration is admin-only: UNAUTHORIZED signed out, FORBIDDEN below admin", async () => {
    const target = api.analystId;
    const calls = (c: typeof api.caller) => [
      c.users.list(),
      c.users.create({ name: "X", email: "x@example.org", role: "admin", password: PASSWORD }),
      c.users.update({ id: target, role: "admin" }),
      c.users.revokeSessions({ userId: target }),
    ];
    for (const call of calls(api.anonymous)) await expectTRPCError(call, "UNAUTHORIZED");
    for (const role of ["viewer", "analyst", "adjudicator"] as const)
      for (const call of calls(api.callerAs(role).caller)) await expectTRPCError(call, "FORBIDDEN");
    expect(getUser(api.db, target).role).toBe("analyst");
    expect((await admin.caller.users.list()).map((u) => u.email)).not.toContain("x@example.org");
  });

  it("me and signOutEverywhere need a session, any role", async () => {
    await expectTRPCError(api.anonymous.users.me(), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.users.signOutEverywhere(), "UNAUTHORIZED");
    const viewer = api.callerAs("viewer", "Vic Viewer");
    expect(await viewer.caller.users.me()).toMatchObject({
      id: viewer.user.id,
      name: "Vic Viewer",
      email: "vic.viewer@example.test",
      role: "viewer",
      disabled: false,
    });
    expect(await viewer.caller.users.signOutEverywhere()).toEqual({ revoked: 0 });
  });
});

describe("users.create and users.list", { timeout: 30_000 }, () => {
  it("creates an account that signs in with its password; listed with its role, audited", async () => {
    const { user } = await createAccount("Ben", "adjudicator");
    expect(user).toMatchObject({ name: "Ben", email: "ben@example.org", role: "adjudicator" });
    expect(await admin.caller.users.list()).toContainEqual(
      expect.objectContaining({ id: user.id, email: "ben@example.org", role: "adjudicator" }),
    );
    const { status, cookie } = await signIn("BEN@example.org");
    expect(status).toBe(200);
    expect(await sessionUserId(cookie)).toBe(user.id);
    const audit = api.db.select().from(auditEvents).all();
    expect(audit).toContainEqual(
      expect.objectContaining({
        entity: "user",
        entityId: user.id,
        action: "create",
        actorId: admin.user.id,
      }),
    );
  });

  it("a too-short password is a field error on `password`; a taken email one on `email`", async () => {
    const short = await expectTRPCError(
      admin.caller.users.create({
        name: "C",
        email: "c@example.org",
        role: "viewer",
        password: "short",
      }),
      "BAD_REQUEST",
    );
    expect(short.cause).toBeInstanceOf(InvalidInputError);
    expect((short.cause as InvalidInputError).field).toBe("password");
    await createAccount("Dup", "viewer");
    const taken = await expectTRPCError(
      admin.caller.users.create({
        name: "Dup 2",
        email: "DUP@example.org",
        role: "viewer",
        password: PASSWORD,
      }),
      "BAD_REQUEST",
    );
    expect((taken.cause as InvalidInputError).field).toBe("email");
    const emails = (await admin.caller.users.list()).map((u) => u.email);
    expect(emails.filter((e) => e === "dup@example.org")).toHaveLength(1);
    expect(emails).not.toContain("c@example.org");
  });
});

describe("users.update", { timeout: 30_000 }, () => {
  it("changes the role and the name", async () => {
    const { user } = await createAccount("Ben", "analyst");
    expect(await admin.caller.users.update({ id: user.id, role: "viewer" })).toMatchObject({
      role: "viewer",
    });
    expect(await admin.caller.users.update({ id: user.id, name: " Ben B. " })).toMatchObject({
      name: "Ben B.",
      role: "viewer",
    });
    expect(getUser(api.db, user.id)).toMatchObject({ name: "Ben B.", role: "viewer" });
  });

  it("disabling revokes the sessions and blocks sign-in but keeps the user's annotations", async () => {
    const ben = await createAccount("Ben", "analyst");
    const text = "Tehran says it has funded allies.";
    const article = insertTestArticle(api.db, { text });
    const claim = await ben.caller.claim.create({
      articleId: article.id,
      content: spanOf(text, "funded allies"),
    });
    await ben.caller.annotation.upsert({ claimId: claim.id, values: { likelihood: "likely" } });
    const { cookie } = await signIn("ben@example.org");
    expect(await sessionUserId(cookie)).toBe(ben.user.id);

    expect(await admin.caller.users.update({ id: ben.user.id, disabled: true })).toMatchObject({
      disabled: true,
    });
    expect(await sessionUserId(cookie)).toBeNull();
    expect((await signIn("ben@example.org")).status).toBe(403);
    expect(
      api.db
        .select()
        .from(annotations)
        .all()
        .filter((a) => a.analystId === ben.user.id),
    ).toEqual([expect.objectContaining({ claimId: claim.id, likelihood: "likely" })]);
    expect(
      api.db
        .select()
        .from(claims)
        .all()
        .map((c) => c.id),
    ).toContain(claim.id);
    expect(await admin.caller.users.list()).toContainEqual(
      expect.objectContaining({ id: ben.user.id, disabled: true }),
    );

    await admin.caller.users.update({ id: ben.user.id, disabled: false });
    expect((await signIn("ben@example.org")).status).toBe(200);
  });

  it("an admin cannot disable or demote themself (field errors), nor is anything changed", async () => {
    const disable = await expectTRPCError(
      admin.caller.users.update({ id: admin.user.id, disabled: true }),
      "BAD_REQUEST",
    );
    expect((disable.cause as InvalidInputError).field).toBe("disabled");
    const demote = await expectTRPCError(
      admin.caller.users.update({ id: admin.user.id, role: "analyst" }),
      "BAD_REQUEST",
    );
    expect((demote.cause as InvalidInputError).field).toBe("role");
    expect(getUser(api.db, admin.user.id)).toMatchObject({ role: "admin", disabled: false });
    // Renaming oneself is fine.
    expect(await admin.caller.users.update({ id: admin.user.id, name: "Ada A." })).toMatchObject({
      name: "Ada A.",
    });
  });

  it("rejects an empty patch and an unknown user", async () => {
    await expectTRPCError(admin.caller.users.update({ id: api.analystId }), "BAD_REQUEST");
    await expectTRPCError(admin.caller.users.update({ id: 9999, role: "viewer" }), "NOT_FOUND");
  });
});

describe("users.revokeSessions and users.signOutEverywhere", { timeout: 30_000 }, () => {
  it("the admin signs one user out everywhere; they can sign in again", async () => {
    const { user } = await createAccount("Ben", "analyst");
    const a = await signIn("ben@example.org");
    const b = await signIn("ben@example.org");
    const other = await createAccount("Cat", "analyst");
    const c = await signIn("cat@example.org");
    expect(await admin.caller.users.revokeSessions({ userId: user.id })).toEqual({ revoked: 2 });
    expect(await sessionUserId(a.cookie)).toBeNull();
    expect(await sessionUserId(b.cookie)).toBeNull();
    expect(await sessionUserId(c.cookie)).toBe(other.user.id);
    expect(getUser(api.db, user.id).disabled).toBe(false);
    expect((await signIn("ben@example.org")).status).toBe(200);
    await expectTRPCError(admin.caller.users.revokeSessions({ userId: 9999 }), "NOT_FOUND");
  });

  it("signOutEverywhere ends every session of the caller and no one else's", async () => {
    const ben = await createAccount("Ben", "viewer");
    const a = await signIn("ben@example.org");
    const b = await signIn("ben@example.org");
    await createAccount("Cat", "analyst");
    const c = await signIn("cat@example.org");
    expect(await ben.caller.users.signOutEverywhere()).toEqual({ revoked: 2 });
    expect(await sessionUserId(a.cookie)).toBeNull();
    expect(await sessionUserId(b.cookie)).toBeNull();
    expect(await sessionUserId(c.cookie)).not.toBeNull();
  });
});
