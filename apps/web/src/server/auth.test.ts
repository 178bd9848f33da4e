/**
 * The route handlers' guards: isSameOrigin (CSRF) and requireUser (session + role), against a real
 * migrated database and real better-auth sessions signed in through its own endpoint.
 */
import { createUserWithPassword } from "@claimdesk/auth";
import type { Db } from "@claimdesk/db";
import { createTestDb } from "@claimdesk/db/testing";
import type { TUserRole } from "@claimdesk/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appBaseUrl, getSessionUser, isSameOrigin, requireUser } from "./auth";

// "server-only" throws outside React Server Components by design; these tests are the server.
vi.mock("server-only", () => ({}));

const BASE = "http://localhost:3000";
const PASSWORD = "unit-test password 42";
const saved = { url: process.env.CLAIMDESK_URL, db: process.env.CLAIMDESK_DB };
const cache = globalThis as typeof globalThis & { claimdeskDb?: Db; claimdeskAuth?: unknown };
let db: Db;

beforeAll(() => {
  process.env.CLAIMDESK_URL = BASE;
  // The auth secret is random per run for an in-memory database (see loadAuthSecret).
  process.env.CLAIMDESK_DB = ":memory:";
  db = createTestDb();
  cache.claimdeskDb = db;
  cache.claimdeskAuth = undefined;
});

