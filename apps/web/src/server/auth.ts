/** The web server's better-auth instance and the signed-in user of a request. */
import "server-only";
import { hasRole, type SessionUser } from "@claimdesk/api";
import { type Auth, createAuth, loadAuthSecret } from "@claimdesk/auth";
import { isUserDisabled, resolveDbPath } from "@claimdesk/db";
import type { TUserRole } from "@claimdesk/types";
import { getDb } from "./db";

const cache = globalThis as typeof globalThis & { claimdeskAuth?: Auth };

/** Where the app is reached: CLAIMDESK_URL, else localhost on PORT (next start's default 3000). */
export function appBaseUrl(env = process.env): string {
  return env.CLAIMDESK_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
}

/** localhost and 127.0.0.1 are the same app to a person; trust both spellings of the base URL. */
function trustedOrigins(base: string): string[] {
  const url = new URL(base);
  const other =
    url.hostname === "localhost" ? "127.0.0.1" : url.hostname === "127.0.0.1" ? "localhost" : null;
  if (other === null) return [url.origin];
  return [url.origin, `${url.protocol}//${other}${url.port ? `:${url.port}` : ""}`];
}

/** A "max/seconds" limit from the environment: CLAIMDESK_SIGN_IN_LIMIT (per client IP, default
 * 5/60) or CLAIMDESK_ACCOUNT_SIGN_IN_LIMIT (per account, default 10/300). */
function limitFromEnv(value: string | undefined): { window: number; max: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? "");
  return match ? { max: Number(match[1]), window: Number(match[2]) } : undefined;
}

export function getAuth(): Auth {
  if (!cache.claimdeskAuth) {
    const baseURL = appBaseUrl();
    cache.claimdeskAuth = createAuth(getDb(), {
      baseURL,
      secret: loadAuthSecret(resolveDbPath()),
      trustedOrigins: trustedOrigins(baseURL),
      signInLimit: limitFromEnv(process.env.CLAIMDESK_SIGN_IN_LIMIT),
      accountSignInLimit: limitFromEnv(process.env.CLAIMDESK_ACCOUNT_SIGN_IN_LIMIT),
    });
  }
  return cache.claimdeskAuth;
}

/** The request's signed-in user, or null (no cookie, forged or expired session, disabled user). */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const id = Number(session.user.id);
  // Disabling deletes sessions, but a request may race it: check the row itself.
  if (isUserDisabled(getDb(), id)) return null;
  return { id, name: session.user.name, role: session.user.role as TUserRole };
}

/** The origin of a Referer header; "null" (never trusted) if it does not parse, null if absent. */
function refererOrigin(referer: string | null): string | null {
  if (referer === null) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

/** Is `origin` this app? For refusing cross-site POSTs to our own route handlers. */
export function isSameOrigin(req: Request): boolean {
  // Browsers send Sec-Fetch-Site on every request; "same-origin" is the only safe value for writes.
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  // Older browsers may omit Origin on a form POST but still send Referer: judge by its origin.
  const origin = req.headers.get("origin") ?? refererOrigin(req.headers.get("referer"));
  // Non-browser clients (curl, scripts) send none of these; they cannot carry a victim's cookie.
  if (origin === null) return true;
  return trustedOrigins(appBaseUrl()).includes(origin) || origin === new URL(req.url).origin;
}

/** For route handlers: the user if signed in with at least `least`, else the Response to send. */
export async function requireUser(
  req: Request,
  least: TUserRole,
): Promise<{ user: SessionUser } | { response: Response }> {
  if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req))
    return { response: Response.json({ error: "Cross-site request refused." }, { status: 403 }) };
  const user = await getSessionUser(req.headers);
  if (!user) return { response: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!hasRole(user, least))
    return {
      response: Response.json(
        { error: `This needs the ${least} role or higher; you are ${user.role}.` },
        { status: 403 },
      ),
    };
  return { user };
}
