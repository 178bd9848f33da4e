/**
 * The web benchmarks' analyst account: created with a password in the benchmark's database (the
 * way `pnpm worker user create` does it, through packages/auth), then signed in over better-auth's
 * HTTP endpoint so every request the benchmark sends carries a real session cookie.
 */
import { createUserWithPassword } from "../../packages/auth/src/index";
import type { Db } from "../../packages/db/src/index";

export const BENCH_ANALYST = {
  name: "Bench Analyst",
  email: "bench-analyst@example.org",
  // A benchmark database's throwaway account, never a real one.
  password: "bench-analyst-password",
} as const;

/** The analyst's user id, creating the account (role analyst, password above) when missing. */
export async function ensureBenchAnalyst(db: Db, who = BENCH_ANALYST): Promise<number> {
  const row = db.$client.prepare("select id from users where email = ?").get(who.email) as
    | { id: number }
    | undefined;
  if (row) return row.id;
  const user = await createUserWithPassword(
    db,
    { name: who.name, email: who.email, password: who.password, role: "analyst" },
    null,
  );
  return user.id;
}

/**
 * Signs in through POST /api/auth/sign-in/email and returns the Cookie header to send (the
 * session cookie, plus any other cookie better-auth set). Throws with the answer if refused.
 */
export async function signIn(base: string, who = BENCH_ANALYST): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (!res.ok)
    throw new Error(`sign-in as ${who.email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("session_token")) throw new Error("sign-in set no session cookie");
  return cookie;
}