afterAll(() => {
  cache.claimdeskDb = undefined;
  cache.claimdeskAuth = undefined;
  db.$client.close();
  for (const [key, value] of [
    ["CLAIMDESK_URL", saved.url],
    ["CLAIMDESK_DB", saved.db],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function post(headers: Record<string, string>, url = `${BASE}/api/trpc/claim.update`): Request {
  return new Request(url, { method: "POST", headers, body: "{}" });
}

let made = 0;
/** Creates a user with `role` and signs in through better-auth; returns the Cookie header. */
async function signedIn(role: TUserRole): Promise<{ id: number; cookie: string }> {
  const email = `${role}-${++made}@unit.test`;
  const user = await createUserWithPassword(
    db,
    { name: `${role} ${made}`, email, password: PASSWORD, role },
    null,
  );
  const { getAuth } = await import("./auth");
  const res = await getAuth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: BASE,
        // One client per sign-in: the sign-in rate limit is per client address.
        "x-forwarded-for": `10.0.0.${made}`,
      },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  expect(cookie).toMatch(/^claimdesk\.session_token=/);
  return { id: user.id, cookie };
}

/** An environment with only `vars` set (NODE_ENV is required by Next's ProcessEnv type). */
const envWith = (vars: Record<string, string>) =>
  ({ NODE_ENV: "test", ...vars }) as NodeJS.ProcessEnv;

describe("appBaseUrl", () => {
  it("prefers CLAIMDESK_URL, else localhost on PORT, else :3000", () => {
    expect(appBaseUrl(envWith({ CLAIMDESK_URL: "https://claims.example.org" }))).toBe(
      "https://claims.example.org",
    );
    expect(appBaseUrl(envWith({ PORT: "4100" }))).toBe("http://localhost:4100");
    expect(appBaseUrl(envWith({}))).toBe("http://localhost:3000");
  });
});

describe("isSameOrigin", () => {
  it("trusts Sec-Fetch-Site same-origin and none, refuses cross-site and same-site", () => {
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(post({ "sec-fetch-site": "none" }))).toBe(true);
    expect(isSameOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
    // A sibling subdomain is "same-site" but not this app.
    expect(isSameOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("lets Sec-Fetch-Site decide over a matching Origin", () => {
    expect(isSameOrigin(post({ "sec-fetch-site": "cross-site", origin: BASE }))).toBe(false);
  });

  it("without Sec-Fetch-Site, accepts this app's origin (both localhost spellings) only", () => {
    expect(isSameOrigin(post({ origin: BASE }))).toBe(true);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost.evil.example:3000" }))).toBe(false);
    // Sandboxed frames and data: URLs send the literal "null".
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
  });

  it("accepts the origin the request itself was addressed to", () => {
    const req = post({ origin: "http://127.0.0.1:3000" }, "http://127.0.0.1:3000/api/trpc/x");
    expect(isSameOrigin(req)).toBe(true);
    const other = post({ origin: "http://10.0.0.5:3000" }, "http://10.0.0.5:3000/api/trpc/x");
    expect(isSameOrigin(other)).toBe(true);
  });

  it("without Origin, refuses a cross-site Referer and accepts our own", () => {
    expect(isSameOrigin(post({ referer: "https://evil.example/page" }))).toBe(false);
    expect(isSameOrigin(post({ referer: `${BASE}/articles/1` }))).toBe(true);
    expect(isSameOrigin(post({ referer: "not a url" }))).toBe(false);
    // Origin, when present, is what counts.
    expect(isSameOrigin(post({ origin: BASE, referer: "https://evil.example/" }))).toBe(true);
  });

  it("accepts a request with neither header (curl, scripts: no victim's cookie to ride on)", () => {
    expect(isSameOrigin(post({}))).toBe(true);
  });
});

describe("requireUser and getSessionUser", { timeout: 30_000 }, () => {
  it("returns the signed-in user with their role", async () => {
    const { id, cookie } = await signedIn("analyst");
    const result = await requireUser(post({ cookie, origin: BASE }), "analyst");
    expect("user" in result && result.user).toMatchObject({ id, role: "analyst" });
    const viaGet = await requireUser(
      new Request(`${BASE}/api/export`, { headers: { cookie } }),
      "viewer",
    );
    expect("user" in viaGet && viaGet.user.id).toBe(id);
  });

  it("answers 401 without a session and for forged cookies", async () => {
    const { cookie } = await signedIn("admin");
    const [, value = ""] = cookie.split("=");
    const [token = "", signature = ""] = decodeURIComponent(value).split(".");
    const tampered = `claimdesk.session_token=${encodeURIComponent(
      `${token}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`,
    )}`;
    const otherToken = `claimdesk.session_token=${encodeURIComponent(`${"x".repeat(32)}.${signature}`)}`;
    for (const header of [
      undefined,
      "claimdesk.session_token=random.token",
      tampered,
      otherToken,
    ]) {
      const headers: Record<string, string> = { origin: BASE };
      if (header) headers.cookie = header;
      const result = await requireUser(post(headers), "viewer");
      expect("response" in result && result.response.status, header).toBe(401);
    }
  });

  it("answers 401 for an expired session and for a disabled user's live session", async () => {
    const expired = await signedIn("analyst");
    db.$client
      .prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ?")
      .run(Date.now() - 60_000, expired.id);
    expect(await getSessionUser(new Headers({ cookie: expired.cookie }))).toBeNull();

    const disabled = await signedIn("analyst");
    expect(await getSessionUser(new Headers({ cookie: disabled.cookie }))).not.toBeNull();
    // As if the request raced the admin's "disable": the session row is still there.
    db.$client.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(disabled.id);
    const result = await requireUser(post({ cookie: disabled.cookie, origin: BASE }), "viewer");
    expect("response" in result && result.response.status).toBe(401);
  });

  it("answers 403 below the role, at every step of the hierarchy", async () => {
    const ranks: TUserRole[] = ["viewer", "analyst", "adjudicator", "admin"];
    for (const [i, role] of ranks.entries()) {
      const { cookie } = await signedIn(role);
      for (const [j, least] of ranks.entries()) {
        const result = await requireUser(post({ cookie, origin: BASE }), least);
        const status = "response" in result ? result.response.status : 200;
        expect(status, `${role} asking for ${least}`).toBe(i >= j ? 200 : 403);
      }
    }
  });

  it("refuses a cross-site write with 403 before looking at the session", async () => {
    const { cookie } = await signedIn("admin");
    const crossSite: Record<string, string>[] = [
      { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { cookie, origin: "https://evil.example" },
    ];
    for (const headers of crossSite) {
      const result = await requireUser(post(headers), "viewer");
      expect("response" in result && result.response.status).toBe(403);
      const body =
        "response" in result ? ((await result.response.json()) as { error: string }) : null;
      expect(body?.error).toMatch(/cross-site/i);
    }
    // Reads are not writes: a cross-site GET (a link) is judged by its session alone.
    const read = await requireUser(
      new Request(`${BASE}/api/export`, {
        headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      }),
      "viewer",
    );
    expect("user" in read).toBe(true);
  });

  it("treats every non-GET/HEAD method as a write", async () => {
    const { cookie } = await signedIn("admin");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const req = new Request(`${BASE}/api/x`, {
        method,
        headers: { cookie, "sec-fetch-site": "cross-site" },
      });
      const result = await requireUser(req, "viewer");
      expect("response" in result && result.response.status, method).toBe(403);
    }
  });
});
