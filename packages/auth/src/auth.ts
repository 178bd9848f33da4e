/**
 * Sign-in for the web app: better-auth with email + password on Claimdesk's own SQLite database
 * (Drizzle adapter over the tables in packages/db/src/schema/users.ts and auth.ts).
 * Sessions live in the database and in an httpOnly, SameSite=Lax cookie; sign-up is closed
 * (admins create accounts, the first admin is created on first run); sign-in is rate-limited.
 */
import {
  accounts,
  type Db,
  isUserDisabled,
  rateLimits,
  sessions,
  users,
  verifications,
} from "@claimdesk/db";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";

export interface AuthOptions {
  /** Where the app is served, e.g. http://localhost:3000: cookies and origin checks use it. */
  baseURL: string;
  /** Signs session cookies; at least 32 characters (see loadAuthSecret). */
  secret: string;
  /** Other origins the app is reached at (e.g. http://127.0.0.1:3000). */
  trustedOrigins?: string[];
  /** Sign-in attempts allowed per client IP in `window` seconds. */
  signInLimit?: { window: number; max: number };
}

/** Minimum password length; checked by better-auth and by the setup and user forms. */
export const MIN_PASSWORD_LENGTH = 10;

export const DEFAULT_SIGN_IN_LIMIT = { window: 60, max: 5 };

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
