/**
 * Sign-in for the web app: better-auth with email + password on Claimdesk's own SQLite database
 * (Drizzle adapter over the tables in packages/db/src/schema/users.ts and auth.ts).
 * Sessions live in the database and in an httpOnly, SameSite=Lax cookie; sign-up is closed
 * (admins create accounts, the first admin is created on first run); sign-in is rate-limited.
 */
import {
  accounts,
  consumeAttempt,
  type Db,
  isUserDisabled,
  rateLimits,
  sessions,
  users,
  verifications,
} from "@claimdesk/db";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, getIP } from "better-auth/api";

export interface AuthOptions {
  /** Where the app is served, e.g. http://localhost:3000: cookies and origin checks use it. */
  baseURL: string;
  /** Signs session cookies; at least 32 characters (see loadAuthSecret). */
  secret: string;
  /** Other origins the app is reached at (e.g. http://127.0.0.1:3000). */
  trustedOrigins?: string[];
  /** Sign-in attempts allowed per client IP in `window` seconds. */
  signInLimit?: { window: number; max: number };
  /** Sign-in attempts allowed per account (email) from one client IP in `window` seconds. */
  accountSignInLimit?: { window: number; max: number };
  /** Sign-in attempts allowed per account from all clients together; by default
   * accountSignInCap(accountSignInLimit). */
  accountSignInCap?: { window: number; max: number };
}

/** Minimum password length; checked by better-auth and by the setup and user forms. */
export const MIN_PASSWORD_LENGTH = 10;

export const DEFAULT_SIGN_IN_LIMIT = { window: 60, max: 5 };

/**
 * Sign-in attempts per account and client IP. Keyed by both, so an attacker failing an account's
 * sign-in uses up their own address's allowance, not the owner's: the owner, elsewhere, still
 * signs in. (Keyed by the account alone, 10 failures from anyone locked the owner out for 5
 * minutes.) The per-IP limit and this one trust X-Forwarded-For, which a client can forge when no
 * proxy overwrites it; the per-account cap below holds whatever the client claims.
 */
export const DEFAULT_ACCOUNT_SIGN_IN_LIMIT = { window: 300, max: 10 };

/**
 * The cap on one account's sign-in attempts from all addresses together, against guessing spread
 * over many addresses (or forged ones): five addresses' worth of the per-address limit over three
 * of its windows (50 per 15 minutes by default). Reaching it takes an attacker five times the
 * attempts the old per-account limit did, and it still bounds guessing at 200 an hour.
 */
export function accountSignInCap(limit: { window: number; max: number }): {
  window: number;
  max: number;
} {
  return { window: limit.window * 3, max: limit.max * 5 };
}

export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    appName: "Claimdesk",
    baseURL: options.baseURL,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    // No outbound calls: this machine (and many deployments) have no internet.
    telemetry: { enabled: false },
    advanced: {
      // Integer ids, like every other table: annotations reference users.id.
      database: { generateId: "serial" },
      cookiePrefix: "claimdesk",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "analyst" },
        disabled: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": options.signInLimit ?? DEFAULT_SIGN_IN_LIMIT },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") return;
        const account = email.trim().toLowerCase();
        const from = ctx.request ?? ctx.headers;
        const ip = (from ? getIP(from, ctx.context.options) : null) ?? "unknown";
        const limit = options.accountSignInLimit ?? DEFAULT_ACCOUNT_SIGN_IN_LIMIT;
        // This address's allowance first: its refused attempts do not count against the cap.
        const wait =
          consumeAttempt(db, `account-sign-in:${account}|ip:${ip}`, limit) ??
          consumeAttempt(
            db,
            `account-sign-in:${account}`,
            options.accountSignInCap ?? accountSignInCap(limit),
          );
        if (wait !== null)
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts for this account. Try again in ${wait} s.`,
          });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account keeps its data but cannot start a session.
          async before(session) {
            if (isUserDisabled(db, Number(session.userId)))
              throw new APIError("FORBIDDEN", { message: "This account is disabled." });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
